/// Resource limits for reading one file, so that no file can exhaust memory or time.
///
/// The defaults are far above any real scenario (the bundled Artemis campaign is ~40 KB and a few
/// hundred elements) and far below what would hurt: a file is refused before parsing when it is
/// too large, and the element tree is refused when it is too deep or has too many elements.
public struct LoadLimits: Sendable, Hashable {
    /// Largest file read, in bytes (default 16 MiB, 160 times the bundled Artemis campaign). Checked before
    /// reading; parsing a file at the limit peaks at about four times its size in memory.
    public var maxFileBytes: Int
    /// Deepest element nesting accepted (default 32; the schemas need at most 6). Checked while parsing.
    public var maxDepth: Int
    /// Most elements in one file (default 100,000; the bundled Artemis campaign has about 300). Counted while
    /// parsing, so a file over it is stopped before its tree is built.
    public var maxElements: Int
    /// Most files read from the folders given (default 100,000).
    public var maxFiles: Int

    public init(maxFileBytes: Int = 16 << 20, maxDepth: Int = 32, maxElements: Int = 100_000, maxFiles: Int = 100_000) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.maxFiles = maxFiles
    }

    public static let `default` = LoadLimits()

    /// The depth or element-count limit that an element at `depth`, the `elements`-th of its file, passes:
    /// its diagnostic code, message and hint; `nil` when it is within both.
    func violation(depth: Int, elements: Int) -> (code: String, message: String, hint: String)? {
        if depth > maxDepth {
            return (
                "too-deep", "elements are nested \(depth) levels deep; the limit is \(maxDepth)",
                "Consortium files nest at most 6 levels; is this the right file?"
            )
        }
        if elements > maxElements {
            return (
                "too-many-elements", "the file has more than \(maxElements) elements, the limit",
                "is this the right file? If you trust it (a large generated campaign, say), raise the limit with "
                    + "--max-elements <count>"
            )
        }
        return nil
    }
}
