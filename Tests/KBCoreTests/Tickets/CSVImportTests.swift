import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// A deterministic, messy third-party helpdesk export: BOM, `;` delimiter, CRLF and LF mixed,
/// quoted values with embedded newlines, doubled quotes and delimiters, blank lines, and a share
/// of bad rows whose expected rejection (line and reason) is recorded while generating.
struct MessyHelpdeskExport {
    static let header = ["Nº Ticket", "Asunto", "Descripción", "Prioridad", "Estado", "Fecha creación",
                         "Fecha resolución", "Cliente", "Servicio", "Canal", "Etiquetas", "Agente", "Notas internas"]
    static let mappingJSON = """
        {
          "_note": "mapping of the messy export used by CSVImportTests",
          "timezone": "America/Santiago",
          "fields": {
            "id": {"column": "Nº Ticket", "prefix": "hd:"},
            "title": "Asunto",
            "description": "Descripción",
            "severity": {"column": "Prioridad", "values": {"Crítica": 1, "Alta": 2, "Media": 3, "Baja": 4, "Solicitud": 5}},
            "status": {"column": "Estado", "values": {"Nuevo": "new", "Abierto": "in_progress", "Pendiente": "waiting_customer",
                                                      "Resuelto": "resolved", "Cerrado": "closed"}},
            "created_at": {"column": "Fecha creación", "format": "dd/MM/yyyy HH:mm"},
            "resolved_at": {"column": "Fecha resolución", "format": "dd/MM/yyyy HH:mm"},
            "customer": "Cliente",
            "service": "Servicio",
            "channel": {"column": "Canal", "values": {"Email": "correo", "Portal": "ticketera", "Teléfono": "telefono", "Chat": "chat"}},
            "tags": {"column": "Etiquetas", "separator": ","},
            "assignee": "Agente"
          }
        }
        """

    var bytes: [UInt8] = []
    /// Data records (the header and blank lines are not records).
    var records = 0
    /// Line a record starts on → a piece of its expected rejection reason.
    var expectedRejections: [Int: String] = [:]
    /// Line a record starts on → the id of a valid ticket starting there.
    var validIDs: [Int: String] = [:]
    private var line = 1
    private var random: UInt64

    init(records count: Int, seed: UInt64 = 20_261_101) {
        random = seed
        append(Array("\u{FEFF}".utf8))
        appendRecord(Self.header, ending: "\r\n")
        var id = 1
        while records < count {
            id += 1
            records += 1
            let startLine = line
            var fields = validFields(id: id)
            var expected: String?
            switch records % 97 {
            case 11: fields[5] = "31/02/2026 10:00"; expected = "created_at (column \"Fecha creación\")"
            case 23: fields[3] = "Urgentísima"; expected = "severity (column \"Prioridad\"): unknown value 'Urgentísima'"
            case 37: fields[0] = ""; expected = "id (column \"Nº Ticket\"): missing"
            case 41: fields[0] = String(id - 7); expected = "duplicate id 'hd:\(id - 7)'"
            case 53: fields = Array(fields.prefix(6)); expected = "record has 6 fields; the header has 13"
            case 67: fields[4] = "Archivado"; expected = "status (column \"Estado\"): unknown value 'Archivado'"
            case 71: fields[5] = "2026-03-02 25:00"; expected = "does not match the format"
            case 83:
                // A one-line record whose title opens a quote and never closes it: the quote swallows
                // the following lines until the reader sees the quoting is wrong and reads them again.
                fields[2] = "Sin saltos de línea"
                fields[12] = ""
                appendRaw("\(id);\"Título sin cerrar;" + fields[2...].joined(separator: ";"), ending: "\n")
                expectedRejections[startLine] = "text after the closing quote"
                continue
            default: break
            }
            if let expected {
                expectedRejections[startLine] = expected
            } else {
                validIDs[startLine] = "hd:\(id)"
            }
            appendRecord(fields, ending: next(3) == 0 ? "\n" : "\r\n")
            if next(200) == 0 { appendRaw("", ending: next(2) == 0 ? "\n" : "\r\n") }
        }
    }

    private mutating func next(_ bound: UInt64) -> Int {
        random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((random >> 33) % bound)
    }

    private mutating func pick(_ options: [String]) -> String { options[next(UInt64(options.count))] }

    private mutating func validFields(id: Int) -> [String] {
        let subjects = ["No carga el login del portal", "Llamadas se cortan a los 30 segundos", "WebChat no muestra mensajes",
                        "Reporte mensual vacío", "Cambio de contraseña", "Estadísticas con datos \"duplicados\"",
                        "Mensajería; envíos atrasados", "Error ERR-401 al entrar"]
        var description = pick(["El cliente indica que ", "Desde hoy ", "Reportan: "]) + pick(["no puede entrar", "ve una pantalla en blanco", "recibe \"timeout\""])
        for _ in 0..<next(4) {
            description += pick(["\n", "\r\n"]) + pick(["Pasos: abrir el portal; ingresar.", "Adjunta captura \"pantalla.png\".", "Urgente para el cliente."])
        }
        let day = 1 + next(28), month = 1 + next(12), hour = next(24), minute = next(60)
        let created = String(format: "%02d/%02d/2026 %02d:%02d", day, month, hour, minute)
        let status = pick(["Nuevo", "Abierto", "Pendiente", "Resuelto", "Cerrado", "Cerrado"])
        let resolved = status == "Resuelto" || status == "Cerrado"
            ? String(format: "%02d/%02d/2026 %02d:%02d", min(day + 1, 28), month, hour, minute) : ""
        return [
            String(id), pick(subjects), description, pick(["Crítica", "Alta", "Media", "Baja", "Solicitud", "3"]), status,
            created, resolved, pick(["Banco Sur", "Acme", "Retail Norte"]), pick(["portal", "llamadas", "webchat", "reportes"]),
            pick(["Email", "Portal", "Teléfono", "Chat"]), pick(["login", "login, certificado", "", "voz,cortes"]),
            pick(["ana", "luis", ""]), next(5) == 0 ? "Revisar con N2;\nllamar al cliente" : "",
        ]
    }

    private mutating func quoteIfNeeded(_ value: String) -> String {
        let needs = value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")
        guard needs || next(10) == 0 else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private mutating func appendRecord(_ fields: [String], ending: String) {
        var quoted: [String] = []
        for field in fields { quoted.append(quoteIfNeeded(field)) }
        appendRaw(quoted.joined(separator: ";"), ending: ending)
    }

    private mutating func appendRaw(_ text: String, ending: String) {
        append(Array((text + ending).utf8))
    }

    private mutating func append(_ piece: [UInt8]) {
        bytes += piece
        line += piece.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}

@Suite struct CSVImportTests {
    static func importer(_ directory: TemporaryDirectory) throws -> (Store, TicketImporter) {
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        return (store, TicketImporter(store: store))
    }

    @Test func messyExportOf8500TicketsAccountsForEveryRecord() throws {
        let directory = try TemporaryDirectory()
        let export = MessyHelpdeskExport(records: 8_500)
        let file = directory.url.appendingPathComponent("export.csv")
        try Data(export.bytes).write(to: file)
        // Measurement aid: `KB_WRITE_MESSY_CSV=DIR swift test --filter CSVImportTests` keeps the export and its mapping.
        if let keep = ProcessInfo.processInfo.environment["KB_WRITE_MESSY_CSV"] {
            try Data(export.bytes).write(to: URL(fileURLWithPath: keep).appendingPathComponent("messy-export.csv"))
            try Data(MessyHelpdeskExport.mappingJSON.utf8).write(to: URL(fileURLWithPath: keep).appendingPathComponent("messy-mapping.json"))
        }
        let (store, importer) = try Self.importer(directory)
        defer { try? store.close() }
        importer.settings.csvMapping = try CSVMapping(json: JSONParser().parse(MessyHelpdeskExport.mappingJSON), source: "mapping.json")
        let report = try importer.importFiles([file.path], displayNames: ["export.csv"], format: .csv)

        #expect(report.read == 8_500)
        #expect(report.inserted + report.rejected.count == export.records)
        #expect(report.inserted == export.validIDs.count)
        #expect(try store.ticketCount() == export.validIDs.count)
        let rejectedLines = Dictionary(report.rejected.map { ($0.line, $0.reason) }, uniquingKeysWith: { first, _ in first })
        #expect(report.rejected.count == export.expectedRejections.count)
        #expect(Set(rejectedLines.keys) == Set(export.expectedRejections.keys))
        for (line, piece) in export.expectedRejections.sorted(by: { $0.key < $1.key }) {
            let reason = rejectedLines[line] ?? "<not rejected>"
            #expect(reason.contains(piece), "line \(line): expected '\(piece)', got '\(reason)'")
        }
        #expect(report.rejected.allSatisfy { $0.file == "export.csv" })
        for (_, id) in export.validIDs.sorted(by: { $0.key < $1.key }).prefix(200) {
            #expect(try store.ticket(id: id) != nil, "\(id) should be imported")
        }
    }

    @Test func valuesSurviveQuotingNewlinesAndZones() throws {
        let directory = try TemporaryDirectory()
        let text = "\u{FEFF}Nº Ticket;Asunto;Descripción;Prioridad;Estado;Fecha creación;Fecha resolución;Cliente;Servicio;Canal;Etiquetas;Agente;Notas internas\r\n"
            + "7;\"Mensajería; envíos \"\"atrasados\"\"\";\"Línea uno\r\nLínea dos\";Alta;Cerrado;16/01/2026 11:30;15/07/2026 10:00;Acme;portal;Email;\"login, certificado\";ana;\"Revisar;\nN2\"\n"
        let file = try directory.write("one.csv", text)
        let (store, importer) = try Self.importer(directory)
        defer { try? store.close() }
        importer.settings.csvMapping = try CSVMapping(json: JSONParser().parse(MessyHelpdeskExport.mappingJSON), source: "mapping.json")
        let report = try importer.importFiles([file.path], format: .csv)
        #expect(report.rejected == [])
        let ticket = try #require(try store.ticket(id: "hd:7"))
        #expect(ticket.title == "Mensajería; envíos \"atrasados\"")
        #expect(ticket.description == "Línea uno\nLínea dos")
        #expect(ticket.severity == 2)
        #expect(ticket.status == .closed)
        #expect(ticket.channel == .correo)
        #expect(ticket.customer == "Acme")
        #expect(ticket.tags == ["login", "certificado"])
        // Chilean summer time at creation, winter time at resolution.
        #expect(ticket.createdAt.iso8601 == "2026-01-16T11:30:00-03:00")
        #expect(ticket.resolvedAt?.iso8601 == "2026-07-15T10:00:00-04:00")
        #expect(ticket.extra == ["Notas internas": "Revisar;\nN2"])
    }

    /// Columns named like native fields map themselves; a time without offset needs the mapping's zone.
    @Test func defaultMappingAndMissingZone() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("native.csv", """
            id,title,severity,status,created_at,Origen
            T-1,Uno,3,closed,2026-03-02T09:14:00-03:00,ERP
            T-2,Dos,3,closed,2026-03-02 09:14,
            T-3,Tres,9,closed,2026-03-02T09:14:00Z,

            """)
        let (store, importer) = try Self.importer(directory)
        defer { try? store.close() }
        let report = try importer.importFiles([file.path], displayNames: ["native.csv"], format: .csv)
        #expect(report.inserted == 1)
        #expect(report.rejected.map(\.description) == [
            "native.csv:3: error: created_at (column \"created_at\"): '2026-03-02 09:14' has no UTC offset; set \"timezone\" in the mapping (e.g. \"America/Santiago\") to read local times",
            "native.csv:4: error: severity (column \"severity\"): must be 1 to 5 (1 Crítica … 5 Solicitudes), found 9",
        ])
        #expect(try store.ticket(id: "T-1")?.extra == ["Origen": "ERP"])
    }

    @Test func mappingProblemsStopBeforeAnythingIsWritten() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("a.csv", "Ticket;Asunto;Prioridad;Estado;Fecha\n1;x;3;closed;2026-03-02T09:14:00Z\n")
        let (store, importer) = try Self.importer(directory)
        defer { try? store.close() }
        try importer.settings.csvMapping.map("id", toColumn: "Ticket")
        try importer.settings.csvMapping.map("title", toColumn: "Asunto")
        try importer.settings.csvMapping.map("severity", toColumn: "Prioridad")
        try importer.settings.csvMapping.map("status", toColumn: "Estado")
        #expect(throws: CSVError.unmappedFields(path: "a.csv", fields: ["created_at"], columns: ["Ticket", "Asunto", "Prioridad", "Estado", "Fecha"])) {
            try importer.importFiles([file.path], displayNames: ["a.csv"], format: .csv)
        }
        try importer.settings.csvMapping.map("created_at", toColumn: "Creado")
        #expect(throws: CSVError.unknownColumn(path: "a.csv", field: "created_at", column: "Creado", columns: ["Ticket", "Asunto", "Prioridad", "Estado", "Fecha"])) {
            try importer.importFiles([file.path], displayNames: ["a.csv"], format: .csv)
        }
        #expect(try store.ticketCount() == 0)
        try importer.settings.csvMapping.map("created_at", toColumn: "fecha")
        #expect(try importer.importFiles([file.path], format: .csv).inserted == 1)
    }

    @Test func reimportIsUnchangedAndIgnoredColumnsStayOut() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("a.csv", "id,title,severity,status,created_at,Email\nT-1,x,3,closed,2026-03-02T09:14:00Z,ana@example.com\n")
        let (store, importer) = try Self.importer(directory)
        defer { try? store.close() }
        importer.settings.csvMapping = try CSVMapping(json: JSONParser().parse(#"{"ignore": ["Email"]}"#), source: "m.json")
        #expect(try importer.importFiles([file.path], format: .csv).inserted == 1)
        let again = try importer.importFiles([file.path], format: .csv)
        #expect(again.unchanged == 1 && again.inserted == 0 && again.updated == 0)
        #expect(try store.ticket(id: "T-1")?.extra == [:])
    }

    @Test func windows1252Export() throws {
        let directory = try TemporaryDirectory()
        var bytes = Array("id;title;severity;status;created_at\r\nT-1;Contrase".utf8)
        bytes += [0xF1, 0x61, 0x20, 0x80]
        bytes += Array(";5;closed;2026-03-02T09:14:00Z\r\n".utf8)
        let file = directory.url.appendingPathComponent("excel.csv")
        try Data(bytes).write(to: file)
        let (store, importer) = try Self.importer(directory)
        defer { try? store.close() }
        let rejected = try importer.importFiles([file.path], displayNames: ["excel.csv"], format: .csv)
        #expect(rejected.rejected.map(\.reason) == ["column \"title\": not valid utf-8 text; set \"encoding\" in the mapping (utf-8, windows-1252, latin-1)"])
        importer.settings.csvMapping.encoding = .windows1252
        #expect(try importer.importFiles([file.path], format: .csv).inserted == 1)
        #expect(try store.ticket(id: "T-1")?.title == "Contraseña €")
    }
}
