import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import Testing

/// The acceptance check on the bundled Artemis campaign: in 200 traced trials no crewed element
/// waits in space before its docking longer than its design allows, and the trace keeps its columns.
struct ArtemisOperationsTests {
    @Test func noCrewWaitsInSpaceLongerThanItsDesignAllows() throws {
        let plan = try #require(Bundled.plans.first { $0.0 == "artemis" }?.1)
        let crewed = plan.elements.indices.filter { plan.elements[$0].crewed }
        // The campaign marks its Orions crewed, with a limit: the check is not vacuous.
        #expect(crewed.count >= 6)
        #expect(crewed.allSatisfy { plan.elements[$0].maxDaysInSpace.isFinite })
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        var docked = 0
        var crewsLostWaiting = 0
        for trial in 0..<200 {
            let outcome = try runner.run(trial: UInt64(trial))
            for e in crewed {
                let element = outcome.elements[e]
                // A crew rides in its crew vehicle (Orion); a crewed lander waits uncrewed for it and may be
                // lost at its limit (boil-off), which is an outcome, not a crew left waiting.
                if plan.elements[e].kind == .crewVehicle, element.cause == .timeInSpaceExceeded,
                    element.arrivedDay != nil
                {
                    crewsLostWaiting += 1
                }
                guard let arrived = element.arrivedDay else { continue }
                let limit = plan.elements[e].maxDaysInSpace
                if let inPlace = element.inPlaceDay {
                    docked += 1
                    #expect(
                        inPlace - arrived <= limit,
                        "trial \(trial): \(plan.elements[e].id) waited \(inPlace - arrived) days, limit \(limit)")
                } else {
                    // Not in place: it was lost (at its limit, or for another cause), never left waiting.
                    #expect(element.cause != nil, "trial \(trial): \(plan.elements[e].id) waits without end")
                }
            }
            // Every element with a limit, crewed or not, is lost by the day its limit runs out.
            for entry in runner.trace where entry.kind == .timeInSpaceExceeded {
                let e = try #require(plan.elements.firstIndex { $0.id.rawValue == entry.element })
                let arrived = try #require(outcome.elements[e].arrivedDay)
                #expect(abs(entry.day - arrived - plan.elements[e].maxDaysInSpace) < 1e-6)
            }
            if trial == 0 {
                let header = TraceFormat.csv(runner.trace, plan: plan).split(whereSeparator: \.isNewline).first
                #expect(header == "day,date,kind,agency,element,mission,detail")
                #expect(runner.trace.contains { $0.kind == .heldOnGround })
            }
        }
        #expect(docked > 200)
        // Held on the ground until what they meet is in place, crews dock on arrival: none runs out of time.
        #expect(crewsLostWaiting == 0)
    }
}
