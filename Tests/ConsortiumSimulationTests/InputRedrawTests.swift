import ConsortiumModel
import ConsortiumSimulation
import Testing

/// The risk-driver analysis rebuilds its sample's inputs from the seed instead of keeping them; the
/// redraw must give exactly what the trial drew.
struct InputRedrawTests {
    @Test func eachInputsPercentileRedrawsExactlyAsTheTrialDrewIt() throws {
        // Every bundled campaign and scenario: agencies, elements, vehicles (Beta draws) and risks.
        for (name, plan) in Bundled.plans {
            var draws = TrialDraws()
            for (seed, trial) in [(UInt64(1), UInt64(0)), (2026, 7), (99, 123_456)] {
                draws.draw(plan, seed: seed, trial: trial)
                #expect(draws.percentiles.count == InputCatalog.count(plan))
                for input in draws.percentiles.indices {
                    let redrawn = TrialDraws.percentile(plan, seed: seed, trial: trial, input: input)
                    #expect(redrawn == draws.percentiles[input], "\(name) seed \(seed) trial \(trial) input \(input)")
                }
            }
        }
    }
}
