import ConsortiumModel
import ConsortiumRandom

/// A Beta(alpha, beta) distribution of a launch vehicle's success probability: a reference class's prior,
/// or a vehicle's posterior after its record.
public struct BetaPrior: Sendable, Hashable {
    public var alpha: Double
    public var beta: Double

    public init(alpha: Double, beta: Double) {
        self.alpha = alpha
        self.beta = beta
    }

    /// The mean alpha / (alpha + beta): the probability that the next flight succeeds.
    public var mean: Double { alpha / (alpha + beta) }

    /// The `p` quantile (P10 is `quantile(0.1)`).
    public func quantile(_ p: Double) -> Double { Beta(alpha: alpha, beta: beta).quantile(p) }

    /// The posterior after `successes` and `failures`, plus a heritage record counted with `weight`:
    /// Beta(alpha + s + w s_h, beta + f + w f_h) (the conjugate update of a binomial record, a weighted record
    /// counting as that fraction of its flights).
    public func updated(
        successes: Int, failures: Int, heritage: (successes: Int, failures: Int)? = nil, weight: Double = 0
    ) -> BetaPrior {
        let heritageSuccesses = Double(heritage?.successes ?? 0) * weight
        let heritageFailures = Double(heritage?.failures ?? 0) * weight
        return BetaPrior(
            alpha: alpha + Double(successes) + heritageSuccesses, beta: beta + Double(failures) + heritageFailures)
    }

    /// Why a reference class gives no prior.
    public struct FitProblem: Error, Sendable, Hashable {
        public let message: String
        public let hint: String
    }

    /// The Beta prior of a beta-binomial fitted to early flight records (successes, attempts) by the method
    /// of moments.
    ///
    /// Each vehicle i has its own success probability p_i ~ Beta(alpha, beta) and flew s_i of n_i; with
    /// N = sum n_i, k records and the pooled rate m = sum s_i / N, the weighted spread
    /// S = sum n_i (s_i/n_i - m)^2 has expectation m(1-m)[(k-1) + rho (N - sum n_i^2 / N - (k-1))], where
    /// rho = 1 / (alpha + beta + 1) is the intra-class correlation. Solving for rho:
    ///
    ///     rho = (S / (m (1 - m)) - (k - 1)) / (N - sum n_i^2 / N - (k - 1)),
    ///     alpha = m (1/rho - 1),  beta = (1 - m)(1/rho - 1).
    ///
    /// (Kleinman, "Proportions with extraneous variance", JASA 68(341), 1973; the hierarchical treatment of
    /// launch records follows Guikema and Paté-Cornell, J. Spacecraft and Rockets 41(1), 2004.) When the
    /// records spread no more than binomial noise (rho at or below 1/(N+1)), rho is set to 1/(N+1): the prior
    /// then weighs as much as all N pooled flights, never more, since the class holds no more evidence than that.
    public static func fitted(to records: [(successes: Int, attempts: Int)]) -> Result<BetaPrior, FitProblem> {
        let records = records.filter { $0.attempts > 0 }
        guard records.count >= 2 else {
            return .failure(
                FitProblem(
                    message: "it lists \(records.count) vehicle\(records.count == 1 ? "" : "s") with flights, and a "
                        + "spread between vehicles needs two or more",
                    hint: "list the early flight records of at least two comparable vehicles"))
        }
        let k = Double(records.count)
        let total = Double(records.reduce(0) { $0 + $1.attempts })
        let pooled = Double(records.reduce(0) { $0 + $1.successes }) / total
        guard pooled > 0, pooled < 1 else {
            return .failure(
                FitProblem(
                    message: "its vehicles have \(pooled == 0 ? "no success" : "no failure") at all, so a Beta prior "
                        + "cannot be fitted",
                    hint: "add the records of comparable vehicles that \(pooled == 0 ? "succeeded" : "failed")"))
        }
        var spread = 0.0
        var squares = 0.0
        for record in records {
            let n = Double(record.attempts)
            let rate = Double(record.successes) / n
            spread += n * (rate - pooled) * (rate - pooled)
            squares += n * n
        }
        let denominator = total - squares / total - (k - 1)
        var rho = denominator > 0 ? (spread / (pooled * (1 - pooled)) - (k - 1)) / denominator : 0
        rho = min(max(rho, 1 / (total + 1)), 1 - 1e-9)
        let size = 1 / rho - 1
        return .success(BetaPrior(alpha: pooled * size, beta: (1 - pooled) * size))
    }
}
