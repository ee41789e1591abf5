/// The bounds on the figures of agency, mission and scenario files, in one place.
///
/// The XSDs (`consortium schema agency|mission|scenario`) print these values, the semantic checker and
/// the command line use them, and the report code renders any figure within them (it never converts a
/// modelled quantity to a fixed-width integer).
public enum ValueLimits {
    /// The largest decimal figure (the schemas' `Amount` and `Positive`): 10^9, e.g. a billion MUSD
    /// (a quadrillion dollars, ten times the world's yearly output) or a billion days.
    public static let maximumAmount = 1_000_000_000

    /// The longest duration in days (the schemas' `Days`: phase, transit, mission, verification, window,
    /// stand-down, transfer and delay durations): 100,000 days, some 274 years, longer than the whole span
    /// of the dates files may give (1950-01-01 to 2200-12-31, 91,675 days). A mission ending a billion
    /// days after its arrival gave a year of seven digits, which no date format holds.
    public static let maximumDays = 100_000

    /// The largest whole number in any file (the schemas' `Count` and `PositiveCount`): 10^8, as for the
    /// trial count. Every integer attribute has a maximum, so each value the schema accepts also fits
    /// the decoder's `Int` (an unbounded `xs:positiveInteger` accepted values no `Int` holds).
    public static let maximumCount = 100_000_000

    /// The range of an agency growth factor (median or P90 of its cost or schedule growth).
    ///
    /// GAO's assessments of NASA's major projects put typical factors between 1.0 and 2.0: development
    /// cost growth over baselines averaged 13 % for the ten projects that grew in GAO-09-306SP (2009) and
    /// 14.6 % for the 16 projects in implementation in GAO-11-239SP (2011); the worst case, the James Webb
    /// Space Telescope, grew 140 % (a factor 2.4, GAO-12-207SP, 2012). The bounds allow an underrun to half
    /// the estimate and growth to twice the worst factor seen.
    public static let growthFactorRange: ClosedRange<Double> = 0.5...5

    /// The largest ratio of a growth factor's P90 to its median.
    ///
    /// The bundled agencies use 1.2 to 1.7 (e.g. median 1.3, P90 2.0). A ratio of 3 is a lognormal
    /// sigma of 0.86: one trial in ten grows three times more than the median trial, already beyond the
    /// spread of the GAO portfolios cited at `growthFactorRange`. Wider spreads are refused: they
    /// model no real programme, and their tails (a median of 10^-9 with a P90 of 10^9 gave factors
    /// of 10^100) only produce meaningless figures.
    public static let maximumGrowthSpread = 3.0

    /// The largest JCL target budget (`--target-budget`, `target-budget-musd`), in MUSD: `maximumAmount`.
    public static let maximumTargetBudgetMUSD = Double(maximumAmount)
}
