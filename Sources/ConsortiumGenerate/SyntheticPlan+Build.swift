extension SyntheticPlan {
    /// Element kinds of the agency schema, for designs.
    static let elementKinds = [
        "crew-vehicle", "habitat", "service-module", "lander", "ascent-vehicle", "rover", "robotic-arm",
        "power-propulsion", "logistics", "orbiter", "sample-container", "airlock", "communications",
        "surface-power", "science-payload", "return-vehicle",
    ]
    /// Interface functions of the agency schema, for standards.
    static let interfaceFunctions = ["docking", "berthing", "power", "data", "comms", "avionics", "robotics"]
    /// What a provider receives for a delivery.
    static let returnKinds = ["crew-seat", "flight", "data", "surface-access", "common-cost-offset"]

    /// Zero-padded decimal of `value` with as many digits as `count - 1` has (at least 3), for sortable ids.
    static func padded(_ value: Int, count: Int) -> String {
        let width = max(3, String(max(0, count - 1)).count)
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Agencies (ids, kinds, growth), the shared standards and the launch vehicles.
    mutating func planAgencies(_ random: inout Draws) {
        let count = settings.agencies
        for a in 0..<count {
            let kind =
                a == 0
                ? "national-agency" : a % 4 == 3 ? "commercial" : a % 5 == 2 ? "intergovernmental" : "national-agency"
            let costMedian = random.int(100...130)
            let scheduleMedian = random.int(100...140)
            var agency = Agency(
                id: "syn-a\(Self.padded(a, count: count))", kind: kind, budgetMUSD: 0, maxConcurrent: 1,
                growth: (
                    costMedian, costMedian + random.int(15...60), scheduleMedian, scheduleMedian + random.int(20...80)
                ))
            // Launch providers sell one or two vehicles; the lead has its own heavy launcher, so that any
            // library (even of two agencies) can launch.
            let vehicleCount = kind == "commercial" ? random.int(1...2) : a == 0 ? 1 : 0
            for v in 0..<vehicleCount {
                let attempts = random.int(8...150)
                let failures = random.int(0...max(1, attempts / 12))
                agency.vehicles.append(
                    Vehicle(
                        id: "\(agency.id)-lv\(v)", successes: attempts - failures, attempts: attempts,
                        priceMUSD: random.int(90...1500), tliKg: random.int(45_000...60_000),
                        tmiKg: random.int(32_000...40_000), minDaysBetween: random.int(30...120)))
                // Once a vehicle's stand-down; drawn still, so that the figures after it stay as they were.
                _ = random.int(90...365)
            }
            agencies.append(agency)
        }
        let standardCount = min(8, max(2, count / 3))
        for s in 0..<standardCount {
            standards.append(
                Standard(
                    id: "syn-std-\(s)", owner: s * count / standardCount,
                    function: random.pick(Self.interfaceFunctions),
                    published: s != standardCount - 1))
        }
    }

    /// Elements: spread over missions in contiguous blocks, each built by a random agency from one of that
    /// agency's designs, which are planned here too. The lead builds three times an average partner's
    /// share, so no agency's share grows with the library beyond that.
    mutating func planElements(_ random: inout Draws) {
        let total = settings.elements
        let missionCount = settings.missions
        var owners: [Int] = []
        owners.reserveCapacity(total)
        for _ in 0..<total {
            let agency = max(0, random.int(0...(settings.agencies + 1)) - 2)
            owners.append(agency)
            agencies[agency].elementCount += 1
        }
        for a in agencies.indices {
            let designCount = min(12, max(1, (agencies[a].elementCount + 9) / 10))
            for d in 0..<designCount { agencies[a].designs.append(design(agency: a, index: d, &random)) }
        }
        var first = 0
        for m in 0..<missionCount {
            let size = total / missionCount + (m < total % missionCount ? 1 : 0)
            let mars = m % 4 == 3 || (missionCount > 1 && missionCount < 4 && m == missionCount - 1)
            let startDay = random.int(0...1825)
            missions.append(
                Mission(
                    id: "syn-m\(Self.padded(m, count: missionCount))", mars: mars,
                    after: m % 3 != 0 ? m - 1 : nil, startDay: startDay,
                    durationDays: mars ? random.int(500...1000) : random.int(30...1000)))
            for e in first..<(first + size) {
                let agency = owners[e]
                elements.append(
                    Element(
                        id: "syn-e\(Self.padded(e, count: total))", agency: agency,
                        design: random.int(0...(agencies[agency].designs.count - 1)),
                        startDay: startDay + random.int(0...365), progress: random.chance(15) ? random.int(5...30) : 0,
                        mission: m))
            }
            first += size
        }
    }

    /// A design with three phases (design, build, test) whose estimates are ordered min <= likely <= max.
    func design(agency a: Int, index d: Int, _ random: inout Draws) -> Design {
        func phase(_ name: String, days: ClosedRange<Int>, cost: ClosedRange<Int>, _ random: inout Draws) -> Phase {
            let minDays = random.int(days)
            let likelyDays = minDays + random.int(30...(days.lowerBound + 1))
            let likelyCost = random.int(cost)
            return Phase(
                name: name, days: (minDays, likelyDays, likelyDays + random.int(60...400)),
                cost: (likelyCost * 70 / 100, likelyCost, likelyCost * random.int(140...220) / 100))
        }
        return Design(
            id: "\(agencies[a].id)-d\(d)", kind: random.pick(Self.elementKinds), massKg: random.int(200...3000),
            reliability: random.int(900...995), standingArmy: random.int(5...200),
            phases: [
                phase("design", days: 120...240, cost: 20...300, &random),
                phase("build", days: 240...480, cost: 40...600, &random),
                phase("test", days: 90...180, cost: 10...150, &random),
            ])
    }

    /// Launches of up to ten payloads, contracts from each payload to its stack's first element when
    /// they belong to different agencies (so contracts never form a cycle), docks and objectives.
    mutating func planMissions(_ random: inout Draws) {
        let vehicles = agencies.indices.flatMap { a in agencies[a].vehicles.indices.map { (agency: a, index: $0) } }
        var first = 0
        for m in missions.indices {
            let size = settings.elements / settings.missions + (m < settings.elements % settings.missions ? 1 : 0)
            let members = Array(first..<(first + size))
            first += size
            let stack = max(
                (size + Self.maxLaunchesPerMission - 1) / Self.maxLaunchesPerMission, min(size, random.int(2...4)))
            for (l, start) in stride(from: 0, to: size, by: stack).enumerated() {
                let payload = Array(members[start..<min(size, start + stack)])
                missions[m].launches.append(
                    Launch(
                        id: "\(missions[m].id)-l\(l)", vehicle: random.pick(vehicles), payload: payload,
                        earliestDay: missions[m].startDay + random.int(900...1800)))
                let host = payload[0]
                for e in payload.dropFirst() where elements[e].agency != elements[host].agency && random.chance(60) {
                    planContract(element: e, counterpart: host, mission: m, &random)
                }
            }
            for chunk in stride(from: 0, to: size, by: Self.maxNeedsPerObjective) {
                missions[m].objectives.append(Array(members[chunk..<min(size, chunk + Self.maxNeedsPerObjective)]))
            }
        }
    }

    private mutating func planContract(element e: Int, counterpart host: Int, mission m: Int, _ random: inout Draws) {
        let design = agencies[elements[e].agency].designs[elements[e].design]
        let c = contracts.count
        contracts.append(
            Contract(
                id: "\(elements[e].id)-to-\(elements[host].id)", element: e, counterpart: host,
                standard: random.int(0...(standards.count - 1)),
                // Never before the slowest nominal development: no need-by-early warning.
                needByDay: elements[e].startDay + design.maximumDays + random.int(0...365),
                verificationDays: random.int(30...120), penaltyMUSD: random.int(0...3),
                returnKind: random.pick(Self.returnKinds), returnMUSD: random.int(10...300)))
        if missions[m].docks.count < Self.maxDocksPerMission {
            missions[m].docks.append((element: e, target: host, contract: c))
        }
    }

    /// One risk per ten elements, each on a random phase of a random element.
    mutating func planRisks(_ random: inout Draws) {
        let count = max(1, settings.elements / 10)
        for r in 0..<count {
            let e = random.int(0...(elements.count - 1))
            let design = agencies[elements[e].agency].designs[elements[e].design]
            risks.append(
                Risk(
                    id: "syn-r\(Self.padded(r, count: count))", element: e, phase: random.pick(design.phases).name,
                    probability: random.int(20...300), impactDays: random.int(30...365),
                    impactMUSD: random.int(5...300)))
        }
    }

    /// Budgets that fund a quarter of an agency's elements at once at their nominal rate, with 30 % margin.
    mutating func sizeBudgets() {
        var cost = [Int](repeating: 0, count: agencies.count)
        var days = [Int](repeating: 0, count: agencies.count)
        for element in elements {
            let design = agencies[element.agency].designs[element.design]
            cost[element.agency] += design.phases.reduce(0) { $0 + $1.cost.likely }
            days[element.agency] += design.phases.reduce(0) { $0 + $1.days.likely }
        }
        for a in agencies.indices {
            let concurrent = max(1, (agencies[a].elementCount + 3) / 4)
            let perYear = days[a] > 0 ? Double(cost[a]) * 365.25 / Double(days[a]) : 100
            agencies[a].maxConcurrent = concurrent
            agencies[a].budgetMUSD = Int((Double(concurrent) * perYear * 1.3).rounded(.up)) + 50
        }
    }
}
