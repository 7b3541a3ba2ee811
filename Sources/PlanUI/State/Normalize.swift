import PlanModel

/// Keeps the state consistent after any change: a focus that no longer
/// shows is dropped, and the selected row is scrolled into view.
public func normalize(_ s: inout AppState) {
  if s.indexStorage?.key != YearIndex.key(s) {
    s.indexStorage = s.indexStorage?.updated(for: s) ?? YearIndex(s)
  }
  if s.ganttStorage?.key != GanttRows.key(s) { s.ganttStorage = GanttRows(s) }
  if !s.layers.isEmpty, s.layerDaysStorage?.key != LayerDays.key(s) { s.layerDaysStorage = LayerDays(s) }
  if s.searchStorage?.key != SearchMatches.key(s) { s.searchStorage = SearchMatches(s) }
  if s.focusID != nil {
    if s.focusedLayerEvent != nil {
      // A layer's event is a row of the list only.
      if s.view != .list || !s.layersShown { s.focusID = nil }
    } else {
      let theme = s.focusedActivity?.theme ?? s.focusedMilestone?.theme
      if theme == nil || s.hiddenThemes.contains(theme!) { s.focusID = nil }
    }
  }
  if let t = s.focusTheme, s.hiddenThemes.contains(t) { s.focusTheme = nil }
  if s.focusID == nil && s.focusTheme == nil, let first = s.visibleThemes.first {
    s.focusTheme = first.id
  }
  let height = max(1, s.bodyRect.height - 2 - GanttLayout.layerLanes(s))  // minus the time axis and the layers
  let gantt = GanttLayout(s)
  if let row = gantt.selectedRow(s) {
    if row < s.ganttScroll { s.ganttScroll = row }
    if row >= s.ganttScroll + height { s.ganttScroll = row - height + 1 }
  }
  s.ganttScroll = max(0, min(s.ganttScroll, max(0, gantt.rows.count - height)))
  if s.view == .list {
    if s.listStorage?.key != ListLayout.key(s) { s.listStorage = ListLayout(s) }
    let list = ListLayout.of(s)
    let listHeight = max(1, s.bodyRect.height - 1)
    if let row = list.selectedRow(s) {
      if row < s.listScroll { s.listScroll = row }
      if row >= s.listScroll + listHeight { s.listScroll = row - listHeight + 1 }
    }
    s.listScroll = max(0, min(s.listScroll, max(0, list.items.count - listHeight)))
  }
}
