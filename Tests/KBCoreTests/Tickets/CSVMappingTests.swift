import Foundation
import Testing
@testable import KBCore

@Suite struct CSVMappingTests {
    static func mapping(_ json: String) throws -> CSVMapping {
        try CSVMapping(json: JSONParser().parse(json), source: "m.json")
    }

    static let header = CSVRecord(line: 1, fields: ["Ref", "Asunto", "Prioridad", "Estado", "Alta", "Etiquetas", "Origen", "Origen", ""])

    static func builder(_ json: String) throws -> CSVTicketBuilder {
        try CSVTicketBuilder(header: header, mapping: mapping(json), file: "x.csv")
    }

    static let fullMapping = """
        {"timezone": "-03:00",
         "fields": {"id": {"column": "ref", "prefix": "x:"}, "title": "Asunto",
                    "severity": {"column": "Prioridad", "values": {"Alta": 2, "BAJA": 4}},
                    "status": {"column": "Estado", "default": "closed"},
                    "created_at": {"column": "Alta", "format": "d/M/yyyy H:mm"},
                    "tags": {"column": "Etiquetas", "separator": "|"},
                    "channel": {"default": "correo"}}}
        """

    @Test func recordBecomesTicketThroughTheMapping() throws {
        let builder = try Self.builder(Self.fullMapping)
        let ticket = try builder.ticket(from: CSVRecord(line: 2, fields: [" 17 ", "Caída", "alta", "", "2/3/2026 9:05", "a| b ||c", "ERP", "CRM", "z"]))
        #expect(ticket.id == "x:17")
        #expect(ticket.severity == 2)
        #expect(ticket.status == .closed)
        #expect(ticket.channel == .correo)
        #expect(ticket.createdAt.iso8601 == "2026-03-02T09:05:00-03:00")
        #expect(ticket.tags == ["a", "b", "c"])
        #expect(ticket.extra == ["Origen": "ERP", "Origen (2)": "CRM", "column 9": "z"])
    }

    /// Trailing empty fields (a delimiter at the end of every line) are not a ragged record; missing ones are.
    @Test func surplusEmptyFieldsAreTolerated() throws {
        let builder = try Self.builder(Self.fullMapping)
        let fields = ["1", "t", "Alta", "new", "2/3/2026 9:05", "", "", "", ""]
        #expect(try builder.ticket(from: CSVRecord(line: 2, fields: fields + ["", " "])).id == "x:1")
        #expect(throws: CSVError.raggedRecord(fields: 10, expected: 9)) {
            try builder.ticket(from: CSVRecord(line: 2, fields: fields + ["extra"]))
        }
        #expect(throws: CSVError.raggedRecord(fields: 8, expected: 9)) {
            try builder.ticket(from: CSVRecord(line: 2, fields: Array(fields.dropLast())))
        }
    }

    @Test func badValuesNameFieldAndColumn() throws {
        let builder = try Self.builder(Self.fullMapping)
        func reason(_ fields: [String]) -> String {
            do {
                _ = try builder.ticket(from: CSVRecord(line: 2, fields: fields))
                return "accepted"
            } catch {
                return String(describing: error)
            }
        }
        #expect(reason(["1", "t", "Media", "new", "2/3/2026 9:05", "", "", "", ""])
                == "severity (column \"Prioridad\"): unknown value 'Media'; expected 1 to 5 or one of: Alta, BAJA")
        #expect(reason(["1", "t", "4", "pending", "2/3/2026 9:05", "", "", "", ""])
                == "status (column \"Estado\"): unknown value 'pending'; expected one of: new, assigned, in_progress, waiting_customer, waiting_vendor, escalated, resolved, closed")
        #expect(reason(["1", "t", "4", "new", "2026-03-02", "", "", "", ""])
                == "created_at (column \"Alta\"): '2026-03-02' does not match the format 'd/M/yyyy H:mm'")
        #expect(reason(["1", "", "4", "new", "2/3/2026 9:05", "", "", "", ""]) == "title (column \"Asunto\"): missing")
    }

    @Test func columnsNamedLikeFieldsMapThemselves() throws {
        let header = CSVRecord(line: 1, fields: ["ID", "Title", "severity", "status", "created_at", "service"])
        let builder = try CSVTicketBuilder(header: header, mapping: CSVMapping(), file: "x.csv")
        let ticket = try builder.ticket(from: CSVRecord(line: 2, fields: ["T-1", "x", "3", "new", "2026-03-02T09:14:00Z", "portal"]))
        #expect(ticket.service == "portal" && ticket.extra.isEmpty)
    }

    @Test(arguments: [
        (#"{"fields": {"priority": "P"}}"#, "fields.priority"),
        (#"{"fields": {"severity": {"column": "P", "values": {"Alta": "dos"}}}}"#, "fields.severity.values[\"Alta\"]"),
        (#"{"fields": {"status": {"column": "E", "values": {"Abierto": "open"}}}}"#, "fields.status.values[\"Abierto\"]"),
        (#"{"fields": {"title": {"column": "T", "format": "dd/MM/yyyy"}}}"#, "fields.title.format"),
        (#"{"fields": {"created_at": {"column": "C", "format": "dd/MMM/yyyy"}}}"#, "fields.created_at.format"),
        (#"{"fields": {"title": {"values": {}}}}"#, "fields.title"),
        (#"{"fields": {"id": {"colum": "x"}}}"#, "fields.id.colum"),
        (#"{"timezone": "Chile/Santiagoo"}"#, "timezone"),
        (#"{"delimiter": "|"}"#, "delimiter"),
        (#"{"encoding": "utf-16"}"#, "encoding"),
        (#"{"field": {}}"#, "field"),
    ])
    func mappingErrorsNameTheirPath(json: String, path: String) {
        #expect {
            try Self.mapping(json)
        } throws: { error in
            guard case let CSVError.invalidMapping(source, errorPath, _) = error else { return false }
            return source == "m.json" && errorPath == path
        }
    }

    @Test func mapOptionChecksFieldNames() throws {
        var mapping = CSVMapping()
        try mapping.map("severity", toColumn: "Prioridad")
        #expect(mapping.fields["severity"]?.column == "Prioridad")
        #expect(throws: CSVError.self) { try mapping.map("prioridad", toColumn: "x") }
        #expect(throws: CSVError.self) { try mapping.map("title", toColumn: "") }
    }
}
