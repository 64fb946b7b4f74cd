extension ImportReport {
    /// The `--json` form: the totals, every rejection, each input's counts, and what the summary groups.
    ///
    /// `{"read":N,"inserted":N,"updated":N,"unchanged":N,"rejected":[{"file","line","reason","kind"}…],
    /// "files":[{"file","format","read","inserted","updated","unchanged","rejected"}…],
    /// "unknown_values":[{"field","values":[{"value","count"}…]}…],"file_problems":[…]}`, plus `"rolled_back":true`
    /// and `"dry_run":true` when they apply.
    public var jsonText: String {
        var writer = JSONWriter()
        writer.beginObject()
        if isDryRun { writer.member("dry_run", true) }
        writer.member("read", read)
        writer.member("inserted", inserted)
        writer.member("updated", updated)
        writer.member("unchanged", unchanged)
        writer.key("rejected")
        writer.beginArray()
        for rejection in rejected {
            writer.beginObject()
            writer.member("file", rejection.file)
            writer.member("line", rejection.line)
            writer.member("reason", rejection.reason)
            writer.member("kind", rejection.kind)
            writer.endObject()
        }
        writer.endArray()
        writer.key("files")
        writer.beginArray()
        for file in files {
            writer.beginObject()
            writer.member("file", file.file)
            writer.member("format", file.format.rawValue)
            writer.member("read", file.counts.read)
            writer.member("inserted", file.counts.inserted)
            writer.member("updated", file.counts.updated)
            writer.member("unchanged", file.counts.unchanged)
            writer.member("rejected", file.counts.rejected)
            writer.endObject()
        }
        writer.endArray()
        writer.key("unknown_values")
        writer.beginArray()
        for (field, values) in unknownValues {
            writer.beginObject()
            writer.member("field", field)
            writer.key("values")
            writer.beginArray()
            for (value, count) in values {
                writer.beginObject()
                writer.member("value", value)
                writer.member("count", count)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.member("file_problems", fileProblems)
        if rolledBack { writer.member("rolled_back", true) }
        writer.endObject()
        return writer.text
    }

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
        let kinds = rejectionsByKind(examples: examples)
        if !kinds.isEmpty {
            lines.append("rejected records by kind:")
            for (kind, count, first) in kinds {
                lines.append("  \(kind): \(Self.grouped(count))")
                lines += first.map { "    " + $0.description }
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
