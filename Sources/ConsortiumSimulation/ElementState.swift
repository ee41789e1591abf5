/// Why an element or an objective did not make it.
public enum LossCause: String, Sendable, CaseIterable, Hashable {
    case launchFailure = "launch failure"
    case elementFailure = "element failure"
    case partnerWithdrawal = "partner withdrawal"
    case budgetExhaustion = "budget exhaustion"
    /// A crewed element's launch failed (its abort did not save the crew) or it failed in operation with
    /// its crew.
    case lossOfCrew = "loss of crew"
    /// The campaign was cancelled (after a loss of crew, or by a programmatic hazard) before the element
    /// or objective was done.
    case programmeCancelled = "programme cancelled"
    case horizonReached = "horizon reached"
    /// The element waited at its destination longer than its design allows (crew endurance, boil-off,
    /// surface survival) before it was in place and its job done.
    case timeInSpaceExceeded = "time in space exceeded"
    /// The event queue ran dry before the horizon with the element not in place: it waited for something
    /// that could no longer happen (a dock whose target never gets in place, an element no launch carries).
    case stalled
    /// The element's launch vehicle was retired and no alternate could carry it.
    case vehicleRetired = "vehicle retired"
}

/// Where an element stands in one trial.
public enum ElementStatus: UInt8, Sendable {
    case notStarted, queued, developing, transferring, delivered, launched, arrived, lost, cancelled
}

/// The mutable state of one element during a trial.
struct ElementState {
    var status: ElementStatus = .notStarted
    /// The agency paying for it now.
    var agency: Int = 0
    /// Index of the phase under way; equal to the phase count for a rebuild.
    var phase: Int = 0
    /// Nominal days of work left in the current phase, at full funding.
    var remainingDays: Double = 0
    /// Variable cost per nominal day of the current phase (MUSD/day at full funding).
    var variableRate: Double = 0
    /// Fixed cost per calendar day (the standing army), MUSD/day.
    var fixedRate: Double = 0
    /// The cost of a zero-length phase under way (buying finished hardware), MUSD: booked when it ends,
    /// since no time passes for a rate to accrue it.
    var lumpCost: Double = 0
    /// Fraction of the variable rate funded now (1 = full pace).
    var funding: Double = 1
    /// Cost multiplier (a replacement agency's cost factor).
    var costFactor: Double = 1
    /// The schedule factor of the agency building it, when it took the element over from another.
    var scheduleFactor: Double = 1
    /// The full duration of the phase under way, as last set up (remaining days are part of it).
    var phaseDays: Double = 0
    var lastUpdate: Double = 0
    var generation: UInt32 = 0
    var holdsSlot = false
    var isRebuild = false
    /// Taken over by an agency that declares no capability for its kind: it is built again from its first
    /// phase (the leaver's design authority and progress do not pass).
    var startsOver = false
    /// When it was lost because another element was (the target it meets or docks to), that element: a
    /// loss is put on the element whose loss caused it. -1 otherwise.
    var lossRoot: Int32 = -1
    /// Incoming contracts (this element as counterpart) not yet verified.
    var unverifiedContracts = 0
    var deliveredDay: Double = .nan
    var firstDeliveredDay: Double = .nan
    var launchedDay: Double = .nan
    var arrivedDay: Double = .nan
    /// When it is in place (arrived, and docked where it docks).
    var inPlaceDay: Double = .nan
    var works = true
    var cause: LossCause?
    /// The day it was lost before flying (cancelled, dropped from its launch), NaN otherwise.
    var causeDay: Double = .nan
    /// The first loss of the element on arrival, in docking or in operation, kept when it is rebuilt (an
    /// objective with `on-loss="lose"` fails on it).
    var firstLoss: LossCause?
    /// How many times it was rebuilt after a loss on arrival, in docking or in operation.
    var lossRebuilds = 0
    /// Its time in space is counting (armed at arrival, disarmed when its wait is over); the generation
    /// makes a disarmed limit event stale.
    var spaceArmed = false
    var spaceGeneration: UInt32 = 0
    /// Days it spent with its agency's funding below full pace.
    var stretchedDays: Double = 0
}

/// The mutable state of one launch during a trial.
struct LaunchState {
    var vehicle: Int = 0
    var attempts = 0
    var generation: UInt32 = 0
    var integrated = false
    /// Integration is finished and the stack is ready to fly (until a failure sends it back to rebuild).
    var ready = false
    var scheduledDay: Double = .nan
    var launchedDay: Double = .nan
    var arrivedDay: Double = .nan
    var done = false
    var lost = false
    /// Launched and not yet arrived (a programme cancellation does not recall it).
    var inFlight = false
    /// The payload element that became ready last (the one the launch waited for).
    var bindingElement: Int = -1
    /// The contract whose verification made the launch ready, if that was the last step (-1: none).
    var bindingContract: Int = -1
    /// The mission whose end released this launch, when it waited for one (-1: it did not wait).
    var heldBy: Int = -1
    /// Refuelling: tanker flights flown (paid), successes in the fill under way, when it began, whether it
    /// is complete, and the generation of the booked tanker flight.
    var tankerFlights = 0
    var fill = 0
    var fillStartDay: Double = .nan
    var fillComplete = false
    var refuelling = false
    var tankerGeneration: UInt32 = 0
}
