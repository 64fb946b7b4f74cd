/// Why `kb suggest` routes a ticket as it does: structured, so each reader gets it in its language.
public enum RoutingReason: Sendable, Equatable {
    /// Where the service came from.
    public enum Origin: String, Sendable {
        /// The request named it.
        case given
        /// The most similar past tickets had it.
        case similarTickets = "similar_tickets"
    }

    /// No service given and none inferred: ask the customer.
    case serviceUnknown
    /// The policy routes the service.
    case routed(Origin)
    /// The policy has no route for the service.
    case noRoute(Origin, service: String)

    /// The machine name (`service_unknown`, `routed`, `no_route`).
    public var kind: String {
        switch self {
        case .serviceUnknown: "service_unknown"
        case .routed: "routed"
        case .noRoute: "no_route"
        }
    }

    /// Where the service came from, when there is one.
    public var origin: Origin? {
        switch self {
        case .serviceUnknown: nil
        case let .routed(origin), let .noRoute(origin, _): origin
        }
    }

    /// The reason as a sentence in `language` (English is what the CLI prints).
    public func text(language: Language) -> String {
        let words = language.catalogue
        switch self {
        case .serviceUnknown:
            return words("reason.routing.unknown")
        case let .routed(origin):
            return words("reason.routing.routed", ["origin": words("reason.routing.origin.\(origin.rawValue)")])
        case let .noRoute(origin, service):
            return words("reason.routing.no_route", ["origin": words("reason.routing.origin.\(origin.rawValue)"), "service": service])
        }
    }
}
