import ConsortiumModel
import ConsortiumRandom

/// What happened, for the timeline and `--trace`.
public enum TraceKind: String, Sendable, CaseIterable {
    case queued, developmentStarted = "development-started", phaseDone = "phase-done", delivered
    case verified, reworkNeeded = "rework-needed", integrationStarted = "integration-started", integrated
    case launchScheduled = "launch-scheduled", launched, launchFailed = "launch-failed", arrived, docked
    case dockingFailed = "docking-failed", withdrawal, transferred, cancelled, budgetChange = "budget-change"
    case objectiveAchieved = "objective-achieved", objectiveLost = "objective-lost"
    case lossOfCrew = "loss-of-crew", programmeCancelled = "programme-cancelled", rebuildAfterLoss = "rebuild"
    case heldOnGround = "held-on-ground", tankerLaunched = "tanker-launched", tankerFailed = "tanker-failed"
    case refuelled, propellantLost = "propellant-lost", timeInSpaceExceeded = "time-in-space-exceeded"
    case launchDeferred = "launch-deferred", operationsCut = "operations-cut"
}

/// One line of a trial's story.
public struct TraceEntry: Sendable, Hashable {
    public var day: Double
    public var kind: TraceKind
    public var agency: String?
    public var element: String?
    public var mission: String?
    public var detail: String
    /// Whether the line states an actual of the campaign's status (dated on or before the status date,
    /// not drawn); its detail then begins with "actual: ".
    public var isActual = false
}

/// Collects trace entries. A reference, so that recording does not need exclusive access to the trial
/// while the entry's text is built from the trial's state (and the text is only built when tracing).
final class TraceRecorder {
    var entries: [TraceEntry] = []
}

extension CampaignTrial {
    /// Records a trace entry when tracing; the detail text is only built then.
    func note(
        _ time: Double, _ kind: TraceKind, element: Int? = nil, launch: Int? = nil, agency: Int? = nil,
        _ detail: @autoclosure () -> String
    ) {
        guard recordsTrace else { return }
        let agencyIndex = agency ?? element.map { elements[$0].agency } ?? launch.map { payerOfLaunch($0) }
        let mission =
            launch.map { plan.missions[plan.launches[$0].mission].id.rawValue }
            ?? element.flatMap { plan.elements[$0].launch }.map { plan.missions[plan.launches[$0].mission].id.rawValue }
        recorder.entries.append(
            TraceEntry(
                day: time, kind: kind, agency: agencyIndex.map { plan.agencies[$0].id.rawValue },
                element: element.map { plan.elements[$0].id.rawValue }, mission: mission,
                detail: notingActuals ? "actual: " + detail() : detail(), isActual: notingActuals))
    }
}
