extension ImportReport: JSONEncodable {
    /// The `--json` form: the totals, every rejection, each input's counts, and what the summary groups.
    ///
    /// `{"read":N,"inserted":N,"updated":N,"unchanged":N,"rejected":[{"file","line","reason","kind"}…],
    /// "files":[{"file","format","read","inserted","updated","unchanged","rejected"}…],
    /// "unknown_values":[{"field","values":[{"value","count"}…]}…],"file_problems":[…]}`, with `"dry_run":true`
    /// first, `"column_values":[{"file","column","values":[{"value","count"}…]}…]` after `file_problems` and
    /// `"rolled_back":true` last when they apply.
    public func write(to writer: inout JSONWriter) {
        let rejections = rejected.map { JSONObject(("file", $0.file), ("line", $0.line), ("reason", $0.reason), ("kind", $0.kind)) }
        let files = files.map { file in
            JSONObject(("file", file.file), ("format", file.format.rawValue), ("read", file.counts.read),
                       ("inserted", file.counts.inserted), ("updated", file.counts.updated),
                       ("unchanged", file.counts.unchanged), ("rejected", file.counts.rejected))
        }
        let unknown = unknownValues.map { field, values in
            JSONObject(("field", field), ("values", values.map { JSONObject(("value", $0.value), ("count", $0.count)) }))
        }
        let columns = columnValues.map { column in
            JSONObject(("file", column.file), ("column", column.column),
                       ("values", column.values.map { JSONObject(("value", $0.value), ("count", $0.count)) }))
        }
        writer.object(isDryRun ? ("dry_run", true) : nil, ("read", read), ("inserted", inserted), ("updated", updated),
                      ("unchanged", unchanged), ("rejected", rejections), ("files", files), ("unknown_values", unknown),
                      ("file_problems", fileProblems), columnValues.isEmpty ? nil : ("column_values", columns),
                      rolledBack ? ("rolled_back", true) : nil)
    }
}

extension ImportReport {
    /// The text a person reads: the counts, each input's counts when there are several, the problems with whole
    /// inputs, and the rejections grouped by kind with the distinct unknown values; `examples` rejections of each
    /// kind are quoted (a dry run's only sight of them; an import has printed them as it went).
    public func summaryText(examples: Int) -> String {
        var lines: [String] = []
        if isDryRun { lines.append("dry run: nothing was written; an import would do this:") }
        lines.append(Self.line(totals))
        if files.count > 1 {
            for file in files { lines.append("  \(file.file) (\(file.format.rawValue)): " + Self.line(file.counts)) }
        }
        if !fileProblems.isEmpty {
            lines.append("problems with whole files (nothing is imported until they are fixed):")
            lines += fileProblems.map { "  " + $0 }
        }
        if !columnValues.isEmpty {
            lines.append("columns no field reads, with their few distinct values (where the missing fields may come from):")
            for column in columnValues {
                let shown = column.values.map { "\($0.value) \(Self.grouped($0.count))" }.joined(separator: ", ")
                lines.append("  \(column.file) \"\(column.column)\": " + shown)
            }
        }
        let kinds = rejectionsByKind(examples: examples)
        if !kinds.isEmpty {
            let several = kinds.reduce(0) { $0 + $1.count } > rejected.count
            lines.append("rejected records by kind" + (several ? " (a record with several problems counts under each):" : ":"))
            for (kind, count, first) in kinds {
                lines.append("  \(kind): \(Self.grouped(count))")
                lines += first.map { "    " + $0.formatted }
            }
        }
        let unknown = unknownValues
        if !unknown.isEmpty {
            lines.append("values no mapping or list knows (map them with \"values\" in the mapping, or in kb/policy.json):")
            for (field, values) in unknown {
                let shown = values.prefix(20).map { "\($0.value) \(Self.grouped($0.count))" }.joined(separator: ", ")
                lines.append("  \(field): " + shown + (values.count > 20 ? ", … (\(values.count) distinct)" : ""))
            }
        }
        if rolledBack {
            lines.append("--strict: \(rejected.count) rejected record(s); " + (isDryRun ? "the import would write nothing" : "nothing was imported"))
        }
        return lines.joined(separator: "\n")
    }

    private static func line(_ counts: Counts) -> String {
        "read \(counts.read), inserted \(counts.inserted), updated \(counts.updated), unchanged \(counts.unchanged), rejected \(counts.rejected)"
    }

    /// `8469` → `8,469`: counts read at a glance, the same on every machine.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }
}
