/// The model's assumptions as one library file states them (`Assumptions/model.xml`, root `<assumptions>`).
///
/// Named parameters (the rework probabilities, integration days, ...), the reference classes of launch
/// vehicles' early flight records that reliability priors are fitted to, and records of real stand-downs
/// (return-to-flight durations after launch failures, and after the loss of a crew). Every figure cites its
/// source; which names a parameter may take is the simulation's table (`ModelAssumptions.parameters`).
public struct AssumptionSet: Sendable, Hashable {
    /// One named figure: `<parameter name="rework-probability-bespoke" value="0.2" source="..."/>`.
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var value: Double
        public var provenance: Provenance
        public var location: SourceLocation

        public init(name: String, value: Double, provenance: Provenance, location: SourceLocation) {
            self.name = name
            self.value = value
            self.provenance = provenance
            self.location = location
        }
    }

    /// The first flights of one real vehicle: `<vehicle name="Electron" successes="4" attempts="5"/>`.
    public struct FlightRecord: Sendable, Hashable {
        public var name: String
        public var successes: Int
        public var attempts: Int
        /// Its later flights (after the class's early window, up to flight 30): `mature-successes` of
        /// `mature-attempts`; nil when the file gives none.
        public var matureSuccesses: Int? = nil
        public var matureAttempts: Int? = nil
        public var provenance: Provenance
        public var location: SourceLocation

        public init(name: String, successes: Int, attempts: Int, provenance: Provenance, location: SourceLocation) {
            self.name = name
            self.successes = successes
            self.attempts = attempts
            self.provenance = provenance
            self.location = location
        }
    }

    /// Vehicles comparable to a new one (e.g. new vehicles of experienced providers), whose early records
    /// give the prior of a vehicle that names the class.
    public struct ReferenceClass: Sendable, Hashable {
        public var id: String
        public var name: String
        public var records: [FlightRecord]
        /// How many first flights the early records cover (`early-flights`): a vehicle's flights up to this
        /// number fly at the early prior's reliability, later ones at the mature prior's; nil: one prior for
        /// every flight.
        public var earlyFlights: Int? = nil
        public var location: SourceLocation

        public init(id: String, name: String, records: [FlightRecord], location: SourceLocation) {
            self.id = id
            self.name = name
            self.records = records
            self.location = location
        }
    }

    /// One real stand-down: the failure (or loss) and the next flight of the vehicle or programme.
    public struct StandDown: Sendable, Hashable {
        public var event: String
        /// The agency (or provider) whose vehicle failed, when the record says.
        public var provider: String?
        public var failed: CivilDate
        public var returned: CivilDate
        public var provenance: Provenance
        public var location: SourceLocation

        /// Days from the failure to the return to flight.
        public var days: Int { failed.days(to: returned) }

        public init(
            event: String, failed: CivilDate, returned: CivilDate, provenance: Provenance, location: SourceLocation
        ) {
            self.event = event
            self.provider = nil
            self.failed = failed
            self.returned = returned
            self.provenance = provenance
            self.location = location
        }
    }

    /// A named list of stand-downs, e.g. `launch-failure-stand-downs` or `crew-loss-stand-downs`.
    public struct StandDownRecord: Sendable, Hashable {
        public var id: String
        public var name: String
        public var events: [StandDown]
        public var location: SourceLocation

        public init(id: String, name: String, events: [StandDown], location: SourceLocation) {
            self.id = id
            self.name = name
            self.events = events
            self.location = location
        }
    }

    public var sources: [SourceCitation] = []
    public var parameters: [Parameter] = []
    public var referenceClasses: [ReferenceClass] = []
    public var standDownRecords: [StandDownRecord] = []
    public var location: SourceLocation

    public init(location: SourceLocation) {
        self.location = location
    }

    /// The reference class with id `id`, if the file has one.
    public func referenceClass(_ id: String) -> ReferenceClass? { referenceClasses.first { $0.id == id } }
}

/// A change to one named assumption: a campaign's `<assume parameter="..." value="..."/>`, or `--assume NAME=VALUE`.
public struct AssumptionOverride: Sendable, Hashable {
    public var name: String
    public var value: Double
    public var provenance: Provenance
    /// Where it was stated (a campaign file's line; a command-line override has no file).
    public var location: SourceLocation

    public init(name: String, value: Double, provenance: Provenance = Provenance(), location: SourceLocation) {
        self.name = name
        self.value = value
        self.provenance = provenance
        self.location = location
    }
}
