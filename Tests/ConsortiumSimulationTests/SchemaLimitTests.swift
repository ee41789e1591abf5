import ConsortiumModel
import ConsortiumSimulation
import ConsortiumXML
import Foundation
import Testing

/// Figures that model nothing real (growth far outside GAO's range, durations longer than the date range)
/// are refused with a located error.
struct SchemaLimitTests {
    typealias Files = IntegerLimitTests

    /// Growth of a median 10^-9 and a P90 of 10^9 gave factors of 10^100 and costs past 2^63; the schema
    /// now keeps factors in 0.5...5 and the checker keeps the P90 within 3 times the median.
    @Test(arguments: [
        (#"cost-median="0.000000001" cost-p90="1000000000""#, "schema", "cost-median"),
        (#"cost-median="1" cost-p90="4""#, "impossible-value", "<growth"),
        (#"cost-median="0.5" cost-p90="1.6""#, "impossible-value", "<growth"),
    ])
    func growthOutsideTheRealWorldRangeIsALocatedError(attributes: String, code: String, locatedAt: String) throws {
        let growth = "<growth \(attributes) schedule-median=\"1.2\" schedule-p90=\"1.6\"/>"
        let text = Files.agency(growth: growth)
        let error = try #require(Files.errors(Files.load(text)).first { $0.code == code }, "\(attributes) was accepted")
        let at = try Files.position(of: locatedAt, in: text)
        #expect(error.location.line == at.line && error.location.column == at.column, "\(error)")
        #expect((error.hint ?? "").contains("GAO"), "\(error.hint ?? "")")
    }

    @Test func growthAtTheAllowedExtremesLoads() {
        for attributes in [
            #"cost-median="0.5" cost-p90="1.5" schedule-median="5" schedule-p90="5""#,
            #"cost-median="1.7" cost-p90="5" schedule-median="0.5" schedule-p90="0.5""#,
        ] {
            let outcome = Files.load(Files.agency(growth: "<growth \(attributes)/>"))
            #expect(Files.errors(outcome).isEmpty, "\(attributes): \(Files.errors(outcome))")
        }
    }

    /// A mission lasting 10^9 days ended in the year 2,739,933, which no date format holds: durations are
    /// now at most 100,000 days.
    @Test func aDurationLongerThanTheDateRangeIsALocatedError() throws {
        let mission = Fixture.oneLaunch([("hab-1", "hab", "a")], duration: 1_000_000_000)
        let error = try #require(Files.errors(Files.load(Files.agency(), mission: mission)).first)
        #expect(error.code == "schema" && error.message.contains("duration-days"), "\(error)")
        let atMaximum = Fixture.oneLaunch([("hab-1", "hab", "a")], duration: Double(ValueLimits.maximumDays))
        #expect(Files.errors(Files.load(Files.agency(), mission: atMaximum)).isEmpty)
    }
}
