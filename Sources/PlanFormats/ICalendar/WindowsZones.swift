import PlanModel
import _FoundationICU

/// Windows zone names ("Pacific Standard Time", "W. Europe Standard Time"),
/// as Outlook and Exchange write them in TZID, to IANA names: CLDR's
/// windowsZones mapping as ICU carries it (the copy inside Foundation), so
/// the list follows CLDR instead of a hand-kept table.
enum WindowsZones {
  static func iana(_ windowsName: String) -> String? {
    let name = Array(windowsName.utf16)
    guard !name.isEmpty, name.count < 128 else { return nil }
    var out = [UChar](repeating: 0, count: 128)
    var status = U_ZERO_ERROR
    let n = swift_ucal_getTimeZoneIDForWindowsID(name, Int32(name.count), "001", &out, Int32(out.count), &status)
    guard status.rawValue <= U_ZERO_ERROR.rawValue, n > 0, n < out.count else { return nil }
    return String(decoding: out.prefix(Int(n)), as: UTF16.self)
  }
}
