import ConsortiumModel
import ConsortiumRandom

extension CampaignTrial {
    /// The purpose number of stand-down streams; the attempt number is added to it.
    static let standDownPurpose: UInt64 = 0x5354_444E_0000_0000

    /// The days a vehicle is grounded after attempt `attempt` of launch `l` fails: one of the real
    /// return-to-flight durations of the assumptions' `launch-failure-stand-downs` record, each equally likely.
    ///
    /// Drawn from a stream of its own keyed by (seed, trial, launch, attempt), so a failure's stand-down does
    /// not depend on what else happened in the trial, and two scenarios draw the same one for the same failure.
    func standDownDraw(_ l: Int, attempt: Int) -> Double {
        let record = plan.assumptions.launchFailureStandDownDays
        guard !record.isEmpty else { return 0 }
        var stream = RandomStream(
            key: StreamKey(
                seed: seed, trial: trial, entity: plan.launches[l].streamID,
                purpose: Self.standDownPurpose &+ UInt64(max(0, attempt))))
        let index = min(record.count - 1, Int(stream.nextUnit() * Double(record.count)))
        return record[index]
    }
}
