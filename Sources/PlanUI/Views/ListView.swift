import PlanFormats
import PlanModel

/// The agenda: every occurrence of the year in date order, with week,
/// theme, owner and status; filtered by the theme toggles and the search.
enum ListView {
  static func render(_ s: AppState, in r: Rect, into g: inout Grid) {
    let layout = ListLayout.of(s)
    let w = Wording(s.plan.language)
    let t = s.text
    let showOwner = r.width >= 100
    let dateW = 14
    let weekW = 7
    let themeW = r.width >= 120 ? 20 : 12
    let ownerW = showOwner ? min(26, r.width / 6) : 0
    let statusW = 9
    let fixed = 1 + dateW + 1 + weekW + 1 + themeW + 1 + (showOwner ? ownerW + 1 : 0) + statusW + 1
    let titleW = max(10, r.width - fixed)
    var columns: [(String, Int)] = [
      (t.columns[0], dateW), (t.columns[1], weekW), (t.columns[2], themeW), (t.columns[3], titleW),
    ]
    if showOwner { columns.append((t.columns[4], ownerW)) }
    columns.append((t.columns[5], statusW))
    var x = r.x + 1
    for (name, width) in columns {
      g.text(name, x: x, y: r.y, width: width, style: Style(bold: true, underline: true))
      x += width + 1
    }
    if layout.items.isEmpty {
      let why = s.visibleThemes.isEmpty ? t.allHidden : (s.search.isEmpty ? t.noItems : t.noMatch(s.search))
      g.text(why, x: r.x + 1, y: r.y + 2, style: .dim)
      return
    }
    let selected = layout.selectedRow(s)
    let height = r.height - 1
    for i in layout.items.indices.dropFirst(s.listScroll).prefix(height) {
      let y = r.y + 1 + i - s.listScroll
      let ref: YearIndex.Ref
      switch layout.items[i] {
      case .item(let own): ref = own
      case .layer(let l, let e, let start, let end):
        // Another calendar's event: dimmed, marked, read-only.
        let layer = s.layers[l]
        let event = layer.events[e]
        let isSelected = selected == i
        var st = Style(fg: .grey, dim: !isSelected)
        if isSelected {
          st.reverse = true
          g.fill(Rect(x: r.x, y: y, width: r.width, height: 1), style: Style(reverse: true))
        }
        var x = r.x + 1
        x = cell(w.range(start, end), x, dateW, y, st, &g)
        x = cell(w.weeks(start, end), x, weekW, y, st, &g)
        x = cell(sanitized(layer.name), x, themeW, y, st, &g)
        x = cell(
          t.layerMark + " " + (event.time.map { w.time($0) + " " } ?? "") + sanitized(event.title), x, titleW, y, st, &g
        )
        if showOwner { x = cell("", x, ownerW, y, st, &g) }
        _ = cell(t.layerWord, x, statusW, y, st, &g)
        continue
      }
      let item = layout.item(ref)
      let theme = s.plan.theme(item.theme)
      var base = Style.plain
      var status = ""
      var title = sanitized(item.title)
      switch item.kind {
      case .activity(let a):
        status = w.status(a.status)
        if a.status == .done { base.dim = true }
        if a.status == .cancelled { base.fg = .grey }
        if let time = a.time { title = w.time(time) + " " + title }
      case .milestone(let m):
        status = w.milestoneState(m.done)
        title = "◆ " + title
        base.bold = !m.done
        base.dim = m.done
      }
      let isSelected = selected == i
      if isSelected { g.fill(Rect(x: r.x, y: y, width: r.width, height: 1), style: Style(reverse: true)) }
      func style(_ st: Style) -> Style {
        var out = st
        if isSelected { out.reverse = true }
        return out
      }
      var x = r.x + 1
      let dateText = w.range(item.start, item.end)
      let today = s.today >= item.start && s.today <= item.end
      x = cell(dateText, x, dateW, y, style(today ? Style(fg: .red, bold: true) : base), &g)
      x = cell(w.weeks(item.start, item.end), x, weekW, y, style(Style(dim: true)), &g)
      x = cell(
        theme.map { sanitized($0.name) } ?? item.theme, x, themeW, y,
        style(Style(fg: theme.map { Color($0.color) } ?? .none)), &g)
      x = cell(title, x, titleW, y, style(base), &g)
      if showOwner {
        var owner = ""
        if case .activity(let a) = item.kind { owner = sanitized(a.owner ?? "") }
        x = cell(owner, x, ownerW, y, style(base), &g)
      }
      _ = cell(status, x, statusW, y, style(Style(dim: true)), &g)
    }
    if layout.items.count > height {
      let more = " \(s.listScroll + 1)–\(min(layout.items.count, s.listScroll + height))/\(layout.items.count) "
      g.text(more, x: r.maxX - displayWidth(more), y: r.y, style: .dim)
    }
  }

  static func cell(_ text: String, _ x: Int, _ width: Int, _ y: Int, _ style: Style, _ g: inout Grid) -> Int {
    g.text(text, x: x, y: y, width: width, style: style)
    return x + width + 1
  }
}
