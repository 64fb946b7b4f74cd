/// Checks front matter fields and collects every problem, so `Article.parse` can stop at the
/// first blocking one while lint reports them all.
struct ArticleFieldCheck {
    /// One problem with a field.
    struct Problem {
        var line: Int
        var severity: LintDiagnostic.Severity
        var message: String
        /// True when no `Article` can be built (missing or invalid required value, wrong shape).
        var blocksParsing: Bool
    }

    /// Keys the article format defines; any other key is kept but warned about.
    static let knownKeys: Set<String> = ["id", "title", "state", "audience", "services", "tags", "tickets",
                                         "updated", "language"]

    var id: String?
    var idLine = 1
    var title: String?
    var state: ArticleState?
    var audience: ArticleAudience?
    var services: [FrontMatter.Item] = []
    var tags: [FrontMatter.Item] = []
    var tickets: [FrontMatter.Item] = []
    var updated: String?
    var language: Language?
    var problems: [Problem] = []

    init(_ frontMatter: FrontMatter) {
        id = requiredScalar(frontMatter, "id")
        if let entry = frontMatter["id"] { idLine = entry.line }
        if let id, let entry = frontMatter["id"], !ArticleFieldCheck.isValidID(id) {
            problems.append(Problem(line: entry.line, severity: .error,
                                    message: "invalid id '\(id)' (expected KB- and at least 4 digits, e.g. KB-0007)",
                                    blocksParsing: false))
        }
        title = requiredScalar(frontMatter, "title")
        state = requiredEnum(frontMatter, "state", ArticleState.self)
        audience = requiredEnum(frontMatter, "audience", ArticleAudience.self)
        services = list(frontMatter, "services")
        tags = list(frontMatter, "tags")
        tickets = list(frontMatter, "tickets")
        if let entry = frontMatter["updated"] {
            if let text = scalar(entry) {
                updated = text
                if Timestamp(day: text) == nil {
                    problems.append(Problem(line: entry.line, severity: .error,
                                            message: "invalid date '\(text)' for 'updated' (expected YYYY-MM-DD)",
                                            blocksParsing: false))
                }
            }
        } else {
            problems.append(Problem(line: 1, severity: .warning, message: "missing 'updated' date (YYYY-MM-DD)",
                                    blocksParsing: false))
        }
        if let entry = frontMatter["language"], let text = scalar(entry) {
            language = Language(rawValue: text)
            if language == nil {
                problems.append(Problem(line: entry.line, severity: .error,
                                        message: "'language' must be es or en (got '\(text)')", blocksParsing: true))
            }
        }
        for entry in frontMatter.entries where !ArticleFieldCheck.knownKeys.contains(entry.key) {
            problems.append(Problem(line: entry.line, severity: .warning,
                                    message: "unknown front matter key '\(entry.key)' (known: "
                                        + ArticleFieldCheck.knownKeys.sorted().joined(separator: ", ") + ")",
                                    blocksParsing: false))
        }
        problems.sort { $0.line < $1.line }
    }

    /// `KB-` followed by at least four digits.
    static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard bytes.count >= 7, bytes.starts(with: "KB-".utf8) else { return false }
        return bytes[3...].allSatisfy(ScanByte.isDigit)
    }

    private mutating func scalar(_ entry: FrontMatter.Entry) -> String? {
        switch entry.value {
        case .scalar(let text): return text
        case .null: return nil
        case .list:
            problems.append(Problem(line: entry.line, severity: .error,
                                    message: "'\(entry.key)' must be a single value, not a list", blocksParsing: true))
            return nil
        }
    }

    private mutating func requiredScalar(_ frontMatter: FrontMatter, _ key: String) -> String? {
        guard let entry = frontMatter[key] else {
            problems.append(Problem(line: 1, severity: .error, message: "missing required key '\(key)'",
                                    blocksParsing: true))
            return nil
        }
        if case .list = entry.value { _ = scalar(entry); return nil }
        guard let text = scalar(entry), !text.utf8.allSatisfy(ScanByte.isWhitespace) else {
            problems.append(Problem(line: entry.line, severity: .error, message: "'\(key)' is empty",
                                    blocksParsing: true))
            return nil
        }
        return text
    }

    private mutating func requiredEnum<Value: RawRepresentable & CaseIterable>(
        _ frontMatter: FrontMatter, _ key: String, _ type: Value.Type
    ) -> Value? where Value.RawValue == String {
        guard let text = requiredScalar(frontMatter, key), let entry = frontMatter[key] else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        let choices = allowed.dropLast().joined(separator: ", ") + " or " + (allowed.last ?? "")
        problems.append(Problem(line: entry.line, severity: .error,
                                message: "'\(key)' must be \(choices) (got '\(text)')", blocksParsing: true))
        return nil
    }

    private mutating func list(_ frontMatter: FrontMatter, _ key: String) -> [FrontMatter.Item] {
        guard let entry = frontMatter[key] else { return [] }
        let items = entry.value.items(line: entry.line)
        var seen: [String: Int] = [:]
        for item in items {
            if item.value.utf8.allSatisfy(ScanByte.isWhitespace) {
                problems.append(Problem(line: item.line, severity: .warning, message: "empty item in '\(key)'",
                                        blocksParsing: false))
            } else if let first = seen[item.value] {
                problems.append(Problem(line: item.line, severity: .warning,
                                        message: "'\(item.value)' listed twice in '\(key)' (first on line \(first))",
                                        blocksParsing: false))
            } else {
                seen[item.value] = item.line
            }
        }
        return items
    }
}
