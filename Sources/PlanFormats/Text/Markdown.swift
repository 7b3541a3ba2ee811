import PlanModel

/// Plan text in a markdown document: every character that markdown (or
/// the HTML it may carry) would read as markup gets a backslash, so a title
/// such as `[x](javascript:…)` or `<img onerror=…>` stays text. The one
/// escaping for every markdown writer (summary, diff).
public func markdownEscaped(_ s: String) -> String {
  var out = ""
  out.reserveCapacity(s.utf8.count)
  for c in s {
    if "\\`*_[]<>#|".contains(c) { out.append("\\") }
    out.append(c)
  }
  return out
}
