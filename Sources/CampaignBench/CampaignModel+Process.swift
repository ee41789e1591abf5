import ConsortiumEngine
import ConsortiumRandom

/// The steps of an element's process between events.
extension CampaignModel {
    /// The agency that owns element `id`.
    func agency(of id: Int32) -> Int {
        Int(id) % agencyCount
    }

    /// Joins the back of the agency's queue and, as SimPy's `Request` does, grants the head if a slot is free.
    @inline(__always)
    mutating func requestSlot(for id: Int32, scheduler: inout Scheduler<CampaignEvent>) {
        let agency = agency(of: id)
        queues.append(id, to: agency)
        grantSlot(of: agency, scheduler: &scheduler)
    }

    /// Grants a free slot of `agency` to the head of its queue, if a slot is free and anyone waits.
    @inline(__always)
    mutating func grantSlot(of agency: Int, scheduler: inout Scheduler<CampaignEvent>) {
        guard held[agency] < CampaignConfiguration.slotsPerAgency, let next = queues.popFirst(of: agency) else {
            return
        }
        held[agency] += 1
        scheduler.schedule(.slotGranted(next), after: 0)
    }

    /// Development or rebuild done: release the slot, charge the cost, then deliver or wait for a window.
    @inline(__always)
    mutating func holdEnded(_ id: Int32, scheduler: inout Scheduler<CampaignEvent>) {
        let agency = agency(of: id)
        precondition(held[agency] > 0, "element \(id) released a slot its agency does not hold")
        held[agency] -= 1
        scheduler.schedule(.slotReleased(agency: Int32(agency)), after: 0)
        let index = Int(id)
        if elements[index].rebuilding {
            let half = 0.5 * elements[index].duration
            elements[index].cost += half * 0.1
            queues.append(id, to: windowWaiting)
        } else {
            elements[index].cost += elements[index].duration * 0.1
            scheduler.schedule(.delivered(id), after: 0)
            walkDependencies(of: id, from: 0, scheduler: &scheduler)
        }
    }

    /// Passes over delivered dependencies from `start`; waits on the first undelivered one, or integrates.
    @inline(__always)
    mutating func walkDependencies(of id: Int32, from start: Int32, scheduler: inout Scheduler<CampaignEvent>) {
        let index = Int(id)
        let count = CampaignConfiguration.dependencyCount(of: index)
        var cursor = Int(start)
        while cursor < count {
            let dependency = CampaignConfiguration.dependency(cursor, of: index)
            if !delivered[dependency] {
                queues.append(id, to: deliveryWaiters(of: dependency))
                elements[index].dependencyCursor = Int32(cursor)
                return
            }
            cursor += 1
        }
        scheduler.schedule(.integrated(id), after: CampaignConfiguration.integrationDays)
    }

    /// A window opened for element `id`: draw; launch, or go back to the slot queue for a rebuild.
    @inline(__always)
    mutating func attemptLaunch(_ id: Int32, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let index = Int(id)
        if elements[index].stream.nextUnit() >= CampaignConfiguration.launchFailureProbability {
            launched += 1
            lastLaunch = time
            if launched == elementCount { scheduler.schedule(.allLaunched, after: 0) }
            scheduler.schedule(.elementFinished(id), after: 0)
        } else {
            elements[index].rebuilding = true
            requestSlot(for: id, scheduler: &scheduler)
        }
    }
}
