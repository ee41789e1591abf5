/// Exact decimal text for numbers held in a `Double`, whatever their size.
///
/// Converting a modelled quantity with `Int(x)` traps at 2^63 (about 9.2e18), which the schemas' figures
/// can reach: ten phases of 10^9 MUSD over thousands of elements, or costs stretched by growth. These
/// functions never convert to a fixed-width integer beyond its range: below 2^63 they use `UInt64` (the
/// same digits as before), above it they print the double's exact value with a small base-10^9 big integer.
public enum DecimalText {
    /// The decimal digits of `magnitude`, a non-negative whole number (`magnitude == magnitude.rounded()`),
    /// exactly: `digits(ofWhole: 0x1p70)` is `"1180591620717411303424"`.
    ///
    /// A negative, fractional or non-finite argument gives the digits of its rounded magnitude, or
    /// `"inf"` / `"nan"`.
    /// - Complexity: O(1) below 2^63; above it O(e²) for a binary exponent e ≤ 1023 (a few microseconds).
    public static func digits(ofWhole magnitude: Double) -> String {
        guard magnitude.isFinite else { return magnitude.isNaN ? "nan" : "inf" }
        let value = abs(magnitude).rounded()
        if value < 0x1p63 { return String(UInt64(value)) }
        // value = significand * 2^shift, with a 53-bit integer significand and shift >= 11.
        var shift = Int(value.exponent) - Double.significandBitCount
        let significand = (UInt64(1) << UInt64(Double.significandBitCount)) | value.significandBitPattern
        let base: UInt64 = 1_000_000_000
        var limbs: [UInt64] = [significand % base, significand / base % base, significand / base / base]
        while shift > 0 {
            // Each limb is below 10^9 < 2^30, so a limb shifted by up to 32 bits plus the carry fits in 64.
            let step = UInt64(min(shift, 32))
            shift -= Int(step)
            var carry: UInt64 = 0
            for i in limbs.indices {
                let product = limbs[i] << step + carry
                limbs[i] = product % base
                carry = product / base
            }
            while carry > 0 {
                limbs.append(carry % base)
                carry /= base
            }
        }
        while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
        var text = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }

    /// `value` rounded to the nearest whole number (halves away from zero), as exact decimal text with a
    /// minus sign when negative: `whole(-2.5)` is `"-3"`, `whole(-0.2)` is `"0"`, `whole(1e20)` is
    /// `"100000000000000000000"`; `"inf"`, `"-inf"` or `"nan"` when not finite.
    public static func whole(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let rounded = value.rounded()
        return (rounded < 0 ? "-" : "") + digits(ofWhole: rounded)
    }
}

extension Int {
    /// `value` rounded by `rule` and clamped to `bounds`: a safe index or day count from a modelled quantity.
    ///
    /// Unlike `Int(value)`, it never traps: NaN gives the lower bound, infinities and values beyond the
    /// bounds the nearest bound.
    public init(
        clamping value: Double, to bounds: ClosedRange<Int>,
        rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero
    ) {
        let rounded = value.rounded(rule)
        if !(rounded >= Double(bounds.lowerBound)) {
            self = bounds.lowerBound
        } else if rounded >= Double(bounds.upperBound) {
            self = bounds.upperBound
        } else {
            self = Int(rounded)
        }
    }
}
