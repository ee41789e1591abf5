import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumSimulation
import Testing

/// Money and returns that change hands are transfers, not spending: an agency's spending is what it paid
/// from its own money and is never negative, whatever it is given; its net contribution is spending plus
/// the returns in kind it gave, less those it earned and the money paid to it, and the nets sum to the
/// campaign's cost.
struct TransferTests {
    /// Provider "p" builds a 100-MUSD module (200 days, delivered 2026-07-20) for consumer "c", whose own
    /// habitat costs 50 MUSD and whose rocket costs 100; the contract's need-by is 2026-06-20, so the module
    /// is 30 days late (2026-06-20 to 2026-07-20) at a penalty of 3.0436875 MUSD a month (a month is 365.2425 / 12 days): 3 MUSD. The returns:
    /// `returns` (barter worth more than the module, cash, or both).
    static func plan(returns: String) throws -> SimulationPlan {
        var fixture = Fixture()
        let interfaces = #"<provides standard="std" revision="a"/>"#
        fixture.agencies["c"] = Fixture.agency(
            "c",
            extra: """
                <standard id="std" name="Shared standard" function="docking" published="true"><revision id="a"/></standard>
                """, designs: Fixture.design("hab", days: 100, cost: 50, interfaces: interfaces),
            vehicles: Fixture.vehicle("rocket"))
        fixture.agencies["p"] = Fixture.agency(
            "p", designs: Fixture.design("module", days: 200, cost: 100, interfaces: interfaces))
        fixture.missions["k"] = Fixture.campaign(
            "k",
            body: """
                <element id="hab-1" design="hab" agency="c" start="2026-01-01"/>
                <element id="module-1" design="module" agency="p" start="2026-01-01"/>
                <contract id="deal" provider="p" consumer="c" element="module-1" counterpart="hab-1" standard="std"
                          revision="a" need-by="2026-06-20" verification-days="0" penalty-musd-per-month="3.0436875">
                  \(returns)
                </contract>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="10">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="hab-1"/><payload element="module-1"/></launch>
                  <objective id="o" name="O"><needs element="hab-1"/><needs element="module-1"/></objective>
                </mission>
                """, lead: "c")
        return try fixture.plan("k")
    }

    /// Hand-computed: a barter return worth 400 MUSD for a 100-MUSD module. Before, the provider's cost was
    /// 100 + 3 - 400 = -297 MUSD; now it spent 103 (its module and the penalty), earned 400 in kind and
    /// contributed -297 net; the consumer spent 150 (habitat and rocket), gave 400 in kind, received the
    /// 3-MUSD penalty and contributed 547. The nets sum to the campaign's cost, 250.
    @Test func barterWorthMoreThanTheWorkNeverMakesSpendingNegative() throws {
        let plan = try Self.plan(returns: #"<return kind="flight" value-musd="400"/>"#)
        let outcome = try runTrial(plan)
        let ledger = outcome.ledger
        let (c, p) = (0, 1)
        #expect(plan.agencies[c].id.rawValue == "c" && plan.agencies[p].id.rawValue == "p")
        #expect(abs(ledger.spent(agency: p) - 103) < 1e-9)
        #expect(abs(ledger.inKindEarned[p] - 400) < 1e-9 && ledger.inKindGiven[p] == 0)
        #expect(abs(ledger.netContribution(agency: p) - -297) < 1e-9)
        #expect(abs(ledger.spent(agency: c) - 150) < 1e-9)
        #expect(abs(ledger.inKindGiven[c] - 400) < 1e-9)
        #expect(abs(ledger.received(agency: c) - 3) < 1e-9)
        #expect(abs(ledger.netContribution(agency: c) - 547) < 1e-9)
        #expect(abs(ledger.netContribution(agency: c) + ledger.netContribution(agency: p) - ledger.grandTotal) < 1e-9)
        #expect(abs(ledger.grandTotal - 250) < 1e-9)

        let result = try MonteCarlo.run(plan, MonteCarloOptions(trials: 50, seed: 1, threads: 2))
        #expect(result.agencySpent(p).p10 ?? -1 >= 0)
        #expect(abs((result.agencySpent(p).mean ?? 0) - 103) < 1e-6)
        #expect(abs((result.agencyNet(p).mean ?? 0) - -297) < 1e-6)
    }

    /// A cash return is the consumer's spending and the provider's receipt: 120 MUSD for the module. The
    /// consumer spent 150 + 120, received the 3-MUSD penalty, net 267; the provider spent 103, received
    /// 120, net -17. Nets sum to the campaign's cost, 250, in every trial.
    @Test func cashIsSpentByThePayerAndReceivedByThePaid() throws {
        let plan = try Self.plan(returns: #"<return kind="cash" value-musd="120"/>"#)
        let ledger = try runTrial(plan).ledger
        #expect(abs(ledger.spent(agency: 0) - 270) < 1e-9)
        #expect(abs(ledger.received(agency: 0) - 3) < 1e-9)
        #expect(abs(ledger.netContribution(agency: 0) - 267) < 1e-9)
        #expect(abs(ledger.spent(agency: 1) - 103) < 1e-9)
        #expect(abs(ledger.received(agency: 1) - 120) < 1e-9)
        #expect(abs(ledger.netContribution(agency: 1) - -17) < 1e-9)
        #expect(ledger.inKindGiven == [0, 0] && ledger.inKindEarned == [0, 0])
        #expect(abs(ledger.grandTotal - 250) < 1e-9)
    }

    /// Over the bundled campaigns, no agency's spending is ever negative (ESA's P10 was -441 MUSD on Artemis
    /// when barter counted as cost), and every trial's nets sum to its total.
    @Test(arguments: ["artemis", "outpost-integrated-barter", "ws-cash"])
    func bundledSpendingIsNeverNegativeAndNetsSumToTheTotal(_ id: String) throws {
        let plan = try #require(Bundled.plans.first { $0.0 == id }?.1)
        var runner = TrialRunner(plan: plan, seed: 5, recordsTrace: false, keepsLedgerEntries: false)
        for trial in 0..<40 {
            let ledger = try runner.run(trial: UInt64(trial)).ledger
            var net = 0.0
            for a in plan.agencies.indices {
                #expect(ledger.spent(agency: a) >= 0, "\(id) trial \(trial) \(plan.agencies[a].id)")
                net += ledger.netContribution(agency: a)
            }
            #expect(abs(net - ledger.grandTotal) <= 1e-9 * max(1, abs(ledger.grandTotal)))
        }
    }
}
