import ArgumentParser
import CampaignBench
import ConsortiumEngine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Benchmarks of the Consortium kernel against the SimPy peer model.
struct ConsortiumBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consortium-bench",
        abstract: "Benchmarks of the Consortium discrete-event kernel.",
        subcommands: [Campaign.self, Micro.self, Load.self, MonteCarloRun.self])
}

/// Monotonic wall-clock seconds.
func seconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
}

/// The SimPy peer campaign model on our kernel; prints the peer model's summary lines.
struct Campaign: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the SimPy peer campaign model (../shared/bench/campaign_simpy.py) on our kernel.")

    @Option(help: "Number of agencies A.") var agencies = 6
    @Option(help: "Number of elements E.") var elements = 60
    @Option(help: "Number of Monte Carlo trials T.") var trials = 200
    @Option(help: "Scenario seed.") var seed = 1
    @Option(name: .customLong("window-period"), help: "Days between launch windows.") var windowPeriod = 30.0
    @Option(help: "Day at which an unfinished trial is censored.") var horizon = 20_000.0
    @Option(help: "Worker threads; results are identical for any count.") var threads = 1
    @Flag(help: "Print every trial: completion, cost, events.") var dump = false

    func run() throws {
        let configuration = CampaignConfiguration(
            agencies: agencies, elements: elements, trials: trials, seed: seed, windowPeriod: windowPeriod,
            horizon: horizon)
        if let message = configuration.validationError() { throw ValidationError(message) }
        guard threads >= 1 else { throw ValidationError("threads must be at least 1, got \(threads)") }
        let start = seconds()
        let results: [TrialResult]
        do {
            results = try CampaignRunner.run(configuration, threads: threads)
        } catch {
            throw RuntimeFailure(message: error.description)
        }
        let wall = seconds() - start
        if dump {
            for (trial, result) in results.enumerated() { print(CampaignSummary.dumpLine(trial: trial, result)) }
        }
        let summary = CampaignSummary(results)
        print("consortium-engine (Swift kernel)  threads=\(threads)")
        print(CampaignSummary.parameterLine(configuration))
        for line in summary.comparableLines + summary.timingLines(wallSeconds: wall) { print(line) }
    }
}

/// The raw event-loop microbenchmark (microbench.py's hold loop).
struct Micro: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "N entities each holding uniform random times; reports events per second.")

    @Option(help: "Number of entities N.") var procs = 1000
    @Option(help: "Total holds; each entity does total / N.") var total = 2_000_000
    @Option(help: "Seed of the duration stream.") var seed: UInt64 = 1

    func run() throws {
        guard procs > 0, total >= procs else { throw ValidationError("need procs > 0 and total >= procs") }
        let holds = total / procs
        var simulator = HoldModel.simulator(entities: procs, holdsPerEntity: holds, seed: seed)
        let start = seconds()
        let outcome: RunOutcome
        do {
            outcome = try simulator.run()
        } catch {
            throw RuntimeFailure(message: error.description)
        }
        let wall = seconds() - start
        let events = simulator.eventsHandled
        print(
            "consortium-engine (Swift kernel)  procs=\(procs) holds/proc=\(holds) events=\(events) "
                + "end_time=\(PythonFormat.fixed(simulator.now, 3)) outcome=\(outcome)")
        print(
            "wall (run loop only): \(PythonFormat.fixed(wall, 4)) s   "
                + "events/second: \(PythonFormat.grouped(Double(events) / wall, 0))")
    }
}

/// A failure reported by a library call, printed as `Error: message`.
struct RuntimeFailure: Error, CustomStringConvertible {
    /// The message.
    var message: String
    var description: String { message }
}

ConsortiumBench.main()
