import Testing

@testable import PlanUI
