import Foundation

/// Groups of equivalent search terms from `kb/synonyms.txt`, analysed for
/// query-time expansion.
///
/// Format: one group per line, entries separated by commas
/// (`contraseña, clave, password`); an entry may have several words
/// (`inicio de sesión`); `#` starts a comment that runs to the end of the
/// line; blank lines are ignored. Every entry is analysed with the same
/// ``Analyzer`` as the index, so lookups take analysed terms and return
/// analysed terms. A term may belong to several groups; its alternatives are
/// the union of theirs.
public struct Synonyms: Sendable {
    /// The groups in file order, each as its distinct analysed entries in
    /// file order; an entry is a term sequence (a phrase when longer than one).
    public let groups: [[[String]]]
    private let groupsByEntry: [[String]: [Int]]
    private let longestEntry: Int
    /// The first spelling written in the file for each analysed entry.
    private let spellings: [[String]: String]

    /// No synonyms at all (a workspace without `kb/synonyms.txt`).
    public static let empty = Synonyms(groups: [], spellings: [:])

    private init(groups: [[[String]]], spellings: [[String]: String]) {
        self.groups = groups
        self.spellings = spellings
        var groupsByEntry: [[String]: [Int]] = [:]
        for (index, group) in groups.enumerated() {
            for entry in group {
                groupsByEntry[entry, default: []].append(index)
            }
        }
        self.groupsByEntry = groupsByEntry
        longestEntry = groups.joined().map(\.count).max() ?? 0
    }

    /// Parses the text of a synonyms file; `path` names it in errors.
    public init(parsing text: String, path: String = "kb/synonyms.txt", analyzer: Analyzer) throws(SynonymsError) {
        var groups: [[[String]]] = []
        var spellings: [[String]: String] = [:]
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so it must be named explicitly.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = Substring(rawLine)
            if lineNumber == 1, line.first == "\u{FEFF}" {
                line = line.dropFirst()
            }
            if let comment = line.firstIndex(of: "#") {
                line = line[..<comment]
            }
            guard !line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            var group: [[String]] = []
            for rawEntry in line.split(separator: ",", omittingEmptySubsequences: false) {
                let entry = rawEntry.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !entry.isEmpty else { throw .emptyEntry(path: path, line: lineNumber) }
                let terms = analyzer.terms(entry)
                guard !terms.isEmpty else {
                    throw .entryWithoutTerms(path: path, line: lineNumber, entry: entry)
                }
                if !group.contains(terms) {
                    group.append(terms)
                }
                if spellings[terms] == nil { spellings[terms] = entry }
            }
            guard group.count >= 2 else { throw .singleEntryGroup(path: path, line: lineNumber) }
            groups.append(group)
        }
        self.init(groups: groups, spellings: spellings)
    }

    /// Reads and parses a synonyms file; `displayPath` names it in errors
    /// (the path as given when nil).
    public init(contentsOfFile path: String, displayPath: String? = nil, analyzer: Analyzer) throws(SynonymsError) {
        let shownPath = displayPath ?? path
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: shownPath, reason: Self.reason(for: error))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: shownPath, reason: "not valid utf-8")
        }
        try self.init(parsing: text, path: shownPath, analyzer: analyzer)
    }

    private static func reason(for error: any Error) -> String {
        let cocoaError = error as? CocoaError
        switch cocoaError?.code {
        case .fileReadNoSuchFile?: return "no such file"
        case .fileReadNoPermission?: return "permission denied"
        default: return "read failed"
        }
    }

    /// The alternatives of an analysed entry (one term, or a phrase as a
    /// term sequence): every other entry of every group that contains it,
    /// without repeats, in file order. Empty when it is in no group.
    public func alternatives(for entry: [String]) -> [[String]] {
        guard let indexes = groupsByEntry[entry] else { return [] }
        var result: [[String]] = []
        for index in indexes {
            for candidate in groups[index] where candidate != entry && !result.contains(candidate) {
                result.append(candidate)
            }
        }
        return result
    }

    /// The entry as written in the file, so a query can pass it to FTS5 to be analysed like the index.
    public func spelling(of entry: [String]) -> String? {
        spellings[entry]
    }

    /// The alternatives of a single analysed term.
    public func alternatives(for term: String) -> [[String]] {
        alternatives(for: [term])
    }

    /// Finds synonym entries in an analysed query, left to right, preferring
    /// the longest entry at each position (so `inicio de sesión` wins over
    /// `inicio`); matches do not overlap.
    public func expansions(in terms: [String]) -> [SynonymExpansion] {
        var expansions: [SynonymExpansion] = []
        var start = 0
        while start < terms.count {
            var matched = false
            var length = min(longestEntry, terms.count - start)
            while length > 0 {
                let candidate = Array(terms[start ..< start + length])
                let alternatives = alternatives(for: candidate)
                if !alternatives.isEmpty {
                    expansions.append(SynonymExpansion(range: start ..< start + length, alternatives: alternatives))
                    start += length
                    matched = true
                    break
                }
                length -= 1
            }
            if !matched {
                start += 1
            }
        }
        return expansions
    }
}
