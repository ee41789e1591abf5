extension Beta: QuantileDistribution {
    /// The value x with I_x(alpha, beta) = p, by bisection on `cdf` (the CDF is increasing on [0, 1]).
    ///
    /// Sixty halvings of [0, 1] leave an interval below 1e-18, finer than a double near 1 resolves.
    /// - Precondition: `p` is in [0, 1].
    /// - Complexity: 60 evaluations of `cdf`.
    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "a quantile needs a probability in [0, 1], got \(p)")
        var low = 0.0
        var high = 1.0
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if cdf(middle) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}

extension Beta {
    /// The value x with I_x(alpha, beta) = p to within `tolerance` in x, by Newton's method on `cdf`
    /// started at the mean and safeguarded by bisection (a step that leaves the bracket is replaced by
    /// its midpoint), for hot paths where `quantile(_:)`'s sixty halvings are too slow.
    ///
    /// Newton's step x - (I_x - p) / pdf(x) converges quadratically near the root, so a few `cdf`
    /// evaluations usually suffice; the bracket guarantees convergence where the density is extreme.
    /// - Precondition: `p` is in [0, 1].
    /// - Complexity: at most 60 evaluations of `cdf`, usually under 10.
    public func quantile(_ p: Double, tolerance: Double) -> Double {
        precondition(p >= 0 && p <= 1, "a quantile needs a probability in [0, 1], got \(p)")
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        let logNorm = Math.logGamma(alpha + beta) - Math.logGamma(alpha) - Math.logGamma(beta)
        var low = 0.0
        var high = 1.0
        var x = alpha / (alpha + beta)
        for _ in 0..<60 {
            let f = cdf(x) - p
            if f == 0 { return x }
            if f < 0 { low = x } else { high = x }
            let density = Math.exp(logNorm + (alpha - 1) * Math.log(x) + (beta - 1) * Math.log(1 - x))
            var next = x - f / density
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - x) < tolerance || high - low < tolerance { return next }
            x = next
        }
        return x
    }
}
