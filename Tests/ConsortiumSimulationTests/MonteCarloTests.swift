import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import Testing

/// Monte Carlo results against analytic answers, with tolerances derived from the number of trials.
///
/// A proportion p estimated from N trials has standard error sqrt(p (1 - p) / N); a sample quantile x_p
/// has standard error sqrt(p (1 - p) / N) / f(x_p), f the density (the asymptotic variance of order
/// statistics). Each check allows 4 standard errors (a false alarm about once in 16,000 runs; the seeds
/// are fixed, so a test either always passes or always fails) plus, for dates, the one-day bucket.
struct MonteCarloTests {
    static let trials = 4000

    static func tolerance(_ p: Double, _ n: Int = trials) -> Double {
        4 * (p * (1 - p) / Double(n)).squareRoot()
    }

    /// One element of a design with the given ranges, launched at once, in place on delivery.
    static func single(
        range: (Double, Double, Double), costRange: (Double, Double, Double)? = nil, reliability: Double = 1
    ) throws -> SimulationPlan {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: Fixture.design("hab", days: 0, range: range, costRange: costRange, reliability: reliability),
            vehicles: Fixture.vehicle("rocket", price: 0))
        fixture.missions["c"] = Fixture.oneLaunch([("hab-1", "hab", "a")])
        return try fixture.plan("c")
    }

    /// Two elements of reliability 0.9 and 0.8 on a near-perfect launcher: the objective that needs both
    /// succeeds with probability 0.9 * 0.8 = 0.72.
    @Test func successProbabilityIsTheProductOfIndependentReliabilities() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: Fixture.design("hab", days: 100, reliability: 0.9)
                + Fixture.design("rover", days: 100, reliability: 0.8),
            vehicles: Fixture.vehicle("rocket"))
        fixture.missions["c"] = Fixture.oneLaunch([("hab-1", "hab", "a"), ("rover-1", "rover", "a")], transit: 3)
        let result = try MonteCarlo.run(try fixture.plan("c"), MonteCarloOptions(trials: Self.trials, seed: 7))
        let success = result.objectiveSuccess(0)
        #expect(abs(success.value - 0.72) < Self.tolerance(0.72), "P(success) \(success.value)")
        #expect(success.interval.low < 0.72 && 0.72 < success.interval.high)
        // Every loss is an element failure, and the causes account for every lost trial.
        let causes = result.lossCauses(0)
        #expect(causes.map(\.cause) == [.elementFailure])
        #expect(abs(causes[0].probability - (1 - success.value)) < 1e-12)
    }

    /// A single triangular duration (100, 150, 300) days: the completion quantiles are the triangular
    /// quantiles. Above the mode (CDF 0.25 there), x_p = 300 - sqrt((1 - p) * 200 * 150), so
    /// x_0.5 = 177.53 and x_0.8 = 222.54; the density f(x) = 2 (300 - x) / (200 * 150).
    @Test func completionQuantilesMatchTheTriangularQuantiles() throws {
        let result = try MonteCarlo.run(
            try Self.single(range: (100, 150, 300)), MonteCarloOptions(trials: Self.trials, seed: 11))
        let q = result.completion
        for (p, value) in [(0.5, q.p50), (0.8, q.p80), (0.9, q.p90)] {
            let x = 300 - ((1 - p) * 200 * 150).squareRoot()
            let density = 2 * (300 - x) / (200 * 150)
            let tolerance = Self.tolerance(p) / density + 1
            let measured = try #require(value)
            #expect(abs(measured - x) < tolerance, "P\(Int(p * 100)): \(measured) against \(x) +- \(tolerance)")
        }
        // The mean: (100 + 150 + 300) / 3 = 183.33, sd sqrt((a^2+b^2+c^2-ab-ac-bc)/18) = 42.49; histogram
        // days are floored, so the measured mean is up to one day low.
        let mean = try #require(q.mean)
        #expect(abs(mean + 0.5 - 183.33) < 4 * 42.49 / Double(Self.trials).squareRoot() + 0.5)
    }

    /// Completion depends only on the duration draw and cost only on the (independent) cost draw, so the
    /// joint confidence at a target is the product of the two marginal probabilities.
    @Test func jointConfidenceOfIndependentQuantitiesIsTheProductOfTheMarginals() throws {
        let plan = try Self.single(range: (100, 150, 300), costRange: (50, 60, 100))
        // Completion by day 180 (the objective is achieved on the delivery day): F_D(180) = 1 - 120^2 / 30000.
        // Cost at most 70: F_C(70) = 1 - 30^2 / (50 * 40).
        let dateProbability = 1 - 120.0 * 120 / 30000
        let budgetProbability = 1 - 30.0 * 30 / (50 * 40)
        let result = try MonteCarlo.run(
            plan, MonteCarloOptions(trials: Self.trials, seed: 3, targetDay: 180, targetBudgetMUSD: 70))
        let product = dateProbability * budgetProbability
        #expect(abs(result.meetsTargetDate.value - dateProbability) < Self.tolerance(dateProbability))
        #expect(abs(result.meetsTargetBudget.value - budgetProbability) < Self.tolerance(budgetProbability))
        #expect(abs(result.jointConfidence.value - product) < Self.tolerance(product), "JCL")
        // The 70 % frontier: every point reaches the level; budgets fall as dates move out.
        let frontier = result.frontier
        #expect(!frontier.isEmpty)
        for (earlier, later) in zip(frontier, frontier.dropFirst()) {
            #expect(earlier.day < later.day && earlier.budgetMUSD > later.budgetMUSD)
        }
    }

    /// The same run on 1, 2 and 3 threads renders to the same bytes: blocks, not threads, fix the order.
    @Test(arguments: ["exomars-roscosmos-withdraws", "outpost-two-blocs"])
    func resultsDoNotDependOnTheThreadCount(_ name: String) throws {
        let plan = try #require(Bundled.plans.first { $0.0 == name }?.1)
        let reports = try [1, 2, 3].map { threads in
            MonteCarloReport(
                try MonteCarlo.run(plan, MonteCarloOptions(trials: 600, seed: 5, threads: threads, sampleSize: 300))
            ).render()
        }
        #expect(reports[0] == reports[1])
        #expect(reports[0] == reports[2])
    }

    /// Every cost-sharing table sums to the campaign's mean cost, and the ISS-style fixed shares of the
    /// integrated-barter outpost reproduce the published common-systems split 76.6 / 12.8 / 8.3 / 2.3 %.
    /// The campaign runs without its programmatic hazards: a partner that leaves stops paying its share on
    /// the day (README, "Partners and programmes"), so the ledger books the published split only while
    /// all four stay in.
    @Test func costSharingTablesSumToTheTotalAndFixedSharesReproduceTheISSSplit() throws {
        var plan = try #require(Bundled.plans.first { $0.0 == "outpost-integrated-barter" }?.1)
        plan.hazards = []
        let result = try MonteCarlo.run(plan, MonteCarloOptions(trials: 300, seed: 9))
        let total = try #require(result.totalCost.mean)
        for rule in CostSharing.Policy.allCases {
            let rows = try #require(result.sharingTable(rule))
            let sum = rows.reduce(0) { $0 + $1.total }
            #expect(abs(sum - total) < 1e-9 * total, "\(rule)")
        }
        let net = result.barterTable.reduce(0) { $0 + $1.total }
        #expect(abs(net - total) < 1e-9 * total)
        #expect(abs(result.barterTable.reduce(0) { $0 + $1.barter }) < 1e-6)

        let rows = try #require(result.sharingTable(.fixedShares))
        let common = rows.reduce(0) { $0 + $1.common }
        #expect(common > 0)
        let published = ["nasa": 0.766, "jaxa": 0.128, "esa": 0.083, "csa": 0.023]
        for row in rows {
            let share = row.common / common
            #expect(abs(share - (published[plan.agencies[row.agency].id.rawValue] ?? 0)) < 1e-9)
        }
        // The campaign's own policy is fixed shares, so the ledger books the same split.
        for (row, booked) in zip(rows, result.barterTable) { #expect(abs(row.common - booked.common) < 1e-6) }
    }

    /// In the hand-computed chain (hab 100 days, module 200 days), the module is always on the critical
    /// path and the habitat never is.
    @Test func theLongerBranchIsAlwaysCritical() throws {
        let fixture = Fixture.chain()
        let result = try MonteCarlo.run(try fixture.plan("c"), MonteCarloOptions(trials: 200, seed: 1))
        #expect(result.criticality(1) == 1)
        #expect(result.criticality(0) == 0)
        // Nothing is uncertain here, so there are no risk drivers to rank.
        #expect(result.drivers.allSatisfy { $0.scheduleCorrelation == 0 && $0.costCorrelation == 0 })
    }

    /// With an uncertain duration, the duration is the top schedule driver with a rank correlation near 1
    /// (completion is a monotone function of it), and the cost (fixed) does not move the schedule.
    @Test func theOnlyUncertainDurationDrivesTheSchedule() throws {
        let result = try MonteCarlo.run(
            try Self.single(range: (100, 150, 300)), MonteCarloOptions(trials: 1000, seed: 2))
        let top = try #require(result.drivers.first)
        #expect(top.name == "hab-1 duration")
        #expect(top.scheduleCorrelation > 0.99)
        #expect(top.scheduleShiftDays > 0)
    }

    /// Two agencies: a builds a habitat (100 MUSD) and could build a rover at cost factor 1.2; b builds the
    /// rover (50 MUSD) and could build a habitat at 1.5. Alone, a pays 100 + 1.2 * 50 = 160 and b pays
    /// 1.5 * 100 + 50 = 200; together 150. Savings v(N) = 160 + 200 - 150 = 210, split equally by the
    /// Shapley value of a two-player game (105 each), so the fair costs are 55 and 95 (sum 150).
    @Test func theShapleyValueOfATwoAgencyGameMatchesTheHandComputation() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", extra: #"<capability kind="rover" cost-factor="1.2" schedule-factor="1.1"/>"#,
            designs: Fixture.design("hab", days: 100, cost: 100), vehicles: Fixture.vehicle("rocket", price: 0))
        fixture.agencies["b"] = Fixture.agency(
            "b", extra: #"<capability kind="habitat" cost-factor="1.5" schedule-factor="1.3"/>"#,
            designs: Fixture.design("rover", days: 100, cost: 50, kind: "rover"))
        fixture.missions["c"] = Fixture.oneLaunch([("hab-1", "hab", "a"), ("rover-1", "rover", "b")])
        let plan = try fixture.plan("c")
        let game = try #require(try Cooperation.analyze(plan, trials: 20, seed: 1, threads: 2))
        #expect(game.exact)
        #expect(game.aloneCost.map { ($0 * 1e6).rounded() / 1e6 } == [160, 200])
        #expect(abs(game.grandCost - 150) < 1e-9)
        #expect(game.shapley.map { ($0 * 1e6).rounded() / 1e6 } == [105, 105])
        #expect(game.fairCost.map { ($0 * 1e6).rounded() / 1e6 } == [55, 95])
        // Going alone, a builds the rover with its schedule factor: 100 * 1.1 = 110 days, after which
        // (no budget cap, one launch) every objective is achieved.
        #expect(game.aloneCompletion[0] == 110)
        #expect(game.aloneCompletion[1] == 130)
    }

    /// Common random numbers: a plan paired with itself differs by exactly zero in every trial; a forced
    /// delay of 45 days on the only (uncertain) element shifts completion by exactly 45 days in every
    /// trial, so the paired interval has zero width while the unpaired spread is about 42 days.
    @Test func pairedRunsMeasureTheChangeNotTheNoise() throws {
        let base = try Self.single(range: (100, 150, 300))
        let options = MonteCarloOptions(trials: 500, seed: 4, threads: 2)
        let same = try MonteCarlo.runPaired(base: base, variant: base, options)
        #expect(same.completion.mean == 0 && same.completion.moments.variance == 0)
        #expect(same.totalCost.mean == 0)
        #expect(!same.completion.isSignificant)

        var delayed = base
        delayed.elements[0].forcedDelayDays = 45
        let shifted = try MonteCarlo.runPaired(base: base, variant: delayed, options)
        #expect(abs(shifted.completion.mean - 45) < 1e-9)
        #expect(shifted.completion.moments.variance < 1e-12)
        #expect(shifted.completion.isSignificant)
        #expect(shifted.completion.count == 500)
        // The unpaired runs inside the result are the ordinary Monte Carlo results of each plan.
        let alone = try MonteCarlo.run(delayed, options)
        #expect(shifted.variant.completion == alone.completion)
        // Without common random numbers (the variant on another seed), the same difference is estimated
        // with the spread of two independent samples: a far wider interval.
        var otherSeed = options
        otherSeed.seed = 99
        let independent = try MonteCarlo.run(delayed, otherSeed)
        let a = shifted.base.completionMoments
        let b = independent.completionMoments
        let unpairedHalfWidth = 1.96 * (a.variance / Double(a.count) + b.variance / Double(b.count)).squareRoot()
        let (low, high) = shifted.completion.interval
        #expect((high - low) / 2 < unpairedHalfWidth / 100, "paired \((high - low) / 2), unpaired \(unpairedHalfWidth)")
        #expect(unpairedHalfWidth > 3)
    }

    /// A vehicle with a record of 1 success in 2 flights and a uniform class prior has reliability
    /// r ~ Beta(1 + 1, 1 + 1) (mean 0.5). A failure the scenario forces says nothing about r (no corrective
    /// action rule any more), so the rebuilt payload's second attempt succeeds with probability E[r] = 0.5.
    @Test func aForcedFailureLeavesTheNextAttemptsReliabilityAtThePosteriorMean() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 100),
            vehicles: Fixture.vehicle("rocket", successes: 1, attempts: 2))
        fixture.missions["c"] = Fixture.oneLaunch([("hab-1", "hab", "a")])
        var plan = try fixture.plan("c")
        plan.launches[0].forcedFailures = [1]
        var runner = TrialRunner(plan: plan, seed: 12)
        var secondAttemptWorked = 0
        for trial in 0..<Self.trials where try runner.run(trial: UInt64(trial)).launchAttempts[0] == 2 {
            secondAttemptWorked += 1
        }
        let rate = Double(secondAttemptWorked) / Double(Self.trials)
        #expect(abs(rate - 0.5) < Self.tolerance(0.5), "second attempts succeeded in \(rate)")
    }

    /// An agency that builds, owns and pays for nothing withdraws: every paired difference is exactly zero.
    @Test func aWithdrawalOfAnAgencyWithNoElementsChangesNothing() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 0, range: (100, 150, 300), costRange: (50, 60, 100)),
            vehicles: Fixture.vehicle("rocket", successes: 20, attempts: 22))
        fixture.agencies["b"] = Fixture.agency("b")
        fixture.missions["c"] = Fixture.oneLaunch([("hab-1", "hab", "a")], transit: 3, duration: 10)
        fixture.missions["s"] = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scenario id="s" name="b leaves" campaign="c">
              <withdraw agency="b" date="2027-01-01"/>
            </scenario>
            """
        let base = try fixture.plan("c")
        let variant = try fixture.plan("c", scenario: "s")
        #expect(variant.withdrawals.count == 1)
        let paired = try MonteCarlo.runPaired(base: base, variant: variant, MonteCarloOptions(trials: 400, seed: 8))
        for difference in [paired.completion, paired.totalCost, paired.allObjectives] + paired.agencySpent {
            #expect(difference.mean == 0 && (difference.count < 2 || difference.moments.variance == 0))
        }
        #expect(paired.base.completion == paired.variant.completion)
    }
}
