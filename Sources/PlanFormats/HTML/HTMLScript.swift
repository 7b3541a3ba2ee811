import PlanModel

/// The page's small script (Resources/page.js). Without it the page has
/// everything a reader needs: the agenda is the plain table and the wheel a
/// picture. With it the agenda's rows are made from the text of their
/// months after the load (a slice at a time, in tables of 100 laid out
/// only when seen, so a big plan's page opens at once and is whole a moment
/// later); each arc becomes a link to its row, named by the row's words,
/// that the arrows walk (one arc in the tab order at a time, as in the
/// terminal: ← → along a ring, ↑ ↓ across the rings); the theme buttons
/// hide themes (a class on their ring, legend line and months); focus and
/// hover rings are drawn on the top drawing; and the hand is drawn at
/// today, in the browser, so the page stays the same bytes every day. It
/// reads what it needs from the page: no plan text is ever written into
/// it. While it is still making rows the root carries `data-drawing`,
/// which tests and benchmarks wait for.
enum HTMLScript {
  /// Run first, in the head: months the script will fill are laid out
  /// only when seen (content-visibility) from the first frame on.
  static let early = "document.documentElement.classList.add('js');"

  /// Resources/page.js, as the build embedded it.
  static let source = String(decoding: PackageResources.page_js, as: UTF8.self)
}
