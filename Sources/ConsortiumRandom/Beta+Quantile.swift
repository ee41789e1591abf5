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
