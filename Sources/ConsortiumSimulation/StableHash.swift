/// FNV-1a, 64-bit: a fixed hash of an id, so a random stream is named by *what* it is for, not by
/// an index that changes when a file is edited.
///
/// Two scenarios that share an element id therefore draw the same numbers for it (common random
/// numbers), whatever else they contain.
public enum StableHash {
    static func of(_ text: String) -> UInt64 { of(bytes: text.utf8) }

    /// FNV-1a 64 of any bytes (also the fingerprint of an input file in reports).
    public static func of(bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
