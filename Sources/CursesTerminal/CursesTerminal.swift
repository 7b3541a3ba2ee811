// The only module that knows curses.
import CNCurses
import PlanUI
