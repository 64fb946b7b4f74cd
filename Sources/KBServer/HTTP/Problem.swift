import KBCore

/// An error answered as RFC 9457 `application/problem+json`: `type`, `title`, `status`, `detail`, and the
/// offending `field` when one input is to blame. Handlers throw it; anything else thrown becomes a 500.
///
/// `title` and `detail` are written in the request's language (Spanish unless `?lang=en` or `Accept-Language` asks
/// for English, as the pages): the server's own problems are catalogue sentences (`problem.*`), and so are KBCore's
/// errors that have one; a KBCore sentence without one (a ticket field's validation reason) stays in English inside
/// the translated frame. `title`, `detail` and `description` are the English words, for logs and tests.
public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The prefix of every kb problem type; the slug after it names the kind (`not-found`, `invalid-field`).
    public static let typePrefix = "tag:kb,2026:problem/"

    public var status: Int
    /// A URI naming the kind of problem; clients branch on it, never on `detail`.
    public var type: String
    /// The same short sentence for every occurrence of this type, in English.
    public var title: String
    /// What went wrong this time and what to do, in English (the CLI's words).
    public var detail: String
    /// `detail` as a catalogue sentence, for the other languages; nil when the detail exists in English only.
    public var message: Message?
    /// The request input to blame: a query parameter, a JSON path (`events[2].at`), a header or a form field.
    public var field: String?
    /// Headers the status calls for (`WWW-Authenticate` on 401, `Allow` on 405).
    public var headers: HTTPHeaders
    /// Every invalid record of a request that sends several (`POST /api/tickets`), an extension member `errors`.
    public var errors: [TicketRejection] = []

    /// A catalogue key (`problem.…`) and the values of its placeholders.
    public struct Message: Sendable, Equatable {
        public let key: String
        public let values: [String: String]

        public init(_ key: String, _ values: [String: String] = [:]) {
            self.key = key
            self.values = values
        }

        /// The sentence in `language`.
        public func text(in language: Language) -> String {
            Catalogue.of(language)(key, values)
        }
    }

    /// A problem whose detail is the catalogue's `message`, in whatever language the answer is written.
    public init(status: Int, slug: String, message: Message, field: String? = nil, headers: HTTPHeaders = HTTPHeaders()) {
        self.init(status: status, slug: slug, detail: message.text(in: .english), field: field, headers: headers)
        self.message = message
    }

    /// A problem whose detail is an English sentence from elsewhere (a KBCore error's description).
    public init(status: Int, slug: String, detail: String, field: String? = nil, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.type = Problem.typePrefix + slug
        self.title = Catalogue.of(.english)[Self.titleKey(slug)]
        self.detail = detail
        self.field = field
        self.headers = headers
    }

    /// The catalogue key of the title of problems of kind `slug` (`not-found` → `problem.title.not_found`).
    static func titleKey(_ slug: String) -> String {
        "problem.title." + slug.replacingOccurrences(of: "-", with: "_")
    }

    public var description: String { "\(status) \(title): \(detail)" }

    /// The title in `language`.
    public func title(in language: Language) -> String {
        Catalogue.of(language)[Self.titleKey(String(type.dropFirst(Problem.typePrefix.count)))]
    }

    /// The detail in `language`: the catalogue's sentence, or the English one when there is none.
    public func detail(in language: Language) -> String {
        guard language != .english, let message else { return detail }
        return message.text(in: language)
    }

    /// The language `detail(in: language)` is actually written in.
    public func detailLanguage(for language: Language) -> Language {
        message == nil ? .english : language
    }

    /// The problem as JSON members in a fixed order, its words in `language`.
    public func jsonBytes(language: Language) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("type", type)
        writer.member("title", title(in: language))
        writer.member("status", status)
        writer.member("detail", detail(in: language))
        if let field { writer.member("field", field) }
        if !errors.isEmpty {
            writer.key("errors")
            errors.write(to: &writer)
        }
        writer.endObject()
        return writer.bytes
    }

    public static func == (lhs: Problem, rhs: Problem) -> Bool {
        lhs.status == rhs.status && lhs.type == rhs.type && lhs.title == rhs.title && lhs.detail == rhs.detail
            && lhs.message == rhs.message && lhs.field == rhs.field && lhs.errors == rhs.errors
            && lhs.headers.fields.elementsEqual(rhs.headers.fields) { $0 == $1 }
    }
}

extension Problem {
    /// 400 with a catalogue sentence (`problem.…`) and its values.
    public static func badRequest(_ key: String, _ values: [String: String] = [:], field: String? = nil) -> Problem {
        Problem(status: 400, slug: "bad-request", message: Message(key, values), field: field)
    }

    /// 422: the request is well-formed but a value in it is not acceptable.
    public static func invalidField(_ field: String, _ key: String, _ values: [String: String] = [:]) -> Problem {
        Problem(status: 422, slug: "invalid-field", message: Message(key, values), field: field)
    }

    /// 422 with a KBCore error's English sentence and, when it has one, the catalogue's.
    static func invalidField(_ field: String, detail: String, message: Message? = nil) -> Problem {
        var problem = Problem(status: 422, slug: "invalid-field", detail: detail, field: field)
        problem.message = message
        return problem
    }

    public static func notFound(_ key: String = "problem.not_found.route", _ values: [String: String] = [:]) -> Problem {
        Problem(status: 404, slug: "not-found", message: Message(key, values))
    }

    /// 404 with a KBCore error's English sentence and, when it has one, the catalogue's.
    static func notFound(detail: String, message: Message? = nil) -> Problem {
        var problem = Problem(status: 404, slug: "not-found", detail: detail)
        problem.message = message
        return problem
    }

    public static func methodNotAllowed(_ method: HTTPMethod, allowed: [HTTPMethod]) -> Problem {
        let names = allowed.map(\.rawValue)
        return Problem(status: 405, slug: "method-not-allowed",
                       message: Message("problem.method_not_allowed", ["method": method.rawValue, "allowed": names.joined(separator: ", ")]),
                       headers: ["Allow": names.joined(separator: ", ")])
    }

    /// 401 with the `WWW-Authenticate` challenge of RFC 6750 §3.
    public static func unauthorized(_ key: String, _ values: [String: String] = [:], field: String = "Authorization",
                                    invalidToken: Bool = false) -> Problem {
        let challenge = invalidToken ? "Bearer realm=\"kb\", error=\"invalid_token\"" : "Bearer realm=\"kb\""
        return Problem(status: 401, slug: "unauthorized", message: Message(key, values), field: field,
                       headers: ["WWW-Authenticate": challenge])
    }

    public static func forbidden(_ key: String, _ values: [String: String] = [:], field: String? = nil) -> Problem {
        Problem(status: 403, slug: "forbidden", message: Message(key, values), field: field)
    }

    /// 409: the resource is not in a state the request can act on (a review of a ticket still open), in a KBCore
    /// error's English words.
    public static func conflict(detail: String, field: String? = nil) -> Problem {
        Problem(status: 409, slug: "conflict", detail: detail, field: field)
    }

    public static func contentTooLarge(limit: Int) -> Problem {
        Problem(status: 413, slug: "content-too-large", message: Message("problem.content_too_large", ["limit": String(limit)]))
    }

    public static func unsupportedMediaType(_ key: String) -> Problem {
        Problem(status: 415, slug: "unsupported-media-type", message: Message(key), field: "Content-Type")
    }

    public static func notAcceptable(_ key: String) -> Problem {
        Problem(status: 406, slug: "not-acceptable", message: Message(key), field: "Accept")
    }

    public static func unavailable(_ key: String, _ values: [String: String] = [:]) -> Problem {
        Problem(status: 503, slug: "unavailable", message: Message(key, values))
    }

    /// 500 for an unexpected error: the detail never repeats the error (it may hold ticket text), the log does.
    public static let internalError = Problem(status: 500, slug: "internal-error", message: Message("problem.internal_error"))

    /// The problem an error thrown by a handler stands for: kb's own errors keep their message and field,
    /// anything unknown is a 500.
    public init(error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case let error as TicketError:
            switch error {
            case let .notFound(id):
                self = .notFound(detail: error.description, message: Message("problem.ticket_unknown", ["id": id]))
            case let .invalidField(field, reason), let .unknownValue(field, _, reason):
                self = .invalidField(field, detail: error.description,
                                     message: Message("problem.field_invalid", ["field": field, "reason": reason]))
            case .invalidJSON, .lineTooLong, .ticketTooLong, .duplicateID:
                self = Problem(status: 400, slug: "bad-request", detail: error.description)
                message = Message("problem.record_invalid", ["reason": error.description])
            case .unreadable:
                self = .internalError
            }
        case let error as TicketUpsertError:
            switch error {
            case let .rejected(rejections):
                let first = rejections[0]
                self = .invalidField(first.field, detail: error.description, message: Message(
                    "problem.tickets_rejected", ["count": String(rejections.count), "first": "\(first.field): \(first.reason)"]))
                errors = rejections
            case .empty:
                self = .badRequest("problem.tickets_empty", field: "$")
            }
        case let error as UnknownFilterValueError:
            let field = String(error.option.drop { $0 == "-" }).replacingOccurrences(of: "-", with: "_")
            self = .invalidField(field, detail: error.description, message: error.known.isEmpty
                ? Message("problem.filter_value_unknown_none", ["field": field, "value": error.value])
                : Message("problem.filter_value_unknown", ["field": field, "value": error.value, "known": error.known.joined(separator: ", ")]))
        case let error as SearchQueryError:
            switch error {
            case let .nothingSearchable(query):
                let shown = query.count > 80 ? String(query.prefix(80)) + "…" : query
                self = .invalidField("q", detail: error.description, message: Message("problem.nothing_searchable", ["query": shown]))
            }
        case let error as SLABoardError:
            switch error {
            case let .unknownValue(option, value, _, known):
                let field = String(option.drop { $0 == "-" })
                self = .invalidField(field, detail: error.description, message: known.isEmpty
                    ? Message("problem.filter_value_unknown_none", ["field": field, "value": value])
                    : Message("problem.filter_value_unknown", ["field": field, "value": value, "known": known.joined(separator: ", ")]))
            }
        case let error as StoreError:
            switch error {
            case .missing:
                self = .unavailable("problem.no_database")
            default:
                self = .internalError
            }
        default:
            self = .internalError
        }
    }
}
