import KBCore

/// A response: status, headers and the whole body (kb's answers are small and built in memory).
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// JSON written with KBCore's `JSONWriter`, so the API answers the bytes the CLI's `--json` prints.
    public static func json(_ writer: JSONWriter, status: Int = 200) -> HTTPResponse {
        json(bytes: writer.bytes, status: status)
    }

    /// A KBCore result as the CLI's `--json` writes it, on one line: the same members, values and order.
    public static func json(_ value: some JSONEncodable, status: Int = 200) -> HTTPResponse {
        var writer = JSONWriter()
        value.write(to: &writer)
        return json(writer, status: status)
    }

    public static func json(bytes: [UInt8], status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": MediaType.json], body: bytes)
    }

    public static func text(_ text: String, status: Int = 200, contentType: String = MediaType.plainText) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": contentType], body: Array(text.utf8))
    }

    public static func html(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": MediaType.html], body: Array(text.utf8))
    }

    /// `303 See Other` to `location`: where a form's POST sends the browser afterwards.
    public static func seeOther(_ location: String) -> HTTPResponse {
        HTTPResponse(status: 303, headers: ["Location": location])
    }

    /// The problem as `application/problem+json` in `language` (its `Content-Language`), with the headers its status calls for.
    public static func problem(_ problem: Problem, language: Language) -> HTTPResponse {
        var headers = problem.headers
        headers.set("Content-Type", MediaType.problemJSON)
        headers.set("Content-Language", language.rawValue)
        return HTTPResponse(status: problem.status, headers: headers, body: problem.jsonBytes(language: language))
    }
}
