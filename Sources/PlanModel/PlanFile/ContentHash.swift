/// FNV-1a, 64 bits, as hex: enough to tell whether a file changed.
public func contentHash(_ bytes: [UInt8]) -> String {
  var h: UInt64 = 0xcbf2_9ce4_8422_2325
  for b in bytes {
    h ^= UInt64(b)
    h = h &* 0x100_0000_01b3
  }
  return (hexDigits(UInt32(h >> 32), width: 8) + hexDigits(UInt32(h & 0xFFFF_FFFF), width: 8)).lowercased()
}
