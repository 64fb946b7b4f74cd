import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// Hostile ticket ids, titles, texts, names, services, tags, article titles and bodies, policy customers, holiday
/// names in an iCalendar file, query ids and the lines of a `--queries` file — escape sequences
/// (CSI and SGR, OSC with BEL and ST, OSC 52, DCS, SOS/PM/APC, their C1 forms), C0 and C1 controls, DEL,
/// carriage returns, backspaces and character references to them — run through every command: no byte in
/// 0x00–0x08, 0x0B–0x1F or 0x7F and no code point in U+0080–U+009F reaches standard output, standard error, a file
/// written with `--out`, a period's review folder or a drafted article; no HTML document carries a character
/// reference to one either.
@Suite struct TerminalFuzzTests {
    static let attacks = [
        "\u{1B}[2J", "\u{1B}[8m", "\u{1B}[30;40m", "\u{1B}[2K", "\u{1B}[H", "\u{1B}[6n", "\u{1B}[?1049h",
        "\u{1B}]0;pwned\u{7}", "\u{1B}]52;c;ZXZpbA==\u{7}", "\u{1B}]52;c;ZXZpbA==\u{1B}\\", "\u{1B}]8;;http://e.test\u{1B}\\x",
        "\u{1B}P+q544e\u{1B}\\", "\u{1B}_apc\u{1B}\\", "\u{1B}^pm\u{7}", "\u{1B}c", "\u{1B}7", "\u{1B}(0", "\u{1B}",
        "\u{9B}31m", "\u{9B}2J", "\u{9D}0;t\u{9C}", "\u{90}dcs\u{9C}", "\u{85}", "\u{9F}", "\r", "oculto\rvisible",
        "\u{8}\u{8}\u{8}", "\u{7}", "\u{1}", "\u{B}", "\u{C}", "\u{7F}", "\u{1B}]0;unterminated",
        "&#27;[2J", "&#x1b;]0;t&#7;", "&#X9B;31m", "&#13;", "&#0;", "`\u{1B}[31m`", "<b>\u{1B}[5m</b>",
        "\u{2}", "\u{3}",
    ]

    /// `base` with two to four attacks spliced in.
    static func hostile(_ base: String, _ generator: inout SeededGenerator) -> String {
        var words = base.split(separator: " ").map(String.init)
        for _ in 0..<Int.random(in: 2...4, using: &generator) {
            words.insert(generator.pick(attacks), at: Int.random(in: 0...words.count, using: &generator))
        }
        return words.joined(separator: generator.chance(0.5) ? " " : "")
    }

    /// A forbidden character in `text`, described, or nil.
    static func forbidden(_ text: String) -> String? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value <= 0x08 || (0x0B...0x1F).contains(value) || (0x7F...0x9F).contains(value) {
                return "U+" + String(value, radix: 16, uppercase: true)
            }
        }
        return nil
    }

    /// A numeric character reference to a forbidden character (`&#27;`, `&#x9B;`) in `text`, or nil.
    static func controlReference(in text: String) -> String? {
        var rest = Substring(text)
        while let found = rest.range(of: "&#") {
            rest = rest[found.upperBound...]
            let isHex = rest.first == "x" || rest.first == "X"
            let digits = (isHex ? rest.dropFirst() : rest).prefix { isHex ? $0.isHexDigit : $0.isNumber }
            guard !digits.isEmpty, let value = UInt32(digits.prefix(8), radix: isHex ? 16 : 10) else { continue }
            if value <= 0x08 || (0x0B...0x1F).contains(value) || (0x7F...0x9F).contains(value) {
                return "&#" + (isHex ? "x" : "") + digits
            }
        }
        return nil
    }

    struct Workspace {
        let directory: TemporaryDirectory
        var incidentIDs: [String] = []
        var openIDs: [String] = []
    }

    static func workspace(seed: UInt64) throws -> Workspace {
        var generator = SeededGenerator(seed: seed)
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        var result = Workspace(directory: directory)
        let start = Timestamp(iso8601: "2026-10-01T09:00:00-03:00")!
        func at(_ minutes: Int, day: Int) -> Timestamp {
            Timestamp(seconds: start.seconds + Int64(day * 86_400 + minutes * 60), offsetSeconds: -3 * 3_600)
        }
        var tickets: [Ticket] = []
        for index in 0..<4 {
            let id = "T-90\(index)" + (index % 2 == 0 ? hostile("", &generator) : "")
            var events = [
                TicketEvent(at: at(0, day: index), kind: .created, author: hostile("cliente", &generator), text: hostile("Caso creado", &generator)),
                TicketEvent(at: at(5, day: index), kind: .comment, author: hostile("Ana Soto", &generator),
                            text: hostile("Revisando el portal de pagos", &generator)),
                TicketEvent(at: at(10, day: index), kind: .action, author: "ana", text: hostile("Reiniciamos el balanceador", &generator)),
                TicketEvent(at: at(15, day: index), kind: .comment, author: "ana", visibility: .internal,
                            text: hostile("Nota interna del portal", &generator), attachments: [Attachment(name: hostile("log.txt", &generator))]),
                TicketEvent(at: at(20, day: index), kind: .escalation, author: "ana", text: hostile("Escalado al proveedor", &generator),
                            to: "vendor:" + hostile("nube", &generator)),
            ]
            events.append(TicketEvent(at: at(90, day: index), kind: .resolved, author: "ana", text: hostile("Resuelto", &generator)))
            events.append(TicketEvent(at: at(120, day: index), kind: .closed, author: "ana", text: "Cerrado"))
            tickets.append(Ticket(
                id: id, title: hostile("Portal de pagos caído", &generator), description: hostile("El portal no carga", &generator),
                customer: hostile("Banco Austral", &generator), plan: "24x7", timezone: "America/Santiago",
                service: hostile("portal", &generator), severity: 1 + index % 2, status: .closed, channel: .telefono,
                assignee: hostile("Ana Soto", &generator), level: "N2", createdAt: at(0, day: index), resolvedAt: at(90, day: index),
                closedAt: at(120, day: index), resolution: hostile("Se reinició el balanceador del portal", &generator),
                rootCause: hostile("Certificado vencido", &generator), tags: [hostile("portal", &generator)], events: events,
                extra: ["nota": hostile("extra", &generator)]))
            result.incidentIDs.append(id)
        }
        for index in 0..<2 {
            let id = "T-91\(index)" + hostile("", &generator)
            let created = Timestamp(iso8601: "2026-11-01T08:00:00-03:00")!
            tickets.append(Ticket(id: id, title: hostile("Portal lento", &generator), description: hostile("Lentitud", &generator),
                                  customer: hostile("Acme", &generator), plan: "24x7", timezone: "America/Santiago", service: "portal",
                                  severity: 2, status: .inProgress, channel: .correo, assignee: hostile("Luis", &generator),
                                  createdAt: created, events: [TicketEvent(at: created, kind: .created, text: hostile("Abierto", &generator))]))
            result.openIDs.append(id)
        }
        for index in 0..<5 {
            let created = at(30 * index, day: 10)
            tickets.append(Ticket(id: "T-92\(index)", title: hostile("Cambio de contraseña del portal", &generator),
                                  description: hostile("No puedo entrar al portal", &generator), customer: "Acme", service: "portal",
                                  severity: 5, status: .closed, channel: .correo, createdAt: created, resolvedAt: at(30 * index + 5, day: 10),
                                  closedAt: at(30 * index + 9, day: 10), resolution: hostile("Se envió el enlace de cambio", &generator),
                                  tags: ["clave"], events: [TicketEvent(at: created, kind: .created, text: "Solicitud")]))
        }
        try directory.write("tickets.jsonl", tickets.map { $0.jsonText() + "\n" }.joined())
        let bad = [
            "{\"id\":\"\(escaped(hostile("T-99", &generator)))\",\"title\":\"\(escaped(hostile("x", &generator)))\",\"severity\":9}",
            "{\"id\":\"T-98\",\"title\":\"\(escaped(hostile("roto", &generator)))\"",
            "{\"id\":\"\(escaped(hostile("T-97", &generator)))\",\"status\":\"\(escaped(hostile("raro", &generator)))\"}",
        ]
        try directory.write("bad.jsonl", bad.joined(separator: "\n") + "\n")
        for index in 0..<2 {
            try directory.write("kb/articles/fuzz-\(index).md", """
                ---
                id: KB-90\(index)
                title: '\(hostile("Portal de pagos caído", &generator).replacingOccurrences(of: "'", with: "''"))'
                state: validated
                audience: customer
                services: [portal]
                updated: 2026-10-01
                ---
                ## Problema
                \(hostile("El portal no carga", &generator))

                ## Entorno
                \(hostile("Portal 2.3", &generator))

                ## Solución
                \(hostile("Reiniciar el balanceador", &generator)) &#27;[2J &#x1b;]0;x&#7; fin

                ## Causa
                \(hostile("Certificado vencido", &generator))

                """)
        }
        try directory.write("kb/articles/roto.md", "---\nid: KB-909\ntitle: \(hostile("roto: sí", &generator))\n---\n")
        let customer = escaped(hostile("Acme", &generator))
        try directory.write("kb/policy.json", """
            {"customers": {"\(customer)": {"plan": "24x7", "timezone": "America/Santiago"},
                           "\(escaped(hostile("Otra", &generator)))": {"plan": "24x7", "country": "CL"}}}

            """)
        try directory.write("feriados.ics", [
            "BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20310101", "SUMMARY:" + hostile("Año Nuevo", &generator),
            "END:VEVENT", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20310918", "SUMMARY:" + hostile("Fiestas Patrias", &generator),
            "END:VEVENT", "END:VCALENDAR",
        ].joined(separator: "\r\n") + "\r\n")
        try directory.write("roto.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:" + hostile("2031", &generator) + "\r\n")
        try directory.write("consultas.tsv", "qid\tquery\n\(hostile("q1", &generator))\t\(hostile("portal", &generator))\n"
            + hostile("sin tabulador", &generator) + "\n")
        try directory.write("ticket.json", tickets[4].jsonText())
        try directory.write("plantilla.mustache", "{{title}} {{{title}}}\n")
        try directory.write("datos.json", "{\"title\":\"\(escaped(hostile("Título", &generator)))\"}")
        return result
    }

    static func escaped(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return String(writer.text.dropFirst().dropLast())
    }

    @Test(arguments: [UInt64(11), 2_026, 777_777])
    func noControlCharacterReachesAnyOutput(seed: UInt64) throws {
        let fixture = try Self.workspace(seed: seed)
        let root = fixture.directory.url
        let before = Set(try Self.files(under: root))
        var runs: [[String]] = [["import", "tickets.jsonl"], ["import", "bad.jsonl"], ["index"]]
        for id in fixture.incidentIDs + fixture.openIDs {
            runs += [["show", id], ["show", "--json", id]]
        }
        for (offset, id) in fixture.incidentIDs.enumerated() {
            for format in ["md", "html", "json"] {
                runs.append(["review", id, "--format", format])
                runs.append(["review", id, "--format", format, "--audience", "customer", "--lang", offset % 2 == 0 ? "es" : "en"])
                runs.append(["review", id, "--format", format, "--out", "review-\(offset).\(format)"])
                runs.append(["review", id, "--format", format, "--audience", "customer", "--out", "customer-\(offset).\(format)"])
            }
            runs.append(["article", "draft", id])
        }
        var generator = SeededGenerator(seed: seed)
        runs += [
            ["review", "--since", "2026-09-01", "--until", "2026-11-01", "--out", "periodo"],
            ["review", "--since", "2026-09-01", "--until", "2026-11-01", "--format", "html", "--out", "periodo-html"],
            ["show", "KB-900"], ["show", "--json", "KB-901"], ["show", Self.hostile("T-404", &generator)],
            ["search", "portal"], ["search", "--json", "portal"], ["search", Self.hostile("portal caído", &generator)],
            ["suggest", Self.hostile("El portal de pagos está caído", &generator)],
            ["suggest", "--json", Self.hostile("portal caído", &generator)],
            ["sla"], ["sla", "--json"], ["gaps"], ["gaps", "--json"], ["automations"], ["automations", "--format", "json"],
            ["training", "--out", "guia.md"], ["training", "--format", "html", "--out", "guia.html"],
            ["training", "--lang", "en", "--out", "-"], ["training", "--format", "html", "--out", "-"],
            ["article", "lint"], ["article", "lint", "--json"], ["render", "plantilla.mustache", "--data", "datos.json"],
            ["article", "link", Self.hostile("T-900", &generator), Self.hostile("KB-900", &generator)],
            ["policy", "check"], ["policy", "check", "--json"], ["policy", "holidays", "list"],
            ["policy", "holidays", "import", "feriados.ics", "--calendar", "CL", "--dry-run"],
            ["policy", "holidays", "import", "feriados.ics", "--calendar", Self.hostile("ES-MD", &generator), "--dry-run"],
            ["policy", "holidays", "import", "roto.ics", "--calendar", "CL"],
            ["search", "--queries", "consultas.tsv"], ["suggest", "--file", "ticket.json"],
            ["sla", "--customer", Self.hostile("Acme", &generator)], [Self.hostile("show", &generator)],
        ]
        var outputs = 0
        for arguments in runs {
            let result = runKB(arguments, in: root)
            let label = arguments.map { $0.debugDescription }.joined(separator: " ")
            // A bad line in the queries file and an unknown customer are errors, also printed clean.
            let errorExpected = arguments.contains("--queries") || arguments.contains("--customer")
            if ["review", "training", "sla", "gaps", "automations", "suggest", "search"].contains(arguments[0]) && !errorExpected
                || arguments == ["import", "tickets.jsonl"] {
                // The hostile data was imported and is used: these commands succeed on it.
                #expect(result.code == 0, "seed \(seed) \(label): \(result.stderr.prefix(300))")
            }
            #expect(Self.forbidden(result.stdout) == nil, "seed \(seed) \(label): stdout has \(Self.forbidden(result.stdout) ?? "")")
            #expect(Self.forbidden(result.stderr) == nil, "seed \(seed) \(label): stderr has \(Self.forbidden(result.stderr) ?? "")")
            outputs += 2
        }
        let written = try Self.files(under: root).filter { !before.contains($0) && !$0.hasPrefix(".kb/") }
        #expect(written.filter { $0.hasPrefix("periodo/") }.count >= 4, "\(written)")
        #expect(written.contains { $0.hasPrefix("kb/articles/") }, "drafts should be written: \(written)")
        #expect(written.contains("guia.html") && written.contains("customer-0.html"), "\(written)")
        for path in written {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(Self.forbidden(text) == nil, "seed \(seed) \(path) has \(Self.forbidden(text) ?? "")")
            if path.hasSuffix(".html") || path.hasSuffix(".md") {
                #expect(Self.controlReference(in: text) == nil, "seed \(seed) \(path) has \(Self.controlReference(in: text) ?? "")")
            }
            outputs += 1
        }
        #expect(outputs > 100)
    }

    /// Files under `root`, relative, sorted.
    static func files(under root: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var paths: [String] = []
        let prefix = root.standardizedFileURL.path + "/"
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return paths.sorted()
    }
}
