import ConsortiumModel

extension SimulationPlan {
    /// A campaign's actuals on its status date, by plan index: what every trial takes as given.
    ///
    /// Days are from the campaign start, as everywhere in the plan; NaN where there is no actual.
    public struct ActualsPlan: Sendable {
        public struct Flight: Sendable {
            public var day: Double
            public var success: Bool
        }

        public struct Spending: Sendable {
            public var agency: Int
            /// The element it was spent on, or -1.
            public var element: Int
            public var fiscalYear: Int
            public var musd: Double
        }

        /// The status date's day: trials start here and schedule nothing before it (0 without a status).
        public var statusDay: Double = 0
        /// Per element: the day it was delivered.
        public var deliveredDay: [Double] = []
        /// Per element: how many of its phases are done (a prefix of its design's phases).
        public var phasesDone: [Int] = []
        /// Per launch: its flight.
        public var flights: [Flight?] = []
        /// Per launch: the day its payload arrived.
        public var arrivedDay: [Double] = []
        /// Per objective: the day it was achieved.
        public var achievedDay: [Double] = []
        public var spending: [Spending] = []
        /// The launches with a flight, in the order their payloads reach their destination (a docking
        /// target in place before the element that docks to it).
        public var flightOrder: [Int] = []

        public init() {}

        /// The day launch `l`'s payload arrives by the actuals: its arrival date, else its successful flight
        /// plus the mission's transit; nil when it did not fly successfully.
        public func arrival(of l: Int, in plan: SimulationPlan) -> Double? {
            guard let flight = flights[l], flight.success else { return nil }
            if !arrivedDay[l].isNaN { return arrivedDay[l] }
            return flight.day + plan.missions[plan.launches[l].mission].transitDays
        }

        /// Whether the campaign has a status date at all.
        public var hasStatus: Bool { !deliveredDay.isEmpty }
    }
}

extension PlanBuilder {
    /// The actuals of the campaign's status, resolved to plan indices (empty arrays without a status).
    mutating func actuals(
        of plan: SimulationPlan, years: ClosedRange<Int>, element: (Reference<ElementTag>) throws -> Int
    ) throws -> SimulationPlan.ActualsPlan {
        var actuals = SimulationPlan.ActualsPlan()
        guard let status = campaign.status else { return actuals }
        actuals.statusDay = max(0, day(status.date))
        actuals.deliveredDay = Array(repeating: .nan, count: plan.elements.count)
        actuals.phasesDone = Array(repeating: 0, count: plan.elements.count)
        actuals.flights = Array(repeating: nil, count: plan.launches.count)
        actuals.arrivedDay = Array(repeating: .nan, count: plan.launches.count)
        actuals.achievedDay = Array(repeating: .nan, count: plan.objectives.count)
        for actual in status.delivered { actuals.deliveredDay[try element(actual.element)] = day(actual.date) }
        for actual in status.phasesDone {
            let e = try element(actual.element)
            guard let k = plan.elements[e].phases.firstIndex(where: { $0.name == actual.phase }) else {
                throw PlanError(message: "element '\(actual.element.id)' has no phase '\(actual.phase)'")
            }
            actuals.phasesDone[e] = max(actuals.phasesDone[e], k + 1)
        }
        var launchIndex: [LaunchID: Int] = [:]
        for (l, launch) in plan.launches.enumerated() where launchIndex[launch.id] == nil { launchIndex[launch.id] = l }
        var objectiveIndex: [ObjectiveID: Int] = [:]
        for (o, objective) in plan.objectives.enumerated() where objectiveIndex[objective.id] == nil {
            objectiveIndex[objective.id] = o
        }
        func launch(_ reference: Reference<LaunchTag>) throws -> Int {
            guard let l = launchIndex[reference.id] else {
                throw PlanError(message: "unknown launch '\(reference.id)'")
            }
            return l
        }
        for actual in status.flown {
            actuals.flights[try launch(actual.launch)] = .init(
                day: day(actual.date), success: actual.outcome == .success)
        }
        for actual in status.arrived { actuals.arrivedDay[try launch(actual.launch)] = day(actual.date) }
        for actual in status.achieved {
            guard let o = objectiveIndex[actual.objective.id] else {
                throw PlanError(message: "unknown objective '\(actual.objective.id)'")
            }
            actuals.achievedDay[o] = day(actual.date)
        }
        actuals.spending = try status.spent.map {
            SimulationPlan.ActualsPlan.Spending(
                agency: try agency($0.agency.id, years: years), element: try $0.element.map(element) ?? -1,
                fiscalYear: $0.fiscalYear, musd: $0.musd)
        }
        actuals.flightOrder = plan.launches.indices.filter { actuals.flights[$0] != nil }.sorted {
            (actuals.arrival(of: $0, in: plan) ?? .infinity, $0) < (actuals.arrival(of: $1, in: plan) ?? .infinity, $1)
        }
        return actuals
    }
}
