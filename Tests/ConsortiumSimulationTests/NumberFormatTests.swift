import ConsortiumModel
import ConsortiumReport
import Testing

/// Report numbers render whatever their size, and exactly as before for everyday values.
struct NumberFormatTests {
    /// Exact digits past 2^63, where `Int(x)` traps: powers of two and of ten are exact doubles, so their
    /// digits are known by hand.
    @Test func wholeNumbersBeyondTwoToTheSixtyThreeKeepEveryDigit() {
        #expect(Format.musd(0x1p63) == "9,223,372,036,854,775,808")
        #expect(Format.musd(-0x1p64) == "-18,446,744,073,709,551,616")
        #expect(Format.musd(0x1p70) == "1,180,591,620,717,411,303,424")
        #expect(Format.musd(1e20) == "100,000,000,000,000,000,000")
        #expect(Format.musd(1e22) == "10,000,000,000,000,000,000,000")
        #expect(Format.grouped(rounding: 1e19) == "10,000,000,000,000,000,000")
        #expect(DecimalText.whole(0x1p100) == "1267650600228229401496703205376")
        // The largest double: 309 digits, starting 17976931348623157.
        let largest = DecimalText.whole(.greatestFiniteMagnitude)
        #expect(largest.count == 309 && largest.hasPrefix("17976931348623157"))
        #expect(Format.fixed(1e19, 1) == "10000000000000000000.0")
        #expect(Format.fixed(-0x1p64, 2) == "-18446744073709551616.00")
        #expect(Format.percent(1e18) == "100000000000000000000.0 %")
        #expect(Format.fixed(.greatestFiniteMagnitude, 3).hasSuffix("858368.000"))
    }

    @Test func nonFiniteValuesPrintAsWordsInsteadOfTrapping() {
        #expect(Format.musd(.infinity) == "inf")
        #expect(Format.musd(-.infinity) == "-inf")
        #expect(Format.musd(.nan) == "nan")
        #expect(Format.fixed(.nan, 1) == "nan")
        #expect(Int(clamping: .nan, to: -5...5) == -5)
        #expect(Int(clamping: .infinity, to: -5...5) == 5)
        #expect(Int(clamping: 1e300, to: Int.min...Int.max) == Int.max)
        #expect(Int(clamping: -1e300, to: Int.min...Int.max) == Int.min)
        #expect(Int(clamping: 2.7, to: 0...10, rounding: .down) == 2)
    }

    /// Everyday values: the same text as the integer-based formatter gave.
    @Test func everydayValuesKeepTheirFormat() {
        #expect(Format.musd(0) == "0")
        #expect(Format.musd(-0.4) == "0")
        #expect(Format.musd(999.5) == "1,000")
        #expect(Format.musd(-1234.5) == "-1,235")
        #expect(Format.musd(54_765.2) == "54,765")
        #expect(Format.grouped(-1_000_000) == "-1,000,000")
        #expect(Format.grouped(Int.min) == "-9,223,372,036,854,775,808")
        #expect(Format.fixed(0.12345, 3) == "0.123")
        #expect(Format.fixed(-0.04, 1) == "0.0")
        #expect(Format.fixed(-0.06, 1) == "-0.1")
        #expect(Format.fixed(5.25, 1) == "5.3")
        #expect(Format.fixed(12.0, 0) == "12")
        #expect(Format.fixed(3.14159, 2) == "3.14")
        #expect(Format.percent(0.834) == "83.4 %")
    }
}
