public import ConsortiumModel

/// Why a plan could not be built from a library (which `consortium validate` would have reported).
public struct PlanError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

extension SimulationPlan {
    /// Compiles `campaign` from `library`, applying `scenario`'s overrides when given.
    ///
    /// - Throws: `PlanError` when a reference does not resolve; run the checker first to get located
    ///   diagnostics instead.
    public init(
        library: Library, campaign: Campaign, scenario: Scenario? = nil, assumptions: ModelAssumptions
    ) throws {
        var builder = PlanBuilder(library: library, campaign: campaign, assumptions: assumptions)
        let horizonDays = scenario?.monteCarlo?.horizon.map { Double(campaign.start.days(to: $0)) }
        self = try builder.build(scenario: scenario, horizonDays: horizonDays ?? assumptions.defaultHorizonDays)
    }
}

/// Does the work of `SimulationPlan.init`: resolves ids to indices and applies overrides.
struct PlanBuilder {
    let library: Library
    let campaign: Campaign
    let assumptions: ModelAssumptions
    var agencyIndex: [AgencyID: Int] = [:]
    var agencies: [SimulationPlan.AgencyPlan] = []
    var vehicleIndex: [VehicleID: Int] = [:]
    var vehicles: [SimulationPlan.VehiclePlan] = []

    init(library: Library, campaign: Campaign, assumptions: ModelAssumptions) {
        self.library = library
        self.campaign = campaign
        self.assumptions = assumptions
    }

    func day(_ date: CivilDate) -> Double { Double(campaign.start.days(to: date)) }

    /// A design's standing army in MUSD a day: as stated, or where it states none the assumptions'
    /// time-dependent share of its phases' likely cost spread over their likely duration (the base of its
    /// default storage cost).
    func averageStandingArmyPerDay(_ design: Design) -> Double {
        if design.standingArmyMUSDPerMonth > 0 { return design.standingArmyMUSDPerMonth * 12 / 365.25 }
        let days = design.phases.reduce(0) { $0 + $1.durationDays.likely }
        let cost = design.phases.reduce(0) { $0 + $1.costMUSD.likely }
        return days > 0 ? assumptions.timeDependentShare * cost / days : 0
    }

    /// The index of agency `id`, adding it to the plan on first use.
    mutating func agency(_ id: AgencyID, years: ClosedRange<Int>) throws -> Int {
        if let index = agencyIndex[id] { return index }
        guard let agency = library.agency(id) else { throw PlanError(message: "unknown agency '\(id)'") }
        let budget = agency.budget
        let calendar = FiscalCalendar(
            startMonth: budget?.fiscalYearStartMonth ?? 1, campaignStart: campaign.start,
            years: years)
        let growth = agency.growth
        var capabilities: [ElementKind: Double] = [:]
        for capability in agency.capabilities { capabilities[capability.kind] = capability.costFactor }
        agencies.append(
            SimulationPlan.AgencyPlan(
                id: id, name: agency.name,
                budgetByYear: years.map { budget?.musd(fiscalYear: $0) ?? .infinity },
                calendar: calendar,
                maxConcurrent: budget?.maxConcurrentDevelopments ?? Int(Int32.max),
                costGrowth: (growth?.costMedian ?? 1, growth?.costP90 ?? 1),
                scheduleGrowth: (growth?.scheduleMedian ?? 1, growth?.scheduleP90 ?? 1),
                capabilities: capabilities, streamID: StableHash.of("agency:\(id)")))
        for capability in agency.capabilities {
            agencies[agencies.count - 1].scheduleFactors[capability.kind] = capability.scheduleFactor
        }
        agencyIndex[id] = agencies.count - 1
        return agencies.count - 1
    }

    mutating func vehicle(_ id: VehicleID, years: ClosedRange<Int>) throws -> Int {
        if let index = vehicleIndex[id] { return index }
        guard let vehicle = library.vehicle(id) else { throw PlanError(message: "unknown vehicle '\(id)'") }
        guard let reliability = VehicleReliability(vehicle, library: library, assumptions: assumptions) else {
            throw PlanError(
                message:
                    "vehicle '\(id)' names reference class '\(vehicle.referenceClass.id)', which the assumptions lack")
        }
        vehicles.append(
            SimulationPlan.VehiclePlan(
                id: id, owner: library.agency(vehicle.owner) == nil ? nil : try agency(vehicle.owner, years: years),
                successes: vehicle.successes, failures: max(0, vehicle.attempts - vehicle.successes),
                priceMUSD: vehicle.priceMUSD, minGapDays: vehicle.minDaysBetweenLaunches,
                reliability: reliability.posterior, capacityKg: vehicle.capacityKg, groundings: [],
                streamID: StableHash.of("vehicle:\(id)")))
        if let mature = reliability.maturePosterior, let window = reliability.earlyFlights {
            vehicles[vehicles.count - 1].matureReliability = mature
            vehicles[vehicles.count - 1].earlyFlights = window
        }
        vehicles[vehicles.count - 1].flightsBefore = reliability.flightsBefore
        vehicleIndex[id] = vehicles.count - 1
        return vehicles.count - 1
    }

    // swiftlint:disable:next function_body_length
    mutating func build(scenario: Scenario?, horizonDays: Double) throws -> SimulationPlan {
        let startYear = campaign.start.year
        let horizonYear = campaign.start.adding(days: Int(horizonDays)).year
        let years = (startYear - 1)...(horizonYear + 2)
        _ = try agency(campaign.lead.id, years: years)

        var elementIndex: [ElementID: Int] = [:]
        var elements: [SimulationPlan.ElementPlan] = []
        for instance in campaign.elements {
            guard let design = library.design(instance.design.id) else {
                throw PlanError(message: "unknown design '\(instance.design.id)'")
            }
            let phases = design.phases.map {
                SimulationPlan.PhasePlan(name: $0.name, duration: $0.durationDays, cost: $0.costMUSD)
            }
            let army = averageStandingArmyPerDay(design)
            let payer = try agency(instance.agency.id, years: years)
            let builderID = design.prime?.id ?? design.owner
            let builder = library.agency(builderID) == nil ? payer : try agency(builderID, years: years)
            elements.append(
                SimulationPlan.ElementPlan(
                    id: instance.id, name: design.name, kind: design.kind, design: design.id,
                    agency: payer, builder: builder, phases: phases,
                    standingArmyPerDay: design.standingArmyMUSDPerMonth * 12 / 365.25,
                    startDay: day(instance.start), progress: instance.progress, reliability: design.reliability,
                    massKg: design.massKg, forcedDelayDays: 0, launch: nil,
                    streamID: StableHash.of("element:\(instance.id)"), crewed: design.crewed,
                    maxDaysInSpace: design.maxDaysInSpace ?? .infinity))
            elements[elements.count - 1].fixedPrice = instance.pricing == .fixedPrice && builder != payer
            elements[elements.count - 1].operationsPerDay = design.operationsMUSDPerYear / 365.25
            elements[elements.count - 1].storagePerDay =
                design.storageMUSDPerMonth.map { $0 * 12 / 365.25 } ?? army * assumptions.storageShareOfStandingArmy
            elementIndex[instance.id] = elements.count - 1
        }
        func element(_ reference: Reference<ElementTag>) throws -> Int {
            guard let index = elementIndex[reference.id] else {
                throw PlanError(message: "unknown element '\(reference.id)'")
            }
            return index
        }

        var contracts: [SimulationPlan.ContractPlan] = []
        for contract in campaign.contracts {
            let provided = try element(contract.element)
            let consumed = try element(contract.counterpart)
            let published = isPublished(contract, elements[provided].design, elements[consumed].design)
            contracts.append(
                SimulationPlan.ContractPlan(
                    id: contract.id, element: provided, counterpart: consumed,
                    provider: try agency(contract.provider.id, years: years),
                    consumer: try agency(contract.consumer.id, years: years), needByDay: day(contract.needBy),
                    verificationDays: contract.verificationDays,
                    reworkProbability: published
                        ? assumptions.reworkProbabilityPublished : assumptions.reworkProbabilityBespoke,
                    dockingFailure: published ? assumptions.dockingFailurePublished : assumptions.dockingFailureBespoke,
                    penaltyPerMonth: contract.penaltyMUSDPerMonth, isPublishedStandard: published,
                    returns: contract.returns, streamID: StableHash.of("contract:\(contract.id)")))
        }

        var contractIndex: [ContractID: Int] = [:]
        for (index, contract) in contracts.enumerated() where contractIndex[contract.id] == nil {
            contractIndex[contract.id] = index
        }
        var missionIndex: [MissionID: Int] = [:]
        for (index, mission) in campaign.missions.enumerated() { missionIndex[mission.id] = index }
        var missions: [SimulationPlan.MissionPlan] = []
        var launches: [SimulationPlan.LaunchPlan] = []
        var objectives: [SimulationPlan.ObjectivePlan] = []
        for (m, mission) in campaign.missions.enumerated() {
            var plan = SimulationPlan.MissionPlan(
                id: mission.id, name: mission.name, body: mission.body,
                after: mission.after.compactMap { missionIndex[$0.id] }, transitDays: mission.transitDays,
                durationDays: mission.durationDays,
                windows: mission.windows.map {
                    SimulationPlan.WindowPlan(
                        kind: $0.kind, referenceDay: day($0.reference), periodDays: $0.periodDays,
                        widthDays: $0.widthDays)
                }, launches: [], docks: [], objectives: [])
            for launch in mission.launches {
                let payload = try launch.payload.map(element)
                for p in payload { elements[p].launch = launches.count }
                plan.launches.append(launches.count)
                launches.append(
                    SimulationPlan.LaunchPlan(
                        id: launch.id, mission: m, vehicle: try vehicle(launch.vehicle.id, years: years),
                        destination: launch.destination, payload: payload,
                        earliestDay: launch.earliest.map(day) ?? -.infinity,
                        rebuildOnFailure: launch.onFailure == .rebuild, rebuildFraction: launch.rebuildFraction,
                        forcedFailures: [], streamID: StableHash.of("launch:\(launch.id)"),
                        alternates: try launch.alternates.map { try vehicle($0.id, years: years) },
                        transitDays: launch.transitDays ?? assumptions.transitDays(to: launch.destination),
                        refuelling: try launch.refuelling.map {
                            SimulationPlan.RefuellingPlan(
                                vehicle: try vehicle($0.vehicle.id, years: years), flights: $0.flights,
                                withinDays: $0.withinDays)
                        }))
            }
            for dock in mission.docks {
                let contract = dock.contract.flatMap { contractIndex[$0.id] }.map { contracts[$0] }
                plan.docks.append(
                    SimulationPlan.DockPlan(
                        element: try element(dock.element), target: try element(dock.target),
                        failureProbability: contract?.dockingFailure ?? assumptions.dockingFailurePublished))
            }
            for objective in mission.objectives {
                plan.objectives.append(objectives.count)
                objectives.append(
                    SimulationPlan.ObjectivePlan(
                        id: objective.id, name: objective.name, mission: m, needs: try objective.needs.map(element),
                        targetDay: objective.target.map(day), onLoss: objective.onLoss,
                        completionDays: objective.completionDays))
            }
            missions.append(plan)
        }

        resolveOperations(campaign, launches: &launches, missions: missions, elements: &elements)

        let risks = try campaign.risks.map { risk in
            let e = try element(risk.element)
            let phase = risk.phase.flatMap { name in elements[e].phases.firstIndex { $0.name == name } }
            return SimulationPlan.RiskPlan(
                id: risk.id, element: e, phase: phase ?? max(0, elements[e].phases.count - 1),
                probability: risk.probability, impactDays: risk.impactDays, impactMUSD: risk.impactMUSD,
                streamID: StableHash.of("risk:\(risk.id)"))
        }

        var plan = SimulationPlan(
            campaignID: campaign.id, campaignName: campaign.name, scenarioID: scenario?.id, start: campaign.start,
            horizonDays: horizonDays, assumptions: assumptions, agencies: [], elements: elements,
            contracts: contracts, vehicles: [], launches: launches, missions: missions, objectives: objectives,
            risks: risks, withdrawals: [], budgetChanges: [],
            costSharing: campaign.costSharing?.policy ?? .whoBuildsPays, fixedShares: [:], commonCosts: [],
            firstFiscalYear: years.lowerBound, fiscalYearCount: years.count)
        for share in campaign.costSharing?.shares ?? [] {
            plan.fixedShares[try agency(share.agency.id, years: years), default: 0] += share.percent / 100
        }
        var launchIndex: [LaunchID: Int] = [:]
        for (l, launch) in launches.enumerated() { launchIndex[launch.id] = l }
        func trigger(_ event: CostEvent) throws -> SimulationPlan.CostTrigger {
            switch event {
            case .start: return .start
            case .end: return .end
            case .date(let date): return .day(day(date))
            case .launch(let reference):
                guard let l = launchIndex[reference.id] else {
                    throw PlanError(message: "unknown launch '\(reference.id)'")
                }
                return .launch(l)
            case .arrival(let reference): return .arrival(try element(reference))
            }
        }
        plan.commonCosts = try (campaign.costSharing?.commonCosts ?? []).map {
            SimulationPlan.CommonCostPlan(
                id: $0.id, name: $0.name, musdPerDay: $0.musdPerYear / 365.25, from: try trigger($0.from),
                to: try trigger($0.to))
        }
        plan.fixedCosts = try campaign.fixedCosts.map {
            SimulationPlan.FixedCostPlan(
                id: $0.id, name: $0.name, agency: try agency($0.agency.id, years: years),
                musdPerDay: $0.musdPerYear / 365.25, from: try trigger($0.from), until: try trigger($0.until))
        }
        plan.hazards = try campaign.hazards.map { hazard in
            SimulationPlan.HazardPlan(
                kind: hazard.kind, perYear: hazard.perYear,
                agency: try hazard.agency.map { try agency($0.id, years: years) },
                taker: try hazard.taker.map { try agency($0.id, years: years) },
                vehicle: try hazard.vehicle.map { try vehicle($0.id, years: years) },
                transferDays: hazard.transferDays, label: hazard.label,
                streamID: StableHash.of("hazard:\(hazard.label)"))
        }
        plan.actuals = try actuals(of: plan, years: years, element: element)
        if let scenario { try apply(scenario, to: &plan, years: years, element: element) }
        for line in campaign.funding {
            let a = try agency(line.agency.id, years: years)
            agencies[a].lineByYear = years.map { line.musd(fiscalYear: $0) }
            agencies[a].carriesOver = line.unspent == .carryOver
            agencies[a].shortFirst = line.shortFirst
        }
        plan.agencies = agencies
        plan.vehicles = vehicles
        if let id = campaign.keyMilestone {
            guard let milestone = plan.milestone(named: id) else {
                throw PlanError(message: "key-milestone '\(id)' names no objective or launch of the campaign")
            }
            plan.milestone = milestone
        }
        return plan
    }

    /// Whether both sides of the contract build to the same published standard at the contract's revision.
    private func isPublished(_ contract: Contract, _ left: DesignID, _ right: DesignID) -> Bool {
        guard let standard = library.standard(contract.standard.id), standard.isPublished,
            let a = library.design(left), let b = library.design(right)
        else { return false }
        return [a, b].allSatisfy { design in
            design.declares(standard.id).contains { $0.revision == contract.revision }
        }
    }
}
