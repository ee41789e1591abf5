import ConsortiumModel

/// The elements of one campaign, resolved, for the checks that look across a campaign.
struct CampaignScope {
    let campaign: Campaign
    /// The index in `campaign.elements` of the first element with each id.
    let index: [ElementID: Int]
    /// The design of each element of `campaign.elements`, when it resolves (nil for a repeated id).
    let designs: [Design?]

    /// Whether an element called `id` exists.
    func contains(_ id: ElementID) -> Bool { index[id] != nil }

    /// The element `reference` names, reporting it when unknown.
    func element(
        _ reference: Reference<ElementTag>, checker: inout SemanticChecker
    ) -> (
        instance: ElementInstance, design: Design?
    )? {
        if let found = index[reference.id] { return (campaign.elements[found], designs[found]) }
        let campaign = self.campaign
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
    /// Iterative, so that a chain of a hundred thousand dependencies cannot overflow the stack. A node with no
    /// edges out is on no cycle, so it is never started from nor entered: a hundred thousand elements without
    /// contracts cost nothing, and a million references to unknown ids no more than their loop.
    /// - Complexity: O(V + E).
    static func firstCycle(nodes: [String], edges: [String: [String]]) -> [String]? {
        guard !edges.isEmpty else { return nil }
        var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
        var stack: [(node: String, next: Int)] = []
        for start in nodes.filter({ edges[$0] != nil }) + edges.keys.sorted() where state[start] == nil {
            stack.removeAll(keepingCapacity: true)
            stack.append((start, 0))
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
                if edges[successor] == nil { continue }
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
