/// One record an import refused, with where it is and why; printed `FILE:LINE: error: reason` (its `diagnostic`).
public struct ImportRejection: Sendable, Equatable {
    public let file: String
    public let line: Int
    public let reason: String
    /// Each thing wrong with the record, in the order found: one for most records, several for a CSV row with (say)
    /// an unknown priority and a date without offset, so a summary counts and quotes each kind on its own.
    public let problems: [Problem]
    /// Values no mapping or list knows, by the field they are in (e.g. `("priority", "critical")`), so a summary can
    /// count the distinct ones instead of repeating a message per record.
    public let unknownValues: [UnknownValue]

    /// One thing wrong with a record.
    public struct Problem: Sendable, Equatable {
        /// What is wrong, for grouping rejections in a summary: the field at fault (`status`, `severity (column
        /// "Prioridad")`) or the kind of damage (`invalid JSON`, `duplicate id`).
        public let kind: String
        /// The problem's own message (with the record's place, e.g. `tickets[3] zd:4: …`, when it has one).
        public let message: String

        public init(kind: String, message: String) {
            self.kind = kind
            self.message = message
        }
    }

    /// The kind of the record's first problem.
    public var kind: String { problems.first?.kind ?? "other" }

    /// A value outside a field's known values.
    public struct UnknownValue: Sendable, Equatable, Hashable {
        public let field: String
        public let value: String

        public init(field: String, value: String) {
            self.field = field
            self.value = value
        }
    }

    /// A rejection with one problem, of `kind`, whose message is `reason`.
    public init(file: String, line: Int, reason: String, kind: String = "other", unknownValues: [UnknownValue] = []) {
        self.init(file: file, line: line, reason: reason, problems: [Problem(kind: kind, message: reason)], unknownValues: unknownValues)
    }

    public init(file: String, line: Int, reason: String, problems: [Problem], unknownValues: [UnknownValue] = []) {
        self.file = file
        self.line = line
        self.reason = reason
        self.problems = problems
        self.unknownValues = unknownValues
    }

    /// The rejection of a record for `problem`; `place` (e.g. `tickets[3] zd:4`) goes before the reason.
    init(file: String, line: Int, problem: any RecordProblem, place: String? = nil) {
        func placed(_ text: String) -> String { place.map { $0.isEmpty ? text : "\($0): \(text)" } ?? text }
        self.init(file: file, line: line, reason: placed(problem.description),
                  problems: problem.parts.map { Problem(kind: $0.kind, message: placed($0.message)) },
                  unknownValues: problem.unknownValues)
    }

    /// The diagnostic of one of the record's problems alone, at the record's file and line.
    public func diagnostic(of problem: Problem) -> Diagnostic {
        Diagnostic(.error, problem.message, at: .init(path: file, line: line))
    }
}

/// An error that rejects one record of an import, and how a summary groups it.
protocol RecordProblem: Error, CustomStringConvertible {
    /// The field at fault or the kind of damage; see `ImportRejection.kind`.
    var kind: String { get }
    /// The values no mapping or list knows; see `ImportRejection.unknownValues`.
    var unknownValues: [ImportRejection.UnknownValue] { get }
    /// Each problem on its own (several for an error that gathers a record's problems).
    var parts: [ImportRejection.Problem] { get }
}

extension RecordProblem {
    var parts: [ImportRejection.Problem] { [ImportRejection.Problem(kind: kind, message: description)] }
}

extension TicketError: RecordProblem {
    var kind: String {
        switch self {
        case let .invalidField(field, _), let .unknownValue(field, _, _): return Self.withoutIndices(field)
        case .invalidJSON: return "invalid JSON"
        case .duplicateID: return "duplicate id"
        case .lineTooLong, .ticketTooLong: return "too long"
        case .unreadable: return "unreadable"
        case .notFound: return "not found"
        }
    }

    var unknownValues: [ImportRejection.UnknownValue] {
        guard case let .unknownValue(field, value, _) = self else { return [] }
        return [ImportRejection.UnknownValue(field: Self.withoutIndices(field), value: value)]
    }

    /// `events[12].kind` → `events[].kind`: one kind for the same field of every event.
    private static func withoutIndices(_ field: String) -> String {
        var result = ""
        var inBrackets = false
        for character in field {
            if character == "[" { inBrackets = true } else if character == "]" { inBrackets = false }
            if !(inBrackets && character.isNumber) { result.append(character) }
        }
        return result
    }
}
