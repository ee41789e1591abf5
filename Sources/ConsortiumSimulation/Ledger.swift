/// What a cost is for.
///
/// Spending categories are money an agency pays out of its own funding line: development, integration,
/// launch, operations, storage (hardware waiting for a window, a launcher or a partner), fixed (programme
/// costs per year while a programme runs), common (its share of the campaign's common costs), penalties
/// and cash it pays to another agency, and sunk (what it spent before the status date, its `<spent>`
/// actuals, the only cost booked before that date). Two categories are transfers, not spending: `barter`
/// (returns in kind, valued by the agreement: + for the agency that gives them, - for the one that
/// earns them) and `received` (cash and penalties paid to the agency, negative). Transfers and the
/// payments they answer sum to zero across agencies, so the campaign's cost is the sum over all categories.
public enum CostCategory: Int, CaseIterable, Sendable, CustomStringConvertible {
    case development, integration, launch, operations, storage, fixed, common, penalties, barter, cash, received,
        sunk

    /// Whether the category moves value between agencies rather than spending an agency's own money.
    public var isTransfer: Bool { self == .barter || self == .received }

    public var description: String {
        switch self {
        case .development: "development"
        case .integration: "integration"
        case .launch: "launch"
        case .operations: "operations"
        case .storage: "storage"
        case .fixed: "fixed"
        case .common: "common"
        case .penalties: "penalties"
        case .barter: "barter"
        case .cash: "cash"
        case .received: "received"
        case .sunk: "sunk"
        }
    }
}

/// One booking: an amount charged to an agency (negative when it receives value), for an element, in a
/// fiscal year, in a category.
public struct LedgerEntry: Sendable, Hashable {
    public var agency: Int32
    /// The element the money was spent on, or -1 for costs of no single element (common costs).
    public var element: Int32
    public var fiscalYear: Int32
    public var category: CostCategory
    public var amountMUSD: Double
}

/// Every cost and barter entry of a trial, booked per agency, element, fiscal year and category.
///
/// Totals are kept in a dense table (agency x category x fiscal year) as entries are booked, so a
/// Monte Carlo trial need not keep the entries; with `keepsEntries` it keeps them too, and the totals
/// equal the sums of the entries by construction (the test suite checks it).
public struct Ledger: Sendable {
    public let agencyCount: Int
    public let firstFiscalYear: Int
    public let yearCount: Int
    /// Dense totals indexed by `(agency * categories + category) * yearCount + yearIndex`.
    public private(set) var totals: [Double]
    public let keepsEntries: Bool
    public private(set) var entries: [LedgerEntry] = []
    /// Per agency, the agreed value of the returns in kind it gave (its positive `barter` bookings) and
    /// earned (its negative ones, as a positive amount): the two sides of its barter total, which a year's
    /// total alone would net.
    public private(set) var inKindGiven: [Double]
    public private(set) var inKindEarned: [Double]

    public init(agencyCount: Int, firstFiscalYear: Int, yearCount: Int, keepsEntries: Bool) {
        self.agencyCount = agencyCount
        self.firstFiscalYear = firstFiscalYear
        self.yearCount = yearCount
        self.keepsEntries = keepsEntries
        totals = [Double](repeating: 0, count: agencyCount * CostCategory.allCases.count * yearCount)
        inKindGiven = [Double](repeating: 0, count: agencyCount)
        inKindEarned = [Double](repeating: 0, count: agencyCount)
    }

    /// Books `amount` to `agency` for `element` in fiscal year `fiscalYear` and `category`.
    ///
    /// Years outside the ledger's range are booked in its first or last year.
    public mutating func book(
        _ amount: Double, agency: Int, element: Int, fiscalYear: Int, category: CostCategory
    ) {
        guard amount != 0 else { return }
        let year = min(max(fiscalYear - firstFiscalYear, 0), yearCount - 1)
        totals[(agency * CostCategory.allCases.count + category.rawValue) * yearCount + year] += amount
        if category == .barter {
            if amount > 0 { inKindGiven[agency] += amount } else { inKindEarned[agency] -= amount }
        }
        if keepsEntries {
            entries.append(
                LedgerEntry(
                    agency: Int32(agency), element: Int32(element), fiscalYear: Int32(firstFiscalYear + year),
                    category: category, amountMUSD: amount))
        }
    }

    /// The total booked to `agency` in `category` in the ledger year at `yearIndex`.
    public func total(agency: Int, category: CostCategory, yearIndex: Int) -> Double {
        totals[(agency * CostCategory.allCases.count + category.rawValue) * yearCount + yearIndex]
    }

    /// The total booked to `agency` over all years, in `category` (or all categories).
    public func total(agency: Int, category: CostCategory? = nil) -> Double {
        var sum = 0.0
        for c in CostCategory.allCases where category == nil || category == c {
            for y in 0..<yearCount { sum += total(agency: agency, category: c, yearIndex: y) }
        }
        return sum
    }

    /// The total `agency` spent from its own money: every category but the transfers (never negative).
    public func spent(agency: Int) -> Double {
        var sum = 0.0
        for c in CostCategory.allCases where !c.isTransfer {
            for y in 0..<yearCount { sum += total(agency: agency, category: c, yearIndex: y) }
        }
        return sum
    }

    /// The cash and penalties paid to `agency`, as a positive amount.
    public func received(agency: Int) -> Double { -total(agency: agency, category: .received) }

    /// What `agency` contributed to the campaign: spent + in kind given - in kind earned - received, which is
    /// its total over every category. The agencies' contributions sum to `grandTotal`.
    public func netContribution(agency: Int) -> Double { total(agency: agency) }

    /// The total of every agency in every category: the campaign's cost (barter and penalties net to zero).
    public var grandTotal: Double {
        var sum = 0.0
        for a in 0..<agencyCount { sum += total(agency: a) }
        return sum
    }

    /// Empties the ledger, keeping storage.
    public mutating func reset() {
        for i in totals.indices { totals[i] = 0 }
        for a in inKindGiven.indices {
            inKindGiven[a] = 0
            inKindEarned[a] = 0
        }
        entries.removeAll(keepingCapacity: true)
    }
}
