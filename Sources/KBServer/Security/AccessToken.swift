import KBCore

/// A configured bearer token: only its SHA-256 digest is kept, with its role and a name for the request log.
public struct AccessToken: Sendable, CustomStringConvertible {
    public let role: AccessRole
    /// Who holds the token (`helpdesk`, `agents`), shown as the user in the request log; the role when unnamed.
    public let name: String
    let digest: [UInt8]

    public init(role: AccessRole, token: String, name: String? = nil) {
        self.role = role
        self.name = name ?? role.rawValue
        self.digest = SHA256.digest(of: Array(token.utf8))
    }

    /// Never the token itself: configuration dumps and logs must not leak it.
    public var description: String { "\(name) (\(role.rawValue))" }
}
