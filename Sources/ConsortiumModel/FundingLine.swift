/// The money one agency puts into a campaign per fiscal year: an appropriation for this programme (not the
/// agency's whole budget), with the agency's rule for what it does not spend and what gives way first
/// when the line is short (`<funding>` in a campaign file).
public struct FundingLine: Sendable, Hashable {
    /// What happens to money left at the end of a fiscal year.
    public enum Unspent: String, Sendable, CaseIterable {
        /// It stays available the next year (NASA's two-year appropriations, ESA's programme envelopes).
        case carryOver = "carry-over"
        /// It is lost (a one-year appropriation).
        case lapse
    }

    /// What gives way first when the line cannot pay for everything.
    public enum ShortFirst: String, Sendable, CaseIterable {
        /// Development stretches: its variable work slows to what the line can pay.
        case development
        /// A launch the line cannot pay waits until it can; development keeps its pace.
        case launches
        /// Running operations go unfunded first, while the line cannot also fund development at full pace.
        case operations
    }

    /// One fiscal year's amount, in MUSD.
    public struct Year: Sendable, Hashable {
        public var fiscalYear: Int
        public var amountMUSD: Double
        public var provenance: Provenance
        public var location: SourceLocation

        public init(fiscalYear: Int, amountMUSD: Double, provenance: Provenance, location: SourceLocation) {
            self.fiscalYear = fiscalYear
            self.amountMUSD = amountMUSD
            self.provenance = provenance
            self.location = location
        }
    }

    public var agency: Reference<AgencyTag>
    public var unspent: Unspent
    public var shortFirst: ShortFirst
    /// The stated years, in file order.
    public var years: [Year]
    public var provenance: Provenance
    public var location: SourceLocation
    /// Where `short-first` is written, for errors about it.
    public var shortFirstLocation: SourceLocation

    public init(
        agency: Reference<AgencyTag>, unspent: Unspent, shortFirst: ShortFirst, years: [Year], provenance: Provenance,
        location: SourceLocation, shortFirstLocation: SourceLocation? = nil
    ) {
        self.agency = agency
        self.unspent = unspent
        self.shortFirst = shortFirst
        self.years = years
        self.provenance = provenance
        self.location = location
        self.shortFirstLocation = shortFirstLocation ?? location
    }

    /// The line in fiscal year `fy`, MUSD: years after the last stated one keep the last amount, years
    /// before the first take the first (0 with no year).
    public func musd(fiscalYear fy: Int) -> Double {
        var amount = 0.0
        var best: Int?
        var earliest: Year?
        for year in years {
            if earliest.map({ year.fiscalYear < $0.fiscalYear }) ?? true { earliest = year }
            if year.fiscalYear <= fy, best.map({ year.fiscalYear > $0 }) ?? true {
                best = year.fiscalYear
                amount = year.amountMUSD
            }
        }
        return best == nil ? earliest?.amountMUSD ?? 0 : amount
    }
}
