import Foundation
import PlanModel

public enum ViewKind: String, Sendable, CaseIterable {
  case wheel, gantt, list
}

public enum Zoom: Int, Sendable, CaseIterable {
  /// Every year of several plans opened as one (`AppState.span`).
  case project = -1
  case year, quarter, month
}

public enum Overlay: Sendable, Equatable {
  case none
  case help
  case details
  /// Delete this item? (yes / no)
  case confirmDelete(String)
  /// Quit with unsaved changes: save, discard or stay.
  case confirmQuit
  /// The file changed on disk: reload, overwrite or save to a copy.
  case conflict
  /// An earlier session left unsaved edits: restore or discard.
  case recover
  /// The plan's merge conflicts, one selected: ours, theirs or edit.
  case mergeConflicts
}

/// The whole state of the terminal UI. Views draw it, `update` changes it;
/// "today" comes in from outside so that both stay pure.
public struct AppState: Sendable {
  public var plan: Plan
  public var fileName: String
  public var today: Day
  public var view: ViewKind = .gantt
  /// The planning year on screen.
  public var year: Int
  /// The selected day: where the selection stands along the year.
  public var cursor: Day
  /// The selected activity or milestone, shared by every view.
  public var focusID: String?
  /// The theme whose lane is selected when no item is (a Gantt header row).
  public var focusTheme: String?
  public var zoom: Zoom = .year
  /// The days of several plans opened as one (a project's years): the
  /// Gantt chart's widest zoom runs across them. nil for one plan.
  public var span: DayRange?
  public var hiddenThemes: Set<String> = []
  /// The search in force (`/`), and the one being typed.
  public var search = ""
  public var searchDraft: String?
  /// The sync's password being typed (y, when the server wants one that
  /// ~/.netrc and ARSHJUL_PASSWORD do not give); shown masked, kept nowhere
  /// once it is sent.
  public var passwordPrompt: PasswordPrompt?
  public var overlay: Overlay = .none
  public var width: Int
  public var height: Int
  public var readOnly = false
  /// Why it is read-only, when another arshjul holds the plan.
  public var readOnlyReason: String?
  /// The form open over the view, if any.
  public var form: Form?
  /// What each edit changed (undo) and each undone one (redo), with the
  /// version numbers, so "unsaved" is exact after undoing to the save.
  public var undoStack: [UndoStep] = []
  public var redoStack: [UndoStep] = []
  public var version = 0
  /// Each person's timed activities for the status line's warnings, made once
  /// per plan version (a reference: frames only read the state).
  let warningIndex = WarningIndex()
  public var savedVersion = 0
  private var nextVersion = 1
  /// The selected line of the merge-conflict list.
  public var conflictIndex = 0
  /// Unsaved edits of an earlier session, while the planner decides.
  public var pendingRecovery: Plan?
  /// The file on disk changed after the pending recovery's edits were made.
  public var recoveryFileChanged = false
  /// Quit once the save in flight has gone through.
  public var quitAfterSave = false
  /// A sync asked for while edits were unsaved: it starts once they are.
  public var syncAfterSave = false
  /// A sync runs in the background: edits wait until it is over.
  public var syncing = false
  /// The calendar's state after a sync, kept once the plan is saved.
  public var syncStateToKeep: SyncState?
  /// Other calendars and plans shown beside the plan (read at the edge,
  /// in the background: they arrive with `layersRead`), and whether they show.
  public var layers: [LayerEvents] = [] {
    didSet { layersVersion += 1 }
  }
  public var layersShown = true
  var layersVersion = 0
  /// The wheel in plain characters, for fonts without braille.
  public var asciiWheel = false
  /// A one-line notice in the status line, cleared by the next key.
  public var notice: String?
  /// First visible row of the Gantt chart and the list.
  public var ganttScroll = 0
  public var listScroll = 0

  /// Derived data of the planning year and of the search, kept fresh by `normalize`.
  var indexStorage: YearIndex?
  var searchStorage: SearchMatches?
  var listStorage: ListLayout?
  var ganttStorage: GanttRows?
  var layerDaysStorage: LayerDays?
  /// Which activities the last edit changed and what they were, so the
  /// index is updated without the plan before the edit (which it would have
  /// to keep, making every edit copy the list of all activities).
  var lastChange: (from: Int, to: Int, activities: [Int], old: [Activity])?

  public init(plan: Plan, fileName: String, today: Day, width: Int = 80, height: Int = 24) {
    self.plan = plan
    self.fileName = fileName
    self.today = today
    self.width = width
    self.height = height
    let y = plan.planningYear(today: today)
    self.year = y
    let range = plan.yearRange(y)
    cursor = range.contains(today) ? today : range.from
    indexStorage = YearIndex(self)
    normalize(&self)
    // A plan with merge conflicts opens on their list.
    if !plan.conflicts.isEmpty { overlay = .mergeConflicts }
  }

  public var text: UIText { UIText(plan.language) }
  public var dirty: Bool { version != savedVersion }

  /// A fresh version number for an edit.
  mutating func takeVersion() -> Int {
    defer { nextVersion += 1 }
    return nextVersion
  }
  public var yearRange: DayRange { plan.yearRange(year) }

  /// The layers on screen: none when hidden with the layers key.
  public var shownLayers: [LayerEvents] { layersShown ? layers : [] }

  /// The layers' events by day: the stored table when it is current.
  var layerDays: LayerDays {
    if let d = layerDaysStorage, d.key == LayerDays.key(self) { return d }
    return LayerDays(self)
  }
  public var visibleThemes: [Theme] { plan.themes.filter { !hiddenThemes.contains($0.id) } }

  /// The minimum size the views are drawn at.
  public static let minWidth = 60
  public static let minHeight = 16
  public var isTooSmall: Bool { width < Self.minWidth || height < Self.minHeight }

  /// Rows between the header and the two bottom lines.
  public var bodyRect: Rect { Rect(x: 0, y: 1, width: width, height: height - 3) }

  /// The year's index: the stored one when it is current, else a fresh one.
  public var index: YearIndex {
    if let i = indexStorage, i.key == YearIndex.key(self) { return i }
    return YearIndex(self)
  }

  /// Which items match the search in force.
  var searchMatches: SearchMatches {
    if let m = searchStorage, m.key == SearchMatches.key(self) { return m }
    return SearchMatches(self)
  }

  public var focusedActivity: Activity? {
    guard let id = focusID, let i = index.activityIndex[id], i < plan.activities.count else { return nil }
    return plan.activities[i]
  }
  public var focusedMilestone: Milestone? {
    guard let id = focusID, let i = index.milestoneIndex[id], i < plan.milestones.count else { return nil }
    return plan.milestones[i]
  }

  /// Does this item match the search in force (case- and accent-blind)?
  public func matches(_ title: String, _ extra: String?...) -> Bool {
    guard !search.isEmpty else { return true }
    let needle = folded(search)
    return ([title] + extra.compactMap { $0 }).contains { folded($0).contains(needle) }
  }
}

/// The search in force, applied once per search and plan version.
struct SearchMatches: Sendable {
  struct Key: Sendable, Equatable {
    var search: String
    var version: Int
    var activities: Int
  }
  let key: Key
  let activities: [Bool]
  let milestones: [Bool]

  static func key(_ s: AppState) -> Key {
    Key(search: s.search, version: s.version, activities: s.plan.activities.count)
  }

  init(_ s: AppState) {
    key = SearchMatches.key(s)
    if s.search.isEmpty {
      activities = []
      milestones = []
      return
    }
    activities = s.plan.activities.map { s.matches($0.title, $0.owner, $0.location, $0.notes) }
    milestones = s.plan.milestones.map { s.matches($0.title, $0.notes) }
  }

  func matches(_ r: YearIndex.Ref) -> Bool {
    if key.search.isEmpty { return true }
    return r.isMilestone ? milestones[r.milestone] : activities[r.activity]
  }
}

/// The plan's timed activities by person, remembered for one plan version.
final class WarningIndex: @unchecked Sendable {
  private let lock = NSLock()
  private var version = -1
  private var byPerson: [String: [Int]] = [:]

  func timedByPerson(_ plan: Plan, version: Int) -> [String: [Int]] {
    lock.lock()
    defer { lock.unlock() }
    if version != self.version {
      byPerson = PlanWarnings.timedByPerson(plan)
      self.version = version
    }
    return byPerson
  }
}
