/// What a launch that had not flown was waiting for when its trial stopped at the horizon.
///
/// A scenario that can never finish (its vehicle grounded for good, a budget cut to zero, a launch window
/// that never comes) does not hang: the trial stops at the horizon, and these say what held each launch.
public struct Blocker: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// The launch's vehicle is grounded (by the scenario, or standing down after a failure) past the horizon.
        case vehicleGrounded(vehicle: Int)
        /// Booked, but its next launch window with the vehicle free comes after the horizon.
        case bookedAfterHorizon
        /// Integrated and ready, waiting for an earlier mission's launches.
        case waitingForMission(mission: Int)
        /// Integrated, held on the ground until `element`, which it meets, is in place.
        case heldOnGround(element: Int)
        /// Integrated, waiting for its tanker flights (`done` of `needed` in the fill under way).
        case refuelling(done: Int, needed: Int)
        /// Its stack was still being integrated.
        case integrating
        /// Integrated, waiting for money: its payer's funding line could not pay the launch
        /// (`short-first="launches"`).
        case waitingForFunds(agency: Int)
        /// Its vehicle was lost (its owner withdrew) and it waits for a scenario's substitution.
        case waitingForVehicle
        /// A payload element was not delivered (or its interfaces not verified); `agency` builds it at the
        /// horizon (a taker after a withdrawal); `unfunded` when that agency had no money for it (a budget cut
        /// to zero, or a withdrawal).
        case elementNotReady(element: Int, status: ElementStatus, unfunded: Bool, agency: Int)
        /// A payload element was lost, so the launch can never fly as planned.
        case elementLost(element: Int, cause: LossCause)
    }

    /// The launch (plan index).
    public var launch: Int
    public var reason: Reason
    /// The day the launch was booked for, or the grounding ends, when that is what it waits for.
    public var day: Double?
}

extension CampaignTrial {
    /// Why each launch that has not flown is held, at the end of a trial stopped by the horizon.
    func blockers(at end: Double) -> [Blocker] {
        var found: [Blocker] = []
        for (l, state) in launches.enumerated() where !state.done && state.launchedDay.isNaN {
            let launch = plan.launches[l]
            if !state.scheduledDay.isNaN {
                let v = state.vehicle
                if let grounding = (plan.vehicles[v].groundings + standDowns[v]).first(where: { $0.contains(end) }) {
                    found.append(Blocker(launch: l, reason: .vehicleGrounded(vehicle: v), day: grounding.upperBound))
                } else {
                    found.append(Blocker(launch: l, reason: .bookedAfterHorizon, day: state.scheduledDay))
                }
            } else if launchNotBefore[l] == .infinity {
                found.append(Blocker(launch: l, reason: .waitingForVehicle))
            } else if state.integrated {
                if awaitingFunds[l] {
                    found.append(Blocker(launch: l, reason: .waitingForFunds(agency: payerOfLaunch(l))))
                } else if let waiting = plan.missions[launch.mission].after.first(where: { missionOpenLaunches[$0] > 0 }
                ),
                    launchesWaitingForMissions.contains(Int32(l))
                {
                    found.append(Blocker(launch: l, reason: .waitingForMission(mission: waiting)))
                } else if heldOnGround.contains(Int32(l)), let e = operationsBlocker(l) {
                    found.append(Blocker(launch: l, reason: .heldOnGround(element: e)))
                } else if let refuelling = launch.refuelling, state.refuelling {
                    found.append(
                        Blocker(launch: l, reason: .refuelling(done: state.fill, needed: refuelling.flights)))
                } else {
                    found.append(Blocker(launch: l, reason: .integrating))
                }
            } else if let e = launch.payload.first(where: { elements[$0].cause != nil }), let cause = elements[e].cause
            {
                found.append(Blocker(launch: l, reason: .elementLost(element: e, cause: cause)))
            } else if let e = launch.payload.first(where: {
                !elements[$0].status.isDelivered || elements[$0].unverifiedContracts > 0
            }) {
                let agency = elements[e].agency
                let unfunded =
                    (hasLine[agency] && budgetFactor[agency] <= 0) || withdrawn[agency] || elements[e].funding <= 0
                found.append(
                    Blocker(
                        launch: l,
                        reason: .elementNotReady(
                            element: e, status: elements[e].status, unfunded: unfunded, agency: elements[e].agency)))
            }
        }
        return found
    }
}
