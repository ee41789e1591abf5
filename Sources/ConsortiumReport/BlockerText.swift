import ConsortiumModel
public import ConsortiumSimulation

extension Blocker {
    /// What held the launch, for people: `launch art2-sls: vehicle sls-block1 is grounded until 2031-01-01`.
    public func text(in plan: SimulationPlan) -> String {
        let launch = plan.launches[self.launch].id
        let day = self.day.map { " \(plan.date(ofDay: $0))" } ?? ""
        switch reason {
        case .vehicleGrounded(let v):
            return "launch \(launch): vehicle \(plan.vehicles[v].id) is grounded"
                + (self.day == nil ? "" : " until\(day)")
        case .bookedAfterHorizon:
            return "launch \(launch): its next launch window with the vehicle free is after the horizon"
                + (self.day == nil ? "" : " (\(day.dropFirst()))")
        case .waitingForMission(let m):
            return "launch \(launch): ready, waiting for mission \(plan.missions[m].id) to fly first"
        case .heldOnGround(let e):
            return "launch \(launch): held on the ground, waiting for \(plan.elements[e].id) in place"
        case .refuelling(let done, let needed):
            return "launch \(launch): refuelling, \(done) of \(needed) tanker flights done"
        case .integrating:
            return "launch \(launch): still being integrated"
        case .waitingForFunds(let a):
            return
                "launch \(launch): ready, waiting for money (the funding line of \(plan.agencies[a].id) cannot pay it)"
        case .waitingForVehicle:
            return "launch \(launch): lost its vehicle, waiting for the substitute vehicle"
        case .elementNotReady(let e, let status, let unfunded, let builder):
            let element = plan.elements[e]
            let agency = plan.agencies[builder].id
            return "launch \(launch): element \(element.id) (\(agency)) is not ready (\(status.label))"
                + (unfunded ? ", with no money for it (budget at zero, or its agency withdrew)" : "")
        case .elementLost(let e, let cause):
            return "launch \(launch): element \(plan.elements[e].id) was lost (\(cause.rawValue))"
        }
    }
}
