import PlanModel

/// Text and attributes escaped for HTML: every piece of plan text goes
/// through here, so a title like `</script><img onerror=…>` is only text.
/// The rules are the SVG writer's (XML and HTML share them).
enum HTML {
  static func escape(_ s: String) -> String { SVGWriter.escape(s) }
}
