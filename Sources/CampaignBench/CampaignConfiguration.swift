/// The parameters of one run of the campaign benchmark, as the SimPy peer model's command line names them.
public struct CampaignConfiguration: Hashable, Sendable {
    /// The number of agencies A; element i belongs to agency i % A.
    public var agencies: Int
    /// The number of elements E.
    public var elements: Int
    /// The number of Monte Carlo trials T.
    public var trials: Int
    /// The scenario seed (its low 24 bits enter the random streams).
    public var seed: Int
    /// Days between launch windows P.
    public var windowPeriod: Double
    /// The day at which an unfinished trial is cut off (censored).
    public var horizon: Double

    /// Budget slots per agency.
    public static let slotsPerAgency = 3
    /// Days of integration after an element's dependencies are delivered.
    public static let integrationDays = 30.0
    /// Probability that a launch attempt fails.
    public static let launchFailureProbability = 0.05

    /// Creates a configuration; the defaults are the peer model's.
    public init(
        agencies: Int = 6, elements: Int = 60, trials: Int = 200, seed: Int = 1, windowPeriod: Double = 30,
        horizon: Double = 20_000
    ) {
        self.agencies = agencies
        self.elements = elements
        self.trials = trials
        self.seed = seed
        self.windowPeriod = windowPeriod
        self.horizon = horizon
    }

    /// Checks the ranges the model needs, returning a message for the first violation.
    public func validationError() -> String? {
        if agencies < 1 { return "agencies must be at least 1, got \(agencies)" }
        if elements < 0 || elements >= 1 << 20 { return "elements must be in 0..<2^20, got \(elements)" }
        if trials < 1 || trials >= 1 << 20 { return "trials must be in 1..<2^20, got \(trials)" }
        if !(windowPeriod > 0) || !windowPeriod.isFinite {
            return "window period must be positive, got \(windowPeriod)"
        }
        if !(horizon >= 0) || !horizon.isFinite { return "horizon must be finite and not negative, got \(horizon)" }
        return nil
    }

    /// The lower bound of element i's development duration: 200 + (i * 37 % 300) days.
    public static func lowDuration(of element: Int) -> Double {
        Double(200 + element * 37 % 300)
    }

    /// The elements whose delivery element i waits for, in order: i - 1, then i / 2 if different.
    public static func dependencies(of element: Int) -> [Int] {
        (0..<dependencyCount(of: element)).map { dependency($0, of: element) }
    }

    /// The number of dependencies of element i (0, 1 or 2).
    static func dependencyCount(of element: Int) -> Int {
        element == 0 ? 0 : element <= 2 ? 1 : 2
    }

    /// Dependency number `index` of element i: i - 1 first, then i / 2.
    static func dependency(_ index: Int, of element: Int) -> Int {
        index == 0 ? element - 1 : element / 2
    }
}
