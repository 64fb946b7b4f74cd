/// Why a Mustache template could not be parsed, loaded or rendered; `name` is the template's or partial's name (or file path).
public enum TemplateError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A tag opened at this position has no closing delimiter (`expected` is the delimiter looked for).
    case unclosedTag(name: String, line: Int, column: Int, expected: String)
    /// A section opened at this position is never closed.
    case unclosedSection(name: String, line: Int, column: Int, section: String)
    /// A section end names a different section than the one open.
    case mismatchedSectionEnd(name: String, line: Int, column: Int, expected: String, found: String)
    /// A section end with no section open.
    case unexpectedSectionEnd(name: String, line: Int, column: Int, section: String)
    /// A set-delimiter tag whose content is not two delimiters.
    case badSetDelimiter(name: String, line: Int, column: Int, reason: String)
    /// A tag whose name is empty or contains whitespace.
    case invalidTagName(name: String, line: Int, column: Int, tag: String)
    /// Partials nested deeper than the limit (of partials, or of partials and sections together), usually a
    /// partial including itself unconditionally.
    case partialNestingTooDeep(name: String, line: Int, column: Int, partial: String, limit: Int)
    /// A section opened inside more sections than the limit allows.
    case sectionNestingTooDeep(name: String, line: Int, column: Int, section: String, limit: Int)
    /// No template of that name in any of the directories.
    case templateNotFound(name: String, directories: [String])
    /// A template file exists but cannot be read as UTF-8 text.
    case unreadableTemplate(path: String, reason: String)
    /// Template data that is not valid JSON.
    case invalidData(name: String, reason: String)
    /// A workspace template or partial reached through a symbolic link to `target`, outside the workspace.
    case outsideWorkspace(path: String, target: String)
    /// Rendering `name` included partials and made section passes more than `limit` times (`partial`: where).
    case expansionLimit(name: String, partial: String, limit: Int)
    /// Rendering `name` produced more than `limit` bytes (`partial`: where).
    case outputTooLarge(name: String, partial: String, limit: Int)

    /// The template, partial or file the error is about.
    public var name: String {
        switch self {
        case .unclosedTag(let name, _, _, _), .unclosedSection(let name, _, _, _),
             .mismatchedSectionEnd(let name, _, _, _, _), .unexpectedSectionEnd(let name, _, _, _),
             .badSetDelimiter(let name, _, _, _), .invalidTagName(let name, _, _, _),
             .partialNestingTooDeep(let name, _, _, _, _), .sectionNestingTooDeep(let name, _, _, _, _),
             .templateNotFound(let name, _),
             .invalidData(let name, _), .expansionLimit(let name, _, _), .outputTooLarge(let name, _, _):
            return name
        case .unreadableTemplate(let path, _), .outsideWorkspace(let path, _):
            return path
        }
    }

    /// The 1-based line and column (in characters) of the offending tag, when the error has one.
    public var location: (line: Int, column: Int)? {
        switch self {
        case .unclosedTag(_, let line, let column, _), .unclosedSection(_, let line, let column, _),
             .mismatchedSectionEnd(_, let line, let column, _, _), .unexpectedSectionEnd(_, let line, let column, _),
             .badSetDelimiter(_, let line, let column, _), .invalidTagName(_, let line, let column, _),
             .partialNestingTooDeep(_, let line, let column, _, _), .sectionNestingTooDeep(_, let line, let column, _, _):
            return (line, column)
        case .templateNotFound, .unreadableTemplate, .invalidData, .outsideWorkspace, .expansionLimit, .outputTooLarge:
            return nil
        }
    }

    /// The lower-case message without the location.
    public var reason: String {
        switch self {
        case .unclosedTag(_, _, _, let expected):
            return "unclosed tag: expected '\(expected)'"
        case .unclosedSection(_, _, _, let section):
            return "unclosed section '\(section)'"
        case .mismatchedSectionEnd(_, _, _, let expected, let found):
            return "section end '\(found)' does not match open section '\(expected)'"
        case .unexpectedSectionEnd(_, _, _, let section):
            return "section end '\(section)' without an open section"
        case .badSetDelimiter(_, _, _, let reason):
            return "bad set-delimiter tag: \(reason)"
        case .invalidTagName(_, _, _, let tag):
            return "invalid tag name '\(tag)'"
        case .partialNestingTooDeep(_, _, _, let partial, let limit):
            return "partial '\(partial)' nested more than \(limit) levels deep"
        case .sectionNestingTooDeep(_, _, _, let section, let limit):
            return "section '\(section)' nested more than \(limit) levels deep"
        case .templateNotFound(_, let directories):
            return directories.isEmpty
                ? "template not found"
                : "template not found in " + directories.joined(separator: ", ")
        case .unreadableTemplate(_, let reason):
            return "cannot read template: \(reason)"
        case .invalidData(_, let reason):
            return "invalid template data: \(reason)"
        case .outsideWorkspace(_, let target):
            return WorkspaceConfinement.reason(kind: "templates", target: target)
        case .expansionLimit(let name, let partial, let limit):
            return "rendering expands partials and sections more than \(limit) times"
                + (partial == name ? "" : " (the last in '\(partial)')")
                + "; a partial that includes others several times multiplies the output at every level"
        case .outputTooLarge(let name, let partial, let limit):
            return "rendering produces more than \(limit >> 20) MiB" + (partial == name ? "" : " (the last in '\(partial)')")
                + "; a partial or section repeats too much text"
        }
    }

    /// `NAME:LINE:COLUMN: error: reason`, or `NAME: error: reason` when there is no position.
    public var description: String {
        if let location {
            return "\(name):\(location.line):\(location.column): error: \(reason)"
        }
        return "\(name): error: \(reason)"
    }
}
