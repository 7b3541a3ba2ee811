import PlanModel

/// Enter: the selected item's form, or in read-only its details.
func openSelected(_ s: inout AppState) {
  if s.readOnly {
    if s.focusID != nil { s.overlay = .details }
    return
  }
  if let a = s.focusedActivity {
    s.form = Form.edit(a, s)
  } else if let m = s.focusedMilestone {
    s.form = Form.edit(m, s)
  }
}
