/// FNV-1a, 64-bit: a fixed hash of an id, so a random stream is named by *what* it is for, not by
/// an index that changes when a file is edited.
///
/// Two scenarios that share an element id therefore draw the same numbers for it (common random
/// numbers), whatever else they contain.
enum StableHash {
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
