/// Resource limits for reading one file, so that no file can exhaust memory or time.
///
/// The defaults are far above any real scenario (the bundled Artemis campaign is ~40 KB and a few
/// hundred elements) and far below what would hurt: a file is refused before parsing when it is
/// too large or a start tag has a hostile shape, and the element tree is refused when it is too deep
/// or has too many elements.
///
/// Memory, measured (BENCHMARKS.md section 4): a file refused by a limit peaks at about 2.5 to 3.5 times its
/// size (the program, the file's bytes and their copy); a file read whole costs more at its peak (libxml2's
/// tree, the Swift values and the checks): 165 MiB for 100,000 elements padded to 16 MiB, 18 to 25 times the
/// size for generated campaigns of 4 to 80 MB.
public struct LoadLimits: Sendable, Hashable {
    /// Largest file read, in bytes (default 16 MiB, 160 times the bundled Artemis campaign). Checked before
    /// reading.
    public var maxFileBytes: Int
    /// Deepest element nesting accepted (default 32; the schemas need at most 6). Checked while parsing.
    public var maxDepth: Int
    /// Most elements in one file (default 100,000; the bundled Artemis campaign has about 300). Counted while
    /// parsing, so a file over it is stopped before its tree is built.
    public var maxElements: Int
    /// Most files read from the folders given (default 100,000).
    public var maxFiles: Int
    /// Most attributes in one start tag, namespace declarations included (default 64; the schemas allow at most
    /// 12). Checked by a scan of the bytes before parsing: libxml2 2.9's check for duplicate attributes is
    /// quadratic in a tag's attributes (100,000 of them took 20 s).
    public var maxAttributesPerTag: Int
    /// Longest element or attribute name, in bytes (default 256; the schemas' longest is 28). Checked before
    /// parsing.
    public var maxNameBytes: Int
    /// Longest attribute value, in bytes as written (default 64 KiB; a text is at most 4,000 characters, 40,000
    /// bytes even as character references). Checked before parsing.
    public var maxValueBytes: Int
    /// Most namespace declarations (`xmlns`, `xmlns:p`) in one file (default 64; Consortium files need none).
    /// Checked before parsing: each declaration in scope lengthens libxml2's search for every prefixed name.
    public var maxNamespaceDeclarations: Int

    public init(
        maxFileBytes: Int = 16 << 20, maxDepth: Int = 32, maxElements: Int = 100_000, maxFiles: Int = 100_000,
        maxAttributesPerTag: Int = 64, maxNameBytes: Int = 256, maxValueBytes: Int = 64 << 10,
        maxNamespaceDeclarations: Int = 64
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.maxFiles = maxFiles
        self.maxAttributesPerTag = maxAttributesPerTag
        self.maxNameBytes = maxNameBytes
        self.maxValueBytes = maxValueBytes
        self.maxNamespaceDeclarations = maxNamespaceDeclarations
    }

    /// Most attributes in one file: 8 per element of `maxElements` (800,000 by default; real files have 3.5
    /// per element). Counted before parsing: each attribute costs about 250 bytes in libxml2's tree, and
    /// checking it against the schema about a microsecond.
    public var maxAttributes: Int { maxElements > Int.max / 8 ? Int.max : maxElements * 8 }

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
