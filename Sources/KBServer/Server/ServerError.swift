/// Why the server could not start.
public enum ServerError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A non-loopback address without tokens would expose every ticket to the network.
    case tokensRequired(host: String)
    case invalidHost(String)
    case invalidSetting(String)
    /// The socket could not be bound or listened on (port in use, no permission).
    case bindFailed(host: String, port: UInt16, reason: String)
    case startFailed(reason: String)

    public var description: String {
        switch self {
        case let .tokensRequired(host):
            return "refusing to listen on \(host) without access tokens: anyone on the network could read every ticket; pass --tokens FILE (or set KB_TOKENS), or listen on 127.0.0.1"
        case let .invalidHost(host):
            return "--host needs an IP address such as 127.0.0.1, ::1 or 0.0.0.0 (or localhost), found '\(host)'"
        case let .invalidSetting(message):
            return message
        case let .bindFailed(host, port, reason):
            return "cannot listen on \(host) port \(port): \(reason)"
        case let .startFailed(reason):
            return "cannot start the HTTP server: \(reason)"
        }
    }
}
