import ConsortiumModel

/// The elements of one campaign, resolved, for the checks that look across a campaign.
struct CampaignScope {
    let campaign: Campaign
    let elements: [ElementID: (instance: ElementInstance, design: Design?)]

    /// The element `reference` names, reporting it when unknown.
    func element(
        _ reference: Reference<ElementTag>, checker: inout SemanticChecker
    ) -> (
        instance: ElementInstance, design: Design?
    )? {
        if let found = elements[reference.id] { return found }
        checker.unknown(reference, "element", among: campaign.elements.map(\.id.rawValue))
        return nil
    }

    /// The earliest date the element could be delivered: every phase at its minimum.
    func earliestDelivery(of instance: ElementInstance, design: Design) -> CivilDate? {
        let days = design.phases.reduce(0) { $0 + $1.durationDays.min } * (1 - instance.progress)
        guard days.isFinite else { return nil }
        return instance.start.adding(days: Int(days.rounded(.down)))
    }
}

/// Finds a cycle in a directed graph, for dependency errors that print the cycle.
enum CycleFinder {
    /// The first cycle met by a depth-first search from `nodes` in order, as a path that ends where it starts.
    ///
    /// Iterative, so that a chain of a hundred thousand dependencies cannot overflow the stack.
    /// - Complexity: O(V + E).
    static func firstCycle(nodes: [String], edges: [String: [String]]) -> [String]? {
        var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
        for start in nodes + edges.keys.sorted() where state[start] == nil {
            var stack: [(node: String, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let successors = edges[top.node] ?? []
                guard top.next < successors.count else {
                    state[top.node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let successor = successors[top.next]
                switch state[successor] {
                case 1:
                    let path = stack.map(\.node)
                    let first = path.lastIndex(of: successor) ?? 0
                    return Array(path[first...]) + [successor]
                case nil:
                    state[successor] = 1
                    stack.append((successor, 0))
                default:
                    break
                }
            }
        }
        return nil
    }

    /// `cycle` as text for a message, `a waits for b waits for a`; a long cycle keeps its first and last
    /// five steps and says how many it leaves out, so that a cycle through thousands of ids stays readable.
    static func describe(_ cycle: [String], joinedBy separator: String) -> String {
        guard cycle.count > 12 else { return cycle.joined(separator: separator) }
        let head = cycle.prefix(5).joined(separator: separator)
        let tail = cycle.suffix(5).joined(separator: separator)
        return "\(head)\(separator)... (\(cycle.count - 10) more)\(separator)\(tail)"
    }
}
