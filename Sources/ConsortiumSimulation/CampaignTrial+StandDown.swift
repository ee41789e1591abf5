import ConsortiumModel
import ConsortiumRandom

extension CampaignTrial {
    /// The purpose number of stand-down streams; the attempt number is added to it.
    static let standDownPurpose: UInt64 = 0x5354_444E_0000_0000

    /// The days vehicle `v` is grounded after attempt `attempt` of launch `l` fails: one of the real
    /// return-to-flight durations of the assumptions' `launch-failure-stand-downs` record, each equally likely.
    /// When the record holds at least `provider-stand-down-minimum` returns to flight of the vehicle's owner,
    /// the draw is among those alone: a provider's own failure investigations are the better reference
    /// (SpaceX flew again after 15 to 177 days; Vega C after two years).
    ///
    /// Drawn from a stream of its own keyed by (seed, trial, launch, attempt), so a failure's stand-down does
    /// not depend on what else happened in the trial, and two scenarios draw the same one for the same failure.
    func standDownDraw(_ l: Int, vehicle v: Int, attempt: Int) -> Double {
        let record = standDownRecord(of: v)
        guard !record.isEmpty else { return 0 }
        var stream = RandomStream(
            key: StreamKey(
                seed: seed, trial: trial, entity: plan.launches[l].streamID,
                purpose: Self.standDownPurpose &+ UInt64(max(0, attempt))))
        let index = min(record.count - 1, Int(stream.nextUnit() * Double(record.count)))
        return record[index]
    }

    /// The stand-downs vehicle `v` draws from: its owner's own when the record holds enough, else all.
    func standDownRecord(of v: Int) -> [Double] {
        let assumptions = plan.assumptions
        let all = assumptions.launchFailureStandDownDays
        let providers = assumptions.launchFailureStandDownProviders
        guard let owner = plan.vehicles[v].owner, providers.count == all.count else { return all }
        let id = plan.agencies[owner].id.rawValue
        let own = all.indices.filter { providers[$0] == id }.map { all[$0] }
        return own.count >= max(1, assumptions.providerStandDownMinimum) ? own : all
    }
}
