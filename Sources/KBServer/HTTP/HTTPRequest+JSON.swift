import KBCore

extension HTTPRequest {
    /// The body as a JSON value: `Content-Type` must be `application/json` (or another `+json` type), else 415; text
    /// that is not JSON is a 400 saying where it breaks.
    public func jsonBody() throws(Problem) -> JSONValue {
        guard let type = headers["Content-Type"].map(MediaType.essence(of:)),
              type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json")) else {
            throw Problem.unsupportedMediaType("problem.json_media_type")
        }
        do {
            return try body.withUnsafeBufferPointer { bytes throws(JSONParser.SyntaxError) in try JSONParser().parse(bytes) }
        } catch {
            throw Problem.badRequest("problem.body_not_json", ["reason": error.description])
        }
    }
}
