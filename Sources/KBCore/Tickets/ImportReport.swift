/// What an import did (or, for a dry run, would do): counts per outcome for all inputs and for each, every
/// rejection, and the problems with whole inputs a dry run found.
public struct ImportReport: Sendable, Equatable {
    /// Counts of one input, or of all of them.
    public struct Counts: Sendable, Equatable {
        public var read = 0
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        public var rejected = 0

        public init() {}

        mutating func add(_ outcome: UpsertOutcome) {
            switch outcome {
            case .inserted: inserted += 1
            case .updated: updated += 1
            case .unchanged: unchanged += 1
            }
        }
    }

    /// The counts of one input: every record it holds is read, then inserted, updated, unchanged or rejected.
    public struct FileCounts: Sendable, Equatable {
        public let file: String
        public let format: ImportFormat
        public var counts = Counts()
    }

    public var rejected: [ImportRejection] = []
    /// One entry per input, in the order they were read; the totals add them up.
    public var files: [FileCounts] = []
    /// True when `--strict` rolled everything back because of rejections (for a dry run: would have).
    public var rolledBack = false
    /// True when nothing was written: the counts are what an import would do.
    public var isDryRun = false
    /// Problems with whole inputs (a CSV header without the columns the mapping needs), each `FILE:1: error: …`.
    /// An import stops at the first; a dry run reads on and lists them all.
    public var fileProblems: [String] = []
    /// For a CSV input whose header leaves required fields without a column, the columns no field reads that have
    /// few distinct values, with their counts: where the priorities and statuses a mapping needs are.
    public var columnValues: [ColumnValues] = []

    /// The distinct values of one column of one input.
    public struct ColumnValues: Sendable, Equatable {
        public let file: String
        public let column: String
        /// Most frequent first.
        public let values: [ValueCount]
    }

    /// A value and how many records hold it.
    public struct ValueCount: Sendable, Equatable {
        public let value: String
        public let count: Int
    }

    public init() {}

    /// The totals over every input.
    public var totals: Counts {
        files.reduce(into: Counts()) { total, file in
            total.read += file.counts.read
            total.inserted += file.counts.inserted
            total.updated += file.counts.updated
            total.unchanged += file.counts.unchanged
            total.rejected += file.counts.rejected
        }
    }

    public var read: Int { totals.read }
    public var inserted: Int { totals.inserted }
    public var updated: Int { totals.updated }
    public var unchanged: Int { totals.unchanged }

    /// The rejected records' problems grouped by kind, in the order each kind first appeared: how many records have
    /// one of that kind (a record with several problems counts under each), and the first few, each on its own.
    public func rejectionsByKind(examples: Int) -> [(kind: String, count: Int, first: [Diagnostic])] {
        var order: [String] = []
        var groups: [String: (count: Int, first: [Diagnostic])] = [:]
        for rejection in rejected {
            var counted = Set<String>()
            for problem in rejection.problems where counted.insert(problem.kind).inserted {
                if groups[problem.kind] == nil { order.append(problem.kind) }
                groups[problem.kind, default: (0, [])].count += 1
                if groups[problem.kind]!.first.count < examples {
                    groups[problem.kind]!.first.append(rejection.diagnostic(of: problem))
                }
            }
        }
        return order.map { ($0, groups[$0]!.count, groups[$0]!.first) }
    }

    /// The distinct values no mapping or list knows, per field (fields in the order they first appeared), each with
    /// how many records hold it, most frequent first.
    public var unknownValues: [(field: String, values: [(value: String, count: Int)])] {
        var order: [String] = []
        var counts: [String: [String: Int]] = [:]
        for rejection in rejected {
            for unknown in rejection.unknownValues {
                if counts[unknown.field] == nil { order.append(unknown.field) }
                counts[unknown.field, default: [:]][unknown.value, default: 0] += 1
            }
        }
        return order.map { field in
            (field, counts[field]!.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) })
        }
    }
}
