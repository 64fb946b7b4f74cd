extension Workspace {
    /// `kb/policy.json` over the defaults, as `loadPolicy()` reads it, with every error naming the file: a value
    /// error alone names only its JSON path (`$.targets.1.first_response: …`), which leaves the reader guessing
    /// which file it is in.
    public func policyNamingFile() throws -> Policy {
        do {
            return try loadPolicy()
        } catch let error as PolicyError where !"\(error)".contains("policy.json") {
            throw PolicyFileError(file: "kb/policy.json", error: error)
        }
    }
}

/// A policy error placed in its file: `kb/policy.json: error: $.targets.1.first_response: expected a duration…`.
public struct PolicyFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The policy file, relative to the workspace root.
    public let file: String
    public let error: PolicyError

    public var description: String { "\(file): error: \(error)" }
}
