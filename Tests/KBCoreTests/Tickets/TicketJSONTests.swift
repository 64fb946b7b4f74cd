import Foundation
import Testing
@testable import KBCore

@Suite struct TicketJSONTests {
    static let base = #""id":"T-1","title":"Sin acceso","severity":3,"status":"new","created_at":"2026-03-02T09:14:00-03:00""#

    /// Decodes through both ways in, `init(json:)` over a parsed `JSONValue` and `init(jsonBytes:)`
    /// over the text, and checks that they agree on the ticket or on the error message.
    func decode(_ members: String) throws -> Ticket {
        try Self.decodeBothWays("{" + members + "}")
    }

    static func decodeBothWays(_ text: String) throws -> Ticket {
        let check: (String) -> Bool = { $0 != "Mars/Olympus" }
        let viaValue = Result { () throws -> Ticket in try Ticket(json: JSONParser().parse(text), timeZoneCheck: check) }
        var copy = text
        let viaBytes = copy.withUTF8 { bytes in
            Result { () throws -> Ticket in try Ticket(jsonBytes: bytes, timeZoneCheck: check) }
        }
        switch (viaValue, viaBytes) {
        case let (.success(first), .success(second)):
            #expect(first == second)
        case let (.failure(first), .failure(second)):
            #expect("\(first)" == "\(second)")
        default:
            Issue.record("the two ways in disagree on \(text): \(viaValue) / \(viaBytes)")
        }
        return try viaBytes.get()
    }

    /// The error message for a record, or nil when it decodes.
    func failure(_ members: String) -> String? {
        do {
            _ = try decode(members)
            return nil
        } catch {
            return "\(error)"
        }
    }

    func event(_ members: String) -> String {
        Self.base + #","events":[{"at":"2026-03-02T09:20:00-03:00","kind":"comment","text":"ok"},{"# + members + "}]"
    }

    @Test func fullRecordDecodes() throws {
        let ticket = try decode(Self.base + #"""
            ,"description":"La pantalla queda en blanco","customer":"Acme","plan":"12x5","timezone":"America/Santiago",
            "service":"portal","channel":"chat","assignee":"ana","level":"N2","resolved_at":"2026-03-02T10:00:00-03:00",
            "closed_at":"2026-03-03T10:00:00Z","resolution":"Se reinició","root_cause":"Caché","tags":["a","b"],
            "articles":["KB-1"],"extra":{"zendesk_id":"77"},
            "events":[{"at":"2026-03-02T09:20:00-03:00","kind":"escalation","author":"ana","visibility":"internal",
                       "text":"Al proveedor","to":"vendor:cloudsms","severity":2,
                       "attachments":[{"name":"log.txt","kind":"log"},{"name":"captura.png"}]},
                      {"at":"2026-03-02T09:30:00-03:00","kind":"status","status":"in_progress"}]
            """#)
        #expect(ticket.id == "T-1")
        #expect(ticket.status == .new)
        #expect(ticket.channel == .chat)
        #expect(ticket.timezone == "America/Santiago")
        #expect(ticket.tags == ["a", "b"])
        #expect(ticket.extra == ["zendesk_id": "77"])
        #expect(ticket.events.count == 2)
        #expect(ticket.events[0].kind == .escalation)
        #expect(ticket.events[0].visibility == .internal)
        #expect(ticket.events[0].severity == 2)
        #expect(ticket.events[0].attachments == [Attachment(name: "log.txt", kind: "log"), Attachment(name: "captura.png", kind: nil)])
        #expect(ticket.events[1].status == .inProgress)
        #expect(ticket.events[1].visibility == .public)
        #expect(ticket.closedAt == Timestamp(iso8601: "2026-03-03T10:00:00Z"))
    }

    @Test func everyRawValueDecodes() throws {
        for status in TicketStatus.allCases {
            #expect(try decode(Self.base.replacingOccurrences(of: #""new""#, with: "\"\(status.rawValue)\"")).status == status)
        }
        for channel in Channel.allCases {
            #expect(try decode(Self.base + ",\"channel\":\"\(channel.rawValue)\"").channel == channel)
        }
        for kind in EventKind.allCases {
            let members = event("\"at\":\"2026-03-02T09:21:00Z\",\"kind\":\"\(kind.rawValue)\",\"status\":\"closed\",\"to\":\"N2\",\"severity\":1")
            #expect(try decode(members).events[1].kind == kind)
        }
        for visibility in Visibility.allCases {
            let members = event("\"at\":\"2026-03-02T09:21:00Z\",\"kind\":\"comment\",\"visibility\":\"\(visibility.rawValue)\"")
            #expect(try decode(members).events[1].visibility == visibility)
        }
    }

    @Test(arguments: [
        (#","status":"pending""#, "status: unknown value 'pending'; expected one of: new, assigned, in_progress, waiting_customer, waiting_vendor, escalated, resolved, closed"),
        (#","status":"New""#, "status: unknown value 'New'"),
        (#","status":"new ""#, "status: unknown value 'new '"),
        (#","status":"in-progress""#, "status: unknown value 'in-progress'"),
        (#","status":7"#, "status: expected a string, found a number"),
        (#","status":null"#, "status: missing"),
        (#","channel":"fax""#, "channel: unknown value 'fax'; expected one of: ticketera, correo, chat, telefono, monitoreo"),
        (#","severity":0"#, "severity: must be 1 to 5"),
        (#","severity":2.5"#, "severity: expected an integer, found a number"),
        (#","created_at":"2026-03-02T09:14:00""#, "created_at: '2026-03-02T09:14:00' is not an ISO 8601 time"),
        (#","timezone":"Mars/Olympus""#, "timezone: 'Mars/Olympus' is not an IANA time zone"),
        (#","tags":["a",2]"#, "tags[1]: expected a string, found a number"),
        (#","tags":"a""#, "tags: expected an array of strings, found a string"),
        (#","extra":{"k":1}"#, "extra.k: expected a string, found a number"),
        (#","extra":[]"#, "extra: expected an object, found an array"),
        (#","events":{}"#, "events: expected an array, found an object"),
        (#","events":[3]"#, "events[0]: expected an object, found a number"),
    ])
    func recordErrorsNameTheField(members: String, message: String) {
        let error = failure(Self.base + members)
        #expect(error?.hasPrefix(message) == true, "\(error ?? "no error")")
    }

    @Test(arguments: [
        (#""at":"2026-03-02T09:21:00Z""#, "events[1].kind: missing"),
        (#""at":"2026-03-02T09:21:00Z","kind":"bogus""#, "events[1].kind: unknown value 'bogus'"),
        (#""kind":"comment""#, "events[1].at: missing"),
        (#""at":"ayer","kind":"comment""#, "events[1].at: 'ayer' is not an ISO 8601 time"),
        (#""at":"2026-03-02T09:21:00Z","kind":"comment","visibility":"secret""#, "events[1].visibility: unknown value 'secret'"),
        (#""at":"2026-03-02T09:21:00Z","kind":"comment","text":5"#, "events[1].text: expected a string, found a number"),
        (#""at":"2026-03-02T09:21:00Z","kind":"comment","severity":9"#, "events[1].severity: must be 1 to 5, found 9"),
        (#""at":"2026-03-02T09:21:00Z","kind":"comment","severity":"2""#, "events[1].severity: expected an integer, found a string"),
        (#""at":"2026-03-02T09:21:00Z","kind":"status""#, "events[1].status: a status event needs the new 'status'"),
        (#""at":"2026-03-02T09:21:00Z","kind":"escalation","to":"""#, "events[1].to: an escalation event needs 'to'"),
        (#""at":"2026-03-02T09:21:00Z","kind":"escalation","to":"vendor:""#, "events[1].to: vendor escalation needs a name"),
        (#""at":"2026-03-02T09:21:00Z","kind":"severity_change""#, "events[1].severity: a severity_change event needs the new 'severity'"),
        (#""at":"2026-03-02T09:21:00Z","kind":"comment","attachments":{}"#, "events[1].attachments: expected an array, found an object"),
        (#""at":"2026-03-02T09:21:00Z","kind":"comment","attachments":[{"name":"a"},"b"]"#, "events[1].attachments[1]: expected an object with 'name', found a string"),
        (#""at":"2026-03-02T09:21:00Z","kind":"comment","attachments":[{"kind":"log"}]"#, "events[1].attachments[0].name: missing"),
        (#""at":"2026-03-02T09:21:00Z","kind":"comment","attachments":[{"name":""}]"#, "events[1].attachments[0].name: must not be empty"),
        (#""at":"2026-03-02T09:21:00Z","kind":"comment","attachments":[{"name":"a","kind":1}]"#, "events[1].attachments[0].kind: expected a string, found a number"),
    ])
    func eventErrorsNameTheEventField(members: String, message: String) {
        let error = failure(event(members))
        #expect(error?.hasPrefix(message) == true, "\(error ?? "no error")")
    }

    @Test(arguments: [
        ("", false), (" ", false), ("\t\t", false), ("\u{3000}", false), (" \u{A0}\u{2003} ", false),
        ("T-1", true), (" T-1", true), ("\u{A0}x", true), ("-", true), ("ñ", true), ("\n", true),
    ])
    func idsNeedVisibleText(id: String, accepted: Bool) {
        let escaped = id.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
        let error = failure(Self.base.replacingOccurrences(of: "T-1", with: escaped))
        if accepted {
            #expect(error == nil)
        } else {
            #expect(error == "id: must not be empty")
        }
    }

    @Test func lastRepeatedMemberWinsAndNullIsAbsent() throws {
        let ticket = try decode(Self.base + #","status":"closed","channel":"chat","channel":null,"Status":"new""#)
        #expect(ticket.status == .closed)
        #expect(ticket.channel == nil)
        #expect(failure(Self.base + #","title":null"#) == "title: missing")
    }

    /// Names that agree with a field's on their first 7 bytes and length (what the parsed tape's fingerprint holds), or
    /// on their first 7 bytes only, are other members; a field written once plainly and once escaped keeps the later.
    @Test func namesSharingAFieldsPrefixAreOtherMembers() throws {
        let ticket = try decode(Self.base + #"""
            ,"resolutiox":"no","resolution":"Se reinició","resolutions":"no","descriptioN":"no","created_an":"x",
            "root_causes":5,"severityy":"x","languages":1,"eventsX":3,"attachments":[],"\u0063hannel":"chat","channel":null,
            "plan":"24x7","pl\u0061n":"12x5","level":"N1","levels":"N9","tag":1,"article":2,"i":"x","ID":"y"
            """#)
        #expect(ticket.resolution == "Se reinició")
        #expect(ticket.description == "")
        #expect(ticket.channel == nil)
        #expect(ticket.plan == "12x5")
        #expect(ticket.level == "N1")
        #expect(ticket.id == "T-1")
        #expect(ticket.events.isEmpty)
        #expect(failure(Self.base + #","created_at":"2026-03-02T09:14:00-03:00","created_atX":null,"severity":"3""#)
            == "severity: expected an integer, found a string")
        #expect(failure(Self.base + #","events":[{"at":"2026-03-02T09:20:00Z","kindX":"comment"}]"#)
            == "events[0].kind: missing")
    }

    @Test func notAnObject() {
        #expect(throws: TicketError.invalidField(field: "$", reason: "expected an object, found an array")) {
            try Ticket(json: .array([]))
        }
        #expect(throws: TicketError.invalidField(field: "$", reason: "expected an object, found a string")) {
            try Self.decodeBothWays(#""T-1""#)
        }
    }

    @Test(arguments: [
        "", "{", #"{"id":"T-1","title":"x""#, #"{"id":"T-1",}"#, #"{"id":"T-1" "title":"x"}"#, "[1,2]x",
        #"{"id":"\x"}"#, #"{"id":"\ud800"}"#,
    ])
    func syntaxErrorsAreInvalidJSON(text: String) {
        var copy = text
        let error = copy.withUTF8 { bytes in
            Result { () throws(TicketError) -> Ticket in try Ticket(jsonBytes: bytes) }
        }
        guard case .failure(.invalidJSON(let reason)) = error else {
            Issue.record("expected invalid JSON, got \(error)")
            return
        }
        do {
            _ = try JSONParser().parse(text)
            Issue.record("\(text) parses")
        } catch {
            #expect(reason == error.description)
        }
    }

    @Test func invalidUTF8IsInvalidJSON() {
        let bytes: [UInt8] = Array(#"{"id":"T-1","title":"mal "#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        let error = bytes.withUnsafeBufferPointer { bytes in
            Result { () throws(TicketError) -> Ticket in try Ticket(jsonBytes: bytes) }
        }
        guard case .failure(.invalidJSON(let reason)) = error else {
            Issue.record("expected invalid JSON, got \(error)")
            return
        }
        #expect(reason == "invalid JSON at byte 22: invalid UTF-8 in string")
    }

    /// Member names, enum values and timestamps written with escapes read as their decoded text.
    @Test func escapedNamesAndValuesDecode() throws {
        let ticket = try Self.decodeBothWays(#"""
            {"\u0069d":"T-\u0031","title":"Tab\there","severity":3,"st\u0061tus":"in\u005fprogress",
             "created_at":"2026-03-02T09:14:00\u002d03:00","tags":["\"a\"","\ud83d\ude00"],
             "events":[{"at":"2026-03-02T09:20:00Z","kind":"comm\u0065nt","text":"l\u00EDnea\n2"}]}
            """#)
        #expect(ticket.id == "T-1")
        #expect(ticket.title == "Tab\there")
        #expect(ticket.status == .inProgress)
        #expect(ticket.createdAt == Timestamp(iso8601: "2026-03-02T09:14:00-03:00"))
        #expect(ticket.tags == ["\"a\"", "😀"])
        #expect(ticket.events[0].kind == .comment)
        #expect(ticket.events[0].text == "línea\n2")
    }

    /// A name written decomposed is the same Swift string as its precomposed form, so `extra`
    /// keeps the last one either way.
    @Test func canonicallyEquivalentNames() throws {
        let ticket = try Self.decodeBothWays(Self.recordText(#","extra":{"caf\u00e9":"1","cafe\u0301":"2"}"#))
        #expect(ticket.extra == ["café": "2"])
    }

    static func recordText(_ members: String) -> String { "{" + base + members + "}" }

    @Test func jsonTextRoundTrips() throws {
        let ticket = try decode(event(#""at":"2026-03-02T09:21:00Z","kind":"escalation","to":"N2","attachments":[{"name":"a"}]"#))
        let again = try Ticket(json: JSONParser().parse(ticket.jsonText()))
        #expect(again == ticket)
    }
}
