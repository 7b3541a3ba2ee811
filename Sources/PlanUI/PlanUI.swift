// The pure screen layer: views, grid and the state machine live here.
import PlanKit
