public import ConsortiumEngine

/// The events of a campaign trial: small values naming entities by index.
public enum CampaignEvent: SimulationEvent {
    /// An element's start date: it asks its agency for a development slot.
    case start(element: Int32)
    /// The current phase of an element may be finished (stale when `generation` moved on).
    case phaseEnd(element: Int32, generation: UInt32)
    /// A fiscal year of an agency begins: spending is booked and funding rebalanced.
    case fiscalYear(agency: Int32)
    /// A scenario's budget change takes effect.
    case budgetChange(index: Int32)
    /// A scenario's withdrawal takes effect.
    case withdrawal(index: Int32)
    /// A withdrawn agency's element arrives at its replacement.
    case transferDone(element: Int32)
    /// An interface verification (or its rework) ends.
    case verificationEnd(contract: Int32)
    /// Rework after a failed verification ends; the interface is verified again.
    case reworkEnd(contract: Int32)
    /// A launch stack is integrated.
    case integrationEnd(launch: Int32)
    /// A launch attempt is due (stale when `generation` moved on).
    case launchAttempt(launch: Int32, generation: UInt32)
    /// A launch's payload reaches its destination.
    case arrival(launch: Int32)
    /// A programmatic hazard strikes (a partner exit, a cancellation, a vehicle retirement).
    case hazard(index: Int32)
    /// A scenario's vehicle substitution takes effect.
    case substitution(index: Int32)
    /// The stand-down after a loss of crew ends: the programme is cancelled or carries on. `entity` is the
    /// stable hash of the lost launch or element, which keys the decision's random stream.
    case crewLossReview(entity: UInt64)
    /// A tanker flight for a launch's refuelling is due (stale when `generation` moved on).
    case tankerFlight(launch: Int32, generation: UInt32)
    /// An element's time in space runs out (stale when its wait ended and `generation` moved on).
    case spaceLimit(element: Int32, generation: UInt32)
    /// The day the plan's milestone objective would be met (its last needed element in place plus its
    /// completion days): the spending to date is noted for its joint confidence.
    case milestone

    public var entity: Int? {
        switch self {
        case .start(let e), .phaseEnd(let e, _), .transferDone(let e), .spaceLimit(let e, _): Int(e)
        case .fiscalYear(let a): Int(a)
        case .budgetChange(let i), .withdrawal(let i), .hazard(let i), .substitution(let i): Int(i)
        case .verificationEnd(let c), .reworkEnd(let c): Int(c)
        case .integrationEnd(let l), .launchAttempt(let l, _), .arrival(let l), .tankerFlight(let l, _): Int(l)
        case .crewLossReview, .milestone: nil
        }
    }

    public var description: String {
        switch self {
        case .start(let e): "start(element \(e))"
        case .phaseEnd(let e, let g): "phaseEnd(element \(e), generation \(g))"
        case .fiscalYear(let a): "fiscalYear(agency \(a))"
        case .budgetChange(let i): "budgetChange(\(i))"
        case .withdrawal(let i): "withdrawal(\(i))"
        case .transferDone(let e): "transferDone(element \(e))"
        case .verificationEnd(let c): "verificationEnd(contract \(c))"
        case .reworkEnd(let c): "reworkEnd(contract \(c))"
        case .integrationEnd(let l): "integrationEnd(launch \(l))"
        case .launchAttempt(let l, let g): "launchAttempt(launch \(l), generation \(g))"
        case .arrival(let l): "arrival(launch \(l))"
        case .hazard(let i): "hazard(\(i))"
        case .substitution(let i): "substitution(\(i))"
        case .crewLossReview(let entity): "crewLossReview(\(entity))"
        case .tankerFlight(let l, let g): "tankerFlight(launch \(l), generation \(g))"
        case .spaceLimit(let e, let g): "spaceLimit(element \(e), generation \(g))"
        case .milestone: "milestone"
        }
    }
}
