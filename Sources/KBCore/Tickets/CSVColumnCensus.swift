/// The distinct values of the CSV columns no field reads, while a header leaves required fields without a column:
/// what a person writing the mapping needs to see (which column holds the priorities, and which values it has).
///
/// Only columns with few distinct values are kept (a priority, a status, a channel); a column that passes
/// `maximumDistinct` (names, texts, dates) is let go at once, so memory stays small whatever the file's size.
struct CSVColumnCensus {
    static let maximumDistinct = 12

    private let names: [Int: String]
    private let encoding: CSVEncoding
    /// Counts per value, by column index; a column leaves when it has too many distinct values.
    private var counts: [Int: [String: Int]]

    init(columns: [(index: Int, name: String)], encoding: CSVEncoding) {
        names = Dictionary(columns.map { ($0.index, $0.name) }, uniquingKeysWith: { first, _ in first })
        counts = Dictionary(columns.map { ($0.index, [:]) }, uniquingKeysWith: { first, _ in first })
        self.encoding = encoding
    }

    /// Counts the values of `record` in the watched columns; empty cells are not values.
    mutating func add(_ record: CSVRecord) {
        for index in counts.keys.sorted() where index < record.count {
            let raw = CSVTicketBuilder.trimmed(record.field(index))
            guard !raw.isEmpty, let value = encoding.decode(raw) else { continue }
            counts[index]![value, default: 0] += 1
            if counts[index]!.count > Self.maximumDistinct { counts[index] = nil }
        }
    }

    /// The columns that kept few distinct values, in header order, each value with its count, most frequent first.
    func columnValues(file: String) -> [ImportReport.ColumnValues] {
        counts.keys.sorted().compactMap { index in
            guard let values = counts[index], !values.isEmpty else { return nil }
            let sorted = values.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            return ImportReport.ColumnValues(file: file, column: names[index]!,
                                             values: sorted.map { ImportReport.ValueCount(value: $0.key, count: $0.value) })
        }
    }
}
