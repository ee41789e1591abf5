#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Formats numbers exactly as Python 3 does, so our output can be compared with the peer model's text.
public enum PythonFormat {
    /// Python's `repr(x)` of a float: the shortest digits that round-trip, in fixed notation when the decimal
    /// exponent is in -4..<16 (always with a fractional part, "2700.0"), scientific otherwise ("1e-05", "1e+16").
    ///
    /// Swift's `description` yields the same shortest round-trip digits but switches notation at other
    /// exponents (from 2^53 up, and below 1e-4 differently), so the digits are re-laid out here.
    public static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let sign = value.sign == .minus ? "-" : ""
        let (digits, exponent) = shortestDigits(abs(value))
        if exponent >= -4 && exponent < 16 {
            if exponent < 0 { return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits }
            if digits.count <= exponent + 1 {
                return sign + digits + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
            }
            let split = digits.index(digits.startIndex, offsetBy: exponent + 1)
            return sign + digits[..<split] + "." + digits[split...]
        }
        let mantissa = digits.count == 1 ? digits : String(digits.prefix(1)) + "." + digits.dropFirst()
        let magnitude = abs(exponent)
        return sign + mantissa + (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
    }

    /// The significant digits (no leading or trailing zeros; "0" for zero) and the decimal exponent of the
    /// first digit, read from Swift's shortest round-trip `description`.
    static func shortestDigits(_ value: Double) -> (digits: String, exponent: Int) {
        let text = value.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let power = parts.count > 1 ? Int(parts[1])! : 0
        let pointOffset = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
        let integerDigits = pointOffset ?? mantissa.count
        let allDigits = mantissa.filter { $0 != "." }
        guard let firstNonZero = allDigits.firstIndex(where: { $0 != "0" }) else { return ("0", 0) }
        let leadingZeros = allDigits.distance(from: allDigits.startIndex, to: firstNonZero)
        var digits = String(allDigits[firstNonZero...])
        while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
        return (digits, integerDigits - leadingZeros - 1 + power)
    }

    /// Python's `f"{x:.{places}f}"` (and C's `%.*f`): correctly rounded, ties to even on the exact value.
    public static func fixed(_ value: Double, _ places: Int) -> String {
        cFormat("%.\(places)f", value)
    }

    /// Python's `f"{x:g}"` (C's `%g`): six significant digits, trailing zeros removed.
    public static func general(_ value: Double) -> String {
        cFormat("%g", value)
    }

    /// Python's `f"{x:,.{places}f}"`: fixed notation with commas between groups of three integer digits.
    public static func grouped(_ value: Double, _ places: Int) -> String {
        let text = fixed(value, places)
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : Substring(text)
        let integerPart = body.prefix { $0 != "." }
        let rest = body.dropFirst(integerPart.count)
        var groupedDigits = ""
        for (offset, character) in integerPart.enumerated() {
            if offset > 0 && (integerPart.count - offset) % 3 == 0 { groupedDigits.append(",") }
            groupedDigits.append(character)
        }
        return (negative ? "-" : "") + groupedDigits + rest
    }

    /// One double through the C library's `vsnprintf`, which is correctly rounded on glibc and Darwin.
    private static func cFormat(_ format: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 400)
        let written = withVaList([value]) { arguments in
            vsnprintf(&buffer, buffer.count, format, arguments)
        }
        precondition(written >= 0 && Int(written) < buffer.count, "formatting \(value) with \(format) failed")
        return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
