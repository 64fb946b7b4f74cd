import KBCore

/// An error answered as RFC 9457 `application/problem+json`: `type`, `title`, `status`, `detail`, and the
/// offending `field` when one input is to blame. Handlers throw it; anything else thrown becomes a 500.
public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The prefix of every kb problem type; the slug after it names the kind (`not-found`, `invalid-field`).
    public static let typePrefix = "tag:kb,2026:problem/"

    public var status: Int
    /// A URI naming the kind of problem; clients branch on it, never on `detail`.
    public var type: String
    /// The same short sentence for every occurrence of this type.
    public var title: String
    /// What went wrong this time and what to do, in the CLI's words.
    public var detail: String
    /// The request input to blame: a query parameter, a JSON path (`events[2].at`), a header or a form field.
    public var field: String?
    /// Headers the status calls for (`WWW-Authenticate` on 401, `Allow` on 405).
    public var headers: HTTPHeaders

    public init(status: Int, slug: String, title: String, detail: String, field: String? = nil,
                headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.type = Problem.typePrefix + slug
        self.title = title
        self.detail = detail
        self.field = field
        self.headers = headers
    }

    public var description: String { "\(status) \(title): \(detail)" }

    /// The problem as JSON members in a fixed order.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("type", type)
        writer.member("title", title)
        writer.member("status", status)
        writer.member("detail", detail)
        if let field { writer.member("field", field) }
        writer.endObject()
        return writer.bytes
    }

    public static func == (lhs: Problem, rhs: Problem) -> Bool {
        lhs.status == rhs.status && lhs.type == rhs.type && lhs.title == rhs.title && lhs.detail == rhs.detail
            && lhs.field == rhs.field && lhs.headers.fields.elementsEqual(rhs.headers.fields) { $0 == $1 }
    }
}

extension Problem {
    public static func badRequest(_ detail: String, field: String? = nil) -> Problem {
        Problem(status: 400, slug: "bad-request", title: "The request is malformed", detail: detail, field: field)
    }

    /// 422: the request is well-formed but a value in it is not acceptable.
    public static func invalidField(_ field: String, _ detail: String) -> Problem {
        Problem(status: 422, slug: "invalid-field", title: "A field has an invalid value", detail: detail, field: field)
    }

    public static func notFound(_ detail: String = "no such resource; see docs/openapi.yaml for the routes kb serves") -> Problem {
        Problem(status: 404, slug: "not-found", title: "Not found", detail: detail)
    }

    public static func methodNotAllowed(_ method: HTTPMethod, allowed: [HTTPMethod]) -> Problem {
        let names = allowed.map(\.rawValue)
        return Problem(status: 405, slug: "method-not-allowed", title: "Method not allowed",
                       detail: "\(method.rawValue) is not allowed here; use \(names.joined(separator: " or "))",
                       headers: ["Allow": names.joined(separator: ", ")])
    }

    /// 401 with the `WWW-Authenticate` challenge of RFC 6750 §3.
    public static func unauthorized(_ detail: String, field: String = "Authorization", invalidToken: Bool = false) -> Problem {
        let challenge = invalidToken ? "Bearer realm=\"kb\", error=\"invalid_token\"" : "Bearer realm=\"kb\""
        return Problem(status: 401, slug: "unauthorized", title: "Authentication required", detail: detail,
                       field: field, headers: ["WWW-Authenticate": challenge])
    }

    public static func forbidden(_ detail: String, field: String? = nil) -> Problem {
        Problem(status: 403, slug: "forbidden", title: "Not allowed", detail: detail, field: field)
    }

    public static func contentTooLarge(limit: Int) -> Problem {
        Problem(status: 413, slug: "content-too-large", title: "Request body too large",
                detail: "the request body is larger than the server's limit of \(limit) bytes; send fewer records per request")
    }

    public static func unsupportedMediaType(_ detail: String) -> Problem {
        Problem(status: 415, slug: "unsupported-media-type", title: "Unsupported media type", detail: detail,
                field: "Content-Type")
    }

    public static func notAcceptable(_ detail: String) -> Problem {
        Problem(status: 406, slug: "not-acceptable", title: "Not acceptable", detail: detail, field: "Accept")
    }

    public static func unavailable(_ detail: String) -> Problem {
        Problem(status: 503, slug: "unavailable", title: "Service unavailable", detail: detail)
    }

    /// 500 for an unexpected error: the detail never repeats the error (it may hold ticket text), the log does.
    public static let internalError = Problem(
        status: 500, slug: "internal-error", title: "Internal server error",
        detail: "the server failed to answer this request; the server log has the cause")

    /// The problem an error thrown by a handler stands for: kb's own errors keep their message and field,
    /// anything unknown is a 500.
    public init(error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case let error as TicketError:
            switch error {
            case .notFound:
                self = .notFound(error.description)
            case let .invalidField(field, reason), let .unknownValue(field, _, reason):
                self = .invalidField(field, reason)
            case .invalidJSON, .lineTooLong, .ticketTooLong, .duplicateID:
                self = .badRequest(error.description)
            case .unreadable:
                self = .internalError
            }
        case let error as StoreError:
            switch error {
            case .missing:
                self = .unavailable("the workspace has no database yet; run 'kb import' or 'kb demo' first")
            default:
                self = .internalError
            }
        default:
            self = .internalError
        }
    }
}
