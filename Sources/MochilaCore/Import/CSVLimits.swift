/// Bounds on a CSV file, so that a mistaken or hostile upload fails fast with a clear message
/// instead of holding the server.
///
/// The defaults fit a whole cohort in one file: 50,000 learners take about 5 MiB.
public struct CSVLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes, as uploaded (before any decoding).
    public var maxBytes: Int
    /// The most data rows (rows after the header that are not empty).
    public var maxRows: Int
    /// The longest value, in characters (Unicode scalars).
    public var maxFieldLength: Int
    /// The most values in one row.
    public var maxColumns: Int

    public init(maxBytes: Int = 20 * 1024 * 1024, maxRows: Int = 50_000, maxFieldLength: Int = 1_000, maxColumns: Int = 50) {
        self.maxBytes = maxBytes
        self.maxRows = maxRows
        self.maxFieldLength = maxFieldLength
        self.maxColumns = maxColumns
    }

    /// 20 MiB, 50,000 rows, 1,000 characters a value, 50 columns.
    public static let `default` = CSVLimits()
}
