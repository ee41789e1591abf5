/// The Bernoulli distribution: `true` with probability `probability`.
public struct Bernoulli: Distribution {
    /// The probability of `true`.
    public let probability: Double

    /// Creates Bernoulli(probability).
    ///
    /// - Precondition: `probability` is in [0, 1].
    public init(probability: Double) {
        precondition(probability >= 0 && probability <= 1, "probability \(probability) is outside [0, 1]")
        self.probability = probability
    }

    /// `true` iff a uniform draw in [0, 1) is below the probability (so p = 0 never and p = 1 always succeeds).
    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Bool {
        generator.nextUnit() < probability
    }

    /// The mean of the 0/1 indicator.
    public var mean: Double { probability }

    /// The variance of the 0/1 indicator.
    public var variance: Double { probability * (1 - probability) }
}

/// A choice among `weights.count` alternatives, alternative i chosen with probability weights[i] / sum.
///
/// Sampled by a binary search over the cumulative weights with one uniform draw.
public struct DiscreteChoice: Distribution {
    /// Running sums of the weights; the last is the total.
    public let cumulative: [Double]

    /// Creates the choice.
    ///
    /// - Precondition: At least one weight, none negative or NaN, and a positive total.
    public init(weights: [Double]) {
        precondition(!weights.isEmpty, "discrete choice needs at least one weight")
        precondition(weights.allSatisfy { $0 >= 0 }, "discrete choice weights must be non-negative: \(weights)")
        var running = 0.0
        cumulative = weights.map { weight in
            running += weight
            return running
        }
        precondition(running > 0 && running.isFinite, "discrete choice weights must have a positive finite sum")
    }

    /// The probability of each alternative.
    public var probabilities: [Double] {
        let total = cumulative[cumulative.count - 1]
        return cumulative.indices.map { index in
            (cumulative[index] - (index == 0 ? 0 : cumulative[index - 1])) / total
        }
    }

    /// The index of the first alternative whose cumulative weight exceeds u * total.
    ///
    /// - Complexity: O(log n).
    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        let target = generator.nextUnit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
