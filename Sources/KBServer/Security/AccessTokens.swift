import Foundation
import KBCore

/// The server's bearer tokens, read from a file (`--tokens FILE`) or the `KB_TOKENS` environment variable.
///
/// Two formats. Lines, one token per line: `ROLE TOKEN [NAME]`, ROLE `read` or `write`, `#` starts a
/// comment, blank lines are skipped (in `KB_TOKENS`, `,` also separates entries). Or JSON, when the text
/// starts with `[`: `[{"role":"write","token":"…","name":"helpdesk"}]`. Tokens are at least 16 characters of
/// visible ASCII; the same token twice is an error.
public struct AccessTokens: Sendable {
    public static let minimumLength = 16
    public let tokens: [AccessToken]

    public init(_ tokens: [AccessToken] = []) {
        self.tokens = tokens
    }

    public var isEmpty: Bool { tokens.isEmpty }

    /// The token `presented` matches, or nil. Its digest is compared with every configured digest in
    /// constant time, and the loop never stops early, so neither the position nor the prefix of a match
    /// shows in the time taken.
    public func authenticate(_ presented: String) -> AccessToken? {
        let digest = SHA256.digest(of: Array(presented.utf8))
        var found: AccessToken?
        for token in tokens where ConstantTime.equals(token.digest, digest) {
            found = token
        }
        return found
    }

    /// The bearer token of an `Authorization` header value (RFC 6750 §2.1), or nil for another scheme.
    public static func bearer(in header: String) -> String? {
        let trimmed = header.trimmingSpaces
        guard trimmed.count > 7, trimmed.prefix(7).lowercased() == "bearer " else { return nil }
        let token = trimmed.dropFirst(7).trimmingSpaces
        return token.isEmpty ? nil : String(token)
    }

    /// Reads the tokens file at `path`.
    public static func load(path: String) throws(AccessTokensError) -> AccessTokens {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalid(source: path, line: 1, reason: "the file is not UTF-8 text")
        }
        return try parse(text, source: path)
    }

    /// Parses tokens in either format; `source` names the file (or `KB_TOKENS`) in errors.
    public static func parse(_ text: String, source: String, commaSeparates: Bool = false) throws(AccessTokensError) -> AccessTokens {
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.first == "[" { return try parseJSON(text, source: source) }
        var tokens: [AccessToken] = []
        var seen: [[UInt8]: Int] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let entries = commaSeparates ? line.split(separator: ",") : [line]
            for entry in entries {
                let content = entry.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
                if fields.isEmpty { continue }
                guard fields.count == 2 || fields.count == 3 else {
                    throw .invalid(source: source, line: index + 1, reason: "expected 'ROLE TOKEN [NAME]', found \(fields.count) fields")
                }
                let token = try make(role: String(fields[0]), token: String(fields[1]), name: fields.count == 3 ? String(fields[2]) : nil,
                                     source: source, line: index + 1)
                if let first = seen[token.digest] {
                    throw .invalid(source: source, line: index + 1, reason: "the same token is already on line \(first)")
                }
                seen[token.digest] = index + 1
                tokens.append(token)
            }
        }
        return AccessTokens(tokens)
    }

    private static func parseJSON(_ text: String, source: String) throws(AccessTokensError) -> AccessTokens {
        let root: JSONValue
        do {
            root = try JSONParser().parse(text)
        } catch {
            throw .invalid(source: source, line: 1, reason: "invalid JSON: \(error)")
        }
        guard let items = root.arrayValue else {
            throw .invalid(source: source, line: 1, reason: "expected an array of {\"role\", \"token\", \"name\"} objects")
        }
        var tokens: [AccessToken] = []
        var seen: Set<[UInt8]> = []
        for (index, item) in items.enumerated() {
            guard let role = item["role"]?.stringValue, let value = item["token"]?.stringValue else {
                throw .invalid(source: source, line: 1, reason: "entry \(index) needs string members \"role\" and \"token\"")
            }
            let token = try make(role: role, token: value, name: item["name"]?.stringValue, source: source, line: 1, entry: index)
            guard seen.insert(token.digest).inserted else {
                throw .invalid(source: source, line: 1, reason: "entry \(index) repeats an earlier token")
            }
            tokens.append(token)
        }
        return AccessTokens(tokens)
    }

    private static func make(role: String, token: String, name: String?, source: String, line: Int,
                             entry: Int? = nil) throws(AccessTokensError) -> AccessToken {
        let place = entry.map { "entry \($0): " } ?? ""
        guard let parsedRole = AccessRole(rawValue: role) else {
            throw .invalid(source: source, line: line, reason: "\(place)role must be read or write, found '\(role)'")
        }
        guard token.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .invalid(source: source, line: line, reason: "\(place)a token is visible ASCII without spaces")
        }
        guard token.utf8.count >= minimumLength else {
            throw .invalid(source: source, line: line,
                           reason: "\(place)token shorter than \(minimumLength) characters; generate one with 'openssl rand -hex 32'")
        }
        return AccessToken(role: parsedRole, token: token, name: name)
    }
}

/// Why the tokens could not be read.
public enum AccessTokensError: Error, DiagnosticConvertible, Sendable, Equatable {
    case unreadable(path: String, reason: String)
    case invalid(source: String, line: Int, reason: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .unreadable(path, reason): return Diagnostic(.error, "cannot read the tokens file: \(reason)", at: .init(path: path))
        case let .invalid(source, line, reason): return Diagnostic(.error, reason, at: .init(path: source, line: line))
        }
    }
}
