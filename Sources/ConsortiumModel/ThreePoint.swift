/// A three-point estimate (minimum, most likely, maximum), the input of triangular and PERT draws.
public struct ThreePoint: Hashable, Sendable {
    public let min: Double
    public let likely: Double
    public let max: Double

    public init(min: Double, likely: Double, max: Double) {
        self.min = min
        self.likely = likely
        self.max = max
    }

    /// Whether `min <= likely <= max` and all are finite.
    public var isOrdered: Bool {
        min.isFinite && max.isFinite && likely.isFinite && min <= likely && likely <= max
    }

    /// The mean of a triangular distribution on these points, (min + likely + max) / 3.
    public var triangularMean: Double { (min + likely + max) / 3 }
}

/// Where a figure comes from: source ids cited, and whether it is an estimate.
public struct Provenance: Hashable, Sendable {
    public let sources: [String]
    public let isEstimate: Bool

    public init(sources: [String] = [], isEstimate: Bool = false) {
        self.sources = sources
        self.isEstimate = isEstimate
    }
}

/// A cited public source, declared once per file and referred to by id.
public struct SourceCitation: Hashable, Sendable {
    public let id: String
    public let url: String?
    public let date: String?
    public let text: String
    public let location: SourceLocation

    public init(id: String, url: String?, date: String?, text: String, location: SourceLocation) {
        self.id = id
        self.url = url
        self.date = date
        self.text = text
        self.location = location
    }
}
