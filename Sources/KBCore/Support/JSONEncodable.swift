/// A value with one JSON form, written in a fixed order.
///
/// Results of `KnowledgeBase` conform, so the CLI's `--json` and the HTTP API print the same bytes: both call
/// `jsonText()`. A type lists its members once, as names and values that write themselves:
///
/// ```swift
/// writer.object(("id", id), ("title", title), ("score", JSONNumber(score, decimals: 4)), severity.map { ("severity", $0) })
/// ```
///
/// Strings, whole numbers, booleans, optionals (`null`), arrays and `JSONNumber` conform; a part of a result (a
/// metric, a search hit) conforms in turn and is a member like any other value.
public protocol JSONEncodable {
    /// Writes the value as one JSON value to `writer`.
    func write(to writer: inout JSONWriter)

    /// True for documents a person reads (a review, `kb show`), indented; data for programs is one line.
    static var jsonIsIndented: Bool { get }
}

extension JSONEncodable {
    public static var jsonIsIndented: Bool { false }

    /// The JSON text in the type's own layout (see `jsonIsIndented`), or indented as `pretty` says.
    public func jsonText(pretty: Bool? = nil) -> String {
        var writer = JSONWriter(pretty: pretty ?? Self.jsonIsIndented)
        write(to: &writer)
        return writer.text
    }
}

/// A member of a JSON object: its name and its value.
public typealias JSONMember = (name: String, value: any JSONEncodable)

/// A JSON object: members in the order given; a nil member (`value.map { ("name", $0) }`) is left out.
public struct JSONObject: JSONEncodable {
    public let members: [JSONMember?]

    public init(_ members: JSONMember?...) {
        self.members = members
    }

    public init(members: [JSONMember?]) {
        self.members = members
    }

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        for case let (name, value)? in members {
            writer.key(name)
            value.write(to: &writer)
        }
        writer.endObject()
    }
}

/// A number written with at most `decimals` decimals, trailing zeros removed (`JSONWriter.format`).
public struct JSONNumber: JSONEncodable {
    public let value: Double
    public let decimals: Int

    public init(_ value: Double, decimals: Int) {
        self.value = value
        self.decimals = decimals
    }

    public func write(to writer: inout JSONWriter) {
        writer.double(value, decimals: decimals)
    }
}

/// JSON written by a closure: for values whose writer takes more than the writer (`Ticket.write(to:extraMembers:)`).
public struct JSONFragment: JSONEncodable {
    let body: (inout JSONWriter) -> Void

    public init(_ body: @escaping (inout JSONWriter) -> Void) {
        self.body = body
    }

    public func write(to writer: inout JSONWriter) {
        body(&writer)
    }
}

extension JSONWriter {
    /// Writes an object of `members` (nil ones left out).
    public mutating func object(_ members: JSONMember?...) {
        JSONObject(members: members).write(to: &self)
    }
}

extension String: JSONEncodable {
    public func write(to writer: inout JSONWriter) { writer.string(self) }
}

extension Int: JSONEncodable {
    public func write(to writer: inout JSONWriter) { writer.int(self) }
}

extension Int64: JSONEncodable {
    public func write(to writer: inout JSONWriter) { writer.int64(self) }
}

extension Bool: JSONEncodable {
    public func write(to writer: inout JSONWriter) { writer.bool(self) }
}

extension Optional: JSONEncodable where Wrapped: JSONEncodable {
    /// The value, or `null`.
    public func write(to writer: inout JSONWriter) {
        if let self { self.write(to: &writer) } else { writer.null() }
    }
}

extension Array: JSONEncodable where Element: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.beginArray()
        for element in self { element.write(to: &writer) }
        writer.endArray()
    }
}
