import Foundation

/// The checks an import makes across records, whatever the format: ids seen before in the same file, and which
/// time zones exist (asked once per name: Foundation's lookup is slow and tickets repeat a few zones).
///
/// Used on one thread at a time: the JSON Lines reader thread has its own, the importer another.
final class ImportRecordChecks {
    private var firstLineOfID: [String: Int32] = [:]
    private var knownTimeZones: [String: Bool] = [:]

    /// Records `id` as seen on `line`, refusing an id already seen in this file.
    func register(id: String, line: Int) throws(TicketError) {
        if let first = firstLineOfID[id] { throw .duplicateID(id: id, firstLine: Int(first)) }
        firstLineOfID[id] = Int32(truncatingIfNeeded: line)
    }

    /// Whether a ticket's time zone is one kb accepts: a region name Foundation knows, or UTC.
    func isKnownTimeZone(_ identifier: String) -> Bool {
        if let known = knownTimeZones[identifier] { return known }
        let known = TimeZone(identifier: identifier) != nil && identifier.contains("/") || identifier == "UTC"
        knownTimeZones[identifier] = known
        return known
    }
}
