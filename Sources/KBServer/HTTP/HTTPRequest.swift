import Foundation

/// One HTTP request as a handler sees it: method, decoded path, query, headers and the whole body.
public struct HTTPRequest: Sendable {
    public let method: HTTPMethod
    /// The request-target exactly as the client sent it (path and query, still percent-encoded).
    public let target: String
    /// The path part of `target`, still percent-encoded.
    public let rawPath: String
    /// The path's segments, percent-decoded: `/api/tickets/T%2D1` is `["api", "tickets", "T-1"]`.
    public let pathSegments: [String]
    public let query: QueryParameters
    public let headers: HTTPHeaders
    public internal(set) var body: [UInt8]
    /// The client's IP address (`127.0.0.1`, `::1`), for logs.
    public let remoteAddress: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public let version: String
    /// Values of the matched route's `{name}` segments.
    public internal(set) var pathParameters: [String: String] = [:]

    /// Parses `target`; a malformed one throws 400, a path that tries to climb out of its folder 404.
    public init(method: HTTPMethod, target: String, version: String = "HTTP/1.1", headers: HTTPHeaders = HTTPHeaders(),
                body: [UInt8] = [], remoteAddress: String = "-") throws(Problem) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        var pathAndQuery = Substring(target)
        // Absolute-form (RFC 9112 §3.2.2), which servers must accept: drop the scheme and authority.
        if let schemeEnd = pathAndQuery.range(of: "://"), pathAndQuery[..<schemeEnd.lowerBound].allSatisfy(\.isLetter) {
            let afterAuthority = pathAndQuery[schemeEnd.upperBound...]
            pathAndQuery = afterAuthority.firstIndex(of: "/").map { afterAuthority[$0...] } ?? "/"
        }
        let path: Substring
        if let question = pathAndQuery.firstIndex(of: "?") {
            path = pathAndQuery[..<question]
            query = try QueryParameters(parsing: pathAndQuery[pathAndQuery.index(after: question)...])
        } else {
            path = pathAndQuery
            query = QueryParameters()
        }
        guard path.first == "/" else {
            throw Problem.badRequest("problem.target_not_path")
        }
        rawPath = String(path)
        pathSegments = try HTTPRequest.segments(of: path.dropFirst())
    }

    /// Splits and decodes a path. No file is ever served from a path, but a dot segment (`..`, `%2e%2e`, or
    /// one hidden inside a decoded segment as `..%2f`) is refused as not found before any route sees it.
    static func segments(of path: Substring) throws(Problem) -> [String] {
        if path.isEmpty { return [] }
        var result: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard let segment = PercentEncoding.decode(raw) else {
                throw Problem.badRequest("problem.path_escape")
            }
            if segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw Problem.badRequest("problem.path_control")
            }
            let parts = segment.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }
            if parts.contains(where: { $0 == "." || $0 == ".." }) {
                throw Problem.notFound()
            }
            result.append(segment)
        }
        return result
    }

    /// The value of the route's `{name}` segment (empty when the route has none of that name).
    public func pathParameter(_ name: String) -> String {
        pathParameters[name] ?? ""
    }

    /// The body as UTF-8 text, or a 400 problem when it is not UTF-8.
    public func bodyText() throws(Problem) -> String {
        guard let text = String(validating: body, as: UTF8.self) else {
            throw Problem.badRequest("problem.body_not_utf8")
        }
        return text
    }

    /// The fields of an `application/x-www-form-urlencoded` body (an HTML form's POST).
    public func formParameters() throws(Problem) -> QueryParameters {
        guard let type = headers["Content-Type"], MediaType.essence(of: type) == "application/x-www-form-urlencoded" else {
            throw Problem.unsupportedMediaType("problem.form_media_type")
        }
        return try QueryParameters(parsing: Substring(bodyText()))
    }

    /// The values of the `Cookie` header's cookies (RFC 6265 §5.4), by name; the first of a repeated name wins.
    public var cookies: [String: String] {
        var result: [String: String] = [:]
        for header in headers.values("Cookie") {
            for pair in header.split(separator: ";") {
                let trimmed = pair.drop { $0 == " " }
                guard let equals = trimmed.firstIndex(of: "=") else { continue }
                let name = String(trimmed[..<equals])
                var value = trimmed[trimmed.index(after: equals)...]
                while value.last == " " { value = value.dropLast() }
                if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
                if result[name] == nil { result[name] = String(value) }
            }
        }
        return result
    }
}
