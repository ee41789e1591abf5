import ConsortiumModel

/// What a lost objective's element waited for when it never got in place: a dock, or a launch that
/// does not exist.
///
/// A trial whose event queue runs dry before the horizon has nothing left that could happen; these say
/// what the objective was still waiting for, so the loss is not mistaken for time running out.
public enum ObjectiveWait: Sendable, Hashable {
    /// Why the element an element docks to (its target) never got in place.
    public enum DockFate: Sendable, Hashable {
        /// The target, or an element it docks to in turn (`element`), was lost: with its launch `launch`
        /// when that launch was lost.
        case lost(element: Int, launch: Int?, cause: LossCause)
        /// No launch carries the target, or an element it docks to in turn (`element`).
        case neverLaunched(element: Int)
        /// The docks wait for each other in a cycle (the element docks to itself, or the chain comes back).
        case cycle
        /// The target, or an element it docks to in turn (`element`), was still `status` at the end.
        case notInPlace(element: Int, status: ElementStatus)
    }

    /// `element` arrived and waited to dock with `target`, which never got in place.
    case dock(element: Int, target: Int, fate: DockFate)
    /// No launch carries `element`.
    case neverLaunched(element: Int)

    /// For people: `hab-1 waited to dock with gw-1, which was lost with launch l-gw (launch failure)`.
    public func text(in plan: SimulationPlan) -> String {
        func id(_ e: Int) -> String { plan.elements[e].id.rawValue }
        switch self {
        case .neverLaunched(let e):
            return "\(id(e)) is carried by no launch"
        case .dock(let e, let target, let fate):
            let head = "\(id(e)) waited to dock with \(id(target)), "
            func which(_ other: Int) -> String { other == target ? "which" : "which docks to \(id(other)), which" }
            switch fate {
            case .lost(let other, _, .partnerWithdrawal):
                // Nothing was lost in flight: the element (and any launch it was to fly on) went with its agency.
                return head + "\(which(other)) was cancelled when its agency withdrew"
            case .lost(let other, let launch?, let cause):
                return head + "\(which(other)) was lost with launch \(plan.launches[launch].id) (\(cause.rawValue))"
            case .lost(let other, nil, let cause):
                return head + "\(which(other)) was lost (\(cause.rawValue))"
            case .neverLaunched(let other):
                return head + "\(which(other)) no launch carries"
            case .cycle:
                return target == e
                    ? "\(id(e)) waited to dock with itself"
                    : head + "which waits, through docks, for \(id(e)) itself (a cycle)"
            case .notInPlace(let other, let status):
                return head + "\(which(other)) was not in place (\(status.label))"
            }
        }
    }
}

extension ElementStatus {
    /// Where the element stands, in words.
    public var label: String {
        switch self {
        case .notStarted: "not started"
        case .queued: "waiting for a development slot"
        case .developing: "in development"
        case .transferring: "being transferred to another agency"
        case .delivered: "delivered, interfaces not yet verified"
        case .launched: "launched"
        case .arrived: "arrived"
        case .lost: "lost"
        case .cancelled: "cancelled"
        }
    }
}

extension CampaignTrial {
    /// What element `e`, needed by a lost objective, waited for, when it never got in place because of a
    /// dock or a missing launch; nil when something else held it (its development, its launch).
    func wait(of e: Int) -> ObjectiveWait? {
        let state = elements[e]
        guard state.inPlaceDay.isNaN else { return nil }
        guard plan.elements[e].launch != nil else { return .neverLaunched(element: e) }
        // Arrived and working but not in place: it waited for its dock (an element that failed on arrival
        // is lost for that reason, whatever its dock).
        guard state.status == .arrived, state.works, let dock = dockOf(e) else { return nil }
        var visited: Set<Int> = [e]
        var t = dock.target
        while true {
            if visited.contains(t) { return .dock(element: e, target: dock.target, fate: .cycle) }
            visited.insert(t)
            let other = elements[t]
            if let cause = other.cause, other.status == .lost || other.status == .cancelled {
                let launch = plan.elements[t].launch.flatMap { launches[$0].lost ? $0 : nil }
                return .dock(element: e, target: dock.target, fate: .lost(element: t, launch: launch, cause: cause))
            }
            guard plan.elements[t].launch != nil else {
                return .dock(element: e, target: dock.target, fate: .neverLaunched(element: t))
            }
            guard other.status == .arrived, other.inPlaceDay.isNaN, let next = dockOf(t) else {
                return .dock(element: e, target: dock.target, fate: .notInPlace(element: t, status: other.status))
            }
            t = next.target
        }
    }

    /// The dock element `e` makes on arrival: the first of its launch's mission that names it.
    func dockOf(_ e: Int) -> SimulationPlan.DockPlan? {
        guard let l = plan.elements[e].launch else { return nil }
        return plan.missions[plan.launches[l].mission].docks.first { $0.element == e }
    }
}
