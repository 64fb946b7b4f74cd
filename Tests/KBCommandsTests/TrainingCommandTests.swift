import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

@Suite struct TrainingCommandTests {
    /// Planted wherever customers must never look: internal blocks, internal articles, unvalidated articles,
    /// internal ticket events, unresolved or non-request tickets.
    static let marker = "MARCA-INTERNA-7Q"

    /// Personal data planted in customer articles and in request resolutions; compared lower-cased.
    static let personalData = [
        "rocio.fuentes@acme-andina.cl", "+56 9 8765 4321", "8765 4321", "192.168.40.17", "acme andina", "banco austral",
        "rocío fuentes", "rocio fuentes", "matías ibarra", "ibarra", "xk29pq",
    ]

    static func article(id: String, title: String, state: String = "validated", audience: String = "customer",
                        services: String, tags: String = "[]", language: String = "es", tickets: String = "[]",
                        body: String) -> String {
        """
        ---
        id: \(id)
        title: \(title)
        state: \(state)
        audience: \(audience)
        services: \(services)
        tags: \(tags)
        tickets: \(tickets)
        language: \(language)
        ---
        \(body)

        """
    }

    static func ticket(id: String, title: String, customer: String, service: String, severity: Int = 5,
                       status: String = "closed", tags: String = "[\"password\"]", resolution: String,
                       day: Int = 2) -> String {
        let created = "2026-03-0\(day)T09:00:00-03:00"
        let finished = "2026-03-0\(day)T10:00:00-03:00"
        return """
            {"id":"\(id)","title":"\(title)","description":"Solicitud","customer":"\(customer)","service":"\(service)",\
            "severity":\(severity),"status":"\(status)","assignee":"Rocío Fuentes","created_at":"\(created)",\
            "closed_at":"\(finished)","resolution":"\(resolution)","tags":\(tags),\
            "events":[{"at":"\(created)","kind":"comment","author":"Rocío Fuentes","visibility":"internal","text":"\(marker) nota interna"},\
            {"at":"\(finished)","kind":"customer_update","author":"Matías Ibarra","text":"Gracias"}]}
            """
    }

    /// A workspace with every kind of article and ticket the issue lists, tickets imported.
    static func plantedWorkspace(importTickets: Bool = true) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("kb/articles/portal/login.md", article(
            id: "KB-0001", title: "El portal no carga para Acme Andina", services: "[portal]", tags: "[login]",
            tickets: "[T-5, T-6]", body: """
            ## Problema
            VISIBLE-ES-PORTAL: Acme Andina reporta que el portal no carga. Contacto rocio.fuentes@acme-andina.cl o +56 9 8765 4321.

            ## Solución
            1. Borre la caché del navegador; Rocío Fuentes revisa el servidor 192.168.40.17.
            <!-- internal -->
            \(marker): reiniciar el balanceador con la clave: Xk29pq
            <!-- /internal -->
            2. Confirme con Matías Ibarra.

            ## Causa
            El certificado del sitio había caducado.
            """))
        try directory.write("kb/articles/portal/interno.md", article(
            id: "KB-0002", title: "Runbook \(marker)", audience: "internal", services: "[portal]", tags: "[login, password]",
            body: "## Problema\n\(marker)\n\n## Solución\n\(marker)"))
        try directory.write("kb/articles/correo/borrador.md", article(
            id: "KB-0003", title: "Borrador \(marker)", state: "not_validated", services: "[correo]", tags: "[password]",
            body: "## Problema\n\(marker)\n\n## Solución\n\(marker)"))
        try directory.write("kb/articles/en/portal.md", article(
            id: "KB-0004", title: "Portal does not load for Banco Austral", services: "[portal]", tags: "[login]",
            language: "en", tickets: "[T-5, T-6]", body: """
            ## Problem
            VISIBLE-EN-PORTAL: Banco Austral cannot log in; write to rocio.fuentes@acme-andina.cl.

            ## Solution
            Clear the cache. <!-- internal -->\(marker) ask Matías Ibarra<!-- /internal --> Then reload.

            ## Cause
            <!-- internal -->
            \(marker) the load balancer at 192.168.40.17 was restarted by Rocío Fuentes.
            <!-- /internal -->
            """))
        try directory.write("kb/articles/correo/clave.md", article(
            id: "KB-0005", title: "Cambiar la contraseña del correo", services: "[correo]", tags: "[password]",
            tickets: "[T-1, T-2]", body: """
            ## Problema
            VISIBLE-ES-CORREO: el usuario olvidó su contraseña.

            ## Solución
            Use la opción **Olvidé mi contraseña** o llame al +56 9 8765 4321.

            ## Causa
            La contraseña caducó.
            <!-- internal -->
            \(marker): la política la fija Banco Austral.
            <!-- /internal -->
            """))
        try directory.write("kb/articles/en/mail.md", article(
            id: "KB-0006", title: "Change the mail password", services: "[correo]", tags: "[password]", language: "en",
            tickets: "[T-1, T-2]", body: """
            ## Problem
            VISIBLE-EN-CORREO: the user forgot the password.

            ## Solution
            Use **Forgot my password**.

            ## Cause
            Rocío Fuentes reset it by mistake.
            """))
        for (name, state) in [("wip", "wip"), ("archivado", "archived")] {
            try directory.write("kb/articles/correo/\(name).md", article(
                id: "KB-01\(name.count)", title: "Estado \(state) \(marker)", state: state, services: "[correo]",
                tags: "[password]", body: "## Problema\n\(marker)\n\n## Solución\n\(marker)"))
        }
        try directory.write("kb/articles/portal/sin-cierre.md", article(
            id: "KB-0020", title: "Bloque sin cerrar", services: "[portal]", tags: "[login, password]",
            body: "## Problema\nAlgo.\n\n## Solución\nPaso visible.\n<!-- internal -->\n\(marker)"))
        try directory.write("kb/articles/portal/cierre-suelto.md", article(
            id: "KB-0021", title: "Cierre suelto", services: "[portal]", tags: "[login, password]",
            body: "## Problema\nAlgo.\n\n## Solución\n\(marker)\n<!-- /internal -->\nPaso visible."))
        try directory.write("kb/articles/portal/roto.md", "---\nid: KB-0022\ntitle: [roto\n---\n## Solución\n\(marker)\n")

        let tickets = [
            ticket(id: "T-1", title: "Cambio de contraseña de Acme Andina", customer: "Acme Andina", service: "correo",
                   resolution: "VISIBLE-FAQ-CLAVE: se envió el enlace a rocio.fuentes@acme-andina.cl; Matías Ibarra confirmó desde 192.168.40.17, tel +56 9 8765 4321.",
                   day: 2),
            ticket(id: "T-2", title: "Cambio de contraseña de Banco Austral", customer: "Banco Austral", service: "correo",
                   resolution: "VISIBLE-FAQ-CLAVE: se envió el enlace a rocio.fuentes@acme-andina.cl; Matías Ibarra confirmó desde 192.168.40.17, tel +56 9 8765 4321.",
                   day: 3),
            ticket(id: "T-3", title: "Cambio de contraseña \(marker)", customer: "Acme Andina", service: "correo",
                   status: "in_progress", resolution: marker, day: 4),
            ticket(id: "T-4", title: "Falla del correo \(marker)", customer: "Acme Andina", service: "correo", severity: 3,
                   resolution: marker, day: 5),
            ticket(id: "T-5", title: "Documentación de la API", customer: "Banco Austral", service: "portal",
                   tags: "[\"docs\"]", resolution: "VISIBLE-FAQ-DOCS: se compartió el manual con Banco Austral.", day: 6),
            ticket(id: "T-6", title: "Documentación de la API", customer: "Acme Andina", service: "portal",
                   tags: "[\"docs\"]", resolution: "VISIBLE-FAQ-DOCS: se compartió el manual con Acme Andina.", day: 7),
        ]
        if importTickets {
            try directory.write("tickets.jsonl", tickets.joined(separator: "\n") + "\n")
            let imported = runKB(["import", "tickets.jsonl"], in: directory.url)
            #expect(imported.code == 0, "\(imported.stderr)")
        }
        return directory
    }

    struct Case: CustomStringConvertible, Sendable {
        var format: String
        var language: String
        var filters: [String]
        var description: String { "\(format) \(language) \(filters.joined(separator: " "))" }

        /// The visible sentinels this run must show, and the ones its filters must leave out. Support's notes (the
        /// requests' resolutions, VISIBLE-FAQ-…) never reach customers: the FAQ answers from the articles.
        var expectedVisible: (shown: [String], hidden: [String]) {
            let prefix = language == "es" ? "VISIBLE-ES-" : "VISIBLE-EN-"
            let other = language == "es" ? "VISIBLE-EN-" : "VISIBLE-ES-"
            let all = [prefix + "PORTAL", prefix + "CORREO"]
            let shown: [String]
            switch filters {
            case []: shown = all
            case ["--service", "portal"]: shown = [prefix + "PORTAL"]
            default: shown = [prefix + "CORREO"]
            }
            return (shown, all.filter { !shown.contains($0) } + [other + "PORTAL", other + "CORREO", "VISIBLE-FAQ-CLAVE",
                                                                "VISIBLE-FAQ-DOCS"])
        }

        /// The FAQ's link to the article that answers the request, which every run's filters keep.
        var faqLink: String {
            switch filters {
            case ["--service", "portal"]: return language == "es" ? "Más detalles en [El portal no carga" : "More in [Portal does not load"
            default: return language == "es" ? "Más detalles en [Cambiar la contraseña del correo]" : "More in [Change the mail password]"
            }
        }
    }

    static let cases: [Case] = ["md", "html"].flatMap { format in
        ["es", "en"].flatMap { language in
            [[], ["--service", "portal"], ["--tag", "password"], ["--service", "correo", "--tag", "password"]].map {
                Case(format: format, language: language, filters: $0)
            }
        }
    }

    @Test(arguments: cases)
    func nothingInternalOrPersonalReachesTheMaterial(_ run: Case) throws {
        let directory = try Self.plantedWorkspace()
        let result = runKB(["training", "--format", run.format, "--lang", run.language] + run.filters + ["--out", "-"],
                           in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        let output = result.stdout
        #expect(!output.contains(Self.marker))
        let lowered = output.lowercased()
        for item in Self.personalData { #expect(!lowered.contains(item), "\(item) leaked") }
        let expected = run.expectedVisible
        for sentinel in expected.shown { #expect(output.contains(sentinel), "\(sentinel) missing") }
        for sentinel in expected.hidden { #expect(!output.contains(sentinel), "\(sentinel) not filtered out") }
        #expect(output.contains(run.language == "es" ? "Cómo reportar un incidente" : "How to report an incident"))
        if run.format == "md" { #expect(output.contains(run.faqLink), "\(run.faqLink) missing") }
        // The same document when written to a file.
        let file = runKB(["training", "--format", run.format, "--lang", run.language] + run.filters + ["--out", "out"],
                         in: directory.url)
        #expect(file.code == 0)
        #expect(try String(contentsOf: directory.url.appendingPathComponent("out"), encoding: .utf8) == output)
    }

    @Test func warnsAboutArticlesItCannotUse() throws {
        let directory = try Self.plantedWorkspace()
        let result = runKB(["training", "--out", "-"], in: directory.url)
        #expect(result.code == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("kb/articles/portal/roto.md:3: warning: ") })
        #expect(lines.contains { $0.hasPrefix("kb/articles/portal/sin-cierre.md:16: warning: internal block is never closed") })
        #expect(lines.contains { $0.hasPrefix("kb/articles/portal/cierre-suelto.md:16: warning: ") })
        #expect(lines.contains { $0.hasPrefix("note: 2 customer article(s) written in another language") })
        #expect(!result.stderr.contains(Self.marker))
    }

    @Test(arguments: ["es", "en"])
    func everyTableOfContentsLinkHasATarget(language: String) throws {
        let directory = try Self.plantedWorkspace()
        let html = runKB(["training", "--format", "html", "--lang", language, "--out", "-"], in: directory.url).stdout
        let hrefs = Self.values(after: "href=\"#", in: html)
        let ids = Self.values(after: "id=\"", in: html)
        #expect(hrefs.count >= 6)
        #expect(Set(ids).count == ids.count, "duplicate ids")
        for href in hrefs { #expect(ids.contains(href), "no id=\"\(href)\"") }
        #expect(html.contains("<html lang=\"\(language)\">"))
        // The Markdown's links point at the anchors kb's Markdown renderer gives its headings.
        let markdown = runKB(["training", "--lang", language, "--out", "-"], in: directory.url).stdout
        let anchors = Set(MarkdownRenderer().headings(in: markdown).map(\.anchor))
        let links = Self.values(after: "](#", in: markdown, end: ")")
        #expect(links.count == hrefs.count)
        for link in links { #expect(anchors.contains(link), "no heading for #\(link)") }
    }

    @Test func withoutTicketDatabaseTheFAQIsLeftOutWithANote() throws {
        let directory = try Self.plantedWorkspace(importTickets: false)
        let result = runKB(["training", "--out", "-"], in: directory.url)
        #expect(result.code == 0)
        #expect(result.stderr.contains("note: no ticket database at "))
        #expect(!result.stdout.contains("Preguntas frecuentes"))
        #expect(result.stdout.contains("VISIBLE-ES-PORTAL"))
        #expect(!result.stdout.contains(Self.marker))
        // Patterns are still redacted without the store's names.
        #expect(!result.stdout.contains("rocio.fuentes@acme-andina.cl"))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(".kb/kb.sqlite").path))
    }

    @Test func outputFileRules() throws {
        let directory = try Self.plantedWorkspace(importTickets: false)
        let first = runKB(["training", "--format", "html", "--out", "guia.html"], in: directory.url)
        #expect(first.code == 0)
        #expect(first.stdout.hasPrefix("wrote guia.html: 2 article(s) in 2 chapter(s), 0 FAQ question(s)"))
        try directory.write("guia.html", "previo")
        let again = runKB(["training", "--format", "html", "--out", "guia.html"], in: directory.url)
        #expect(again.code == 1)
        #expect(again.stderr.contains("guia.html: error: file already exists; pass --force to overwrite it"))
        #expect(try String(contentsOf: directory.url.appendingPathComponent("guia.html"), encoding: .utf8) == "previo")
        let forced = runKB(["training", "--format", "html", "--out", "guia.html", "--force"], in: directory.url)
        #expect(forced.code == 0)
        #expect(try String(contentsOf: directory.url.appendingPathComponent("guia.html"), encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let missingFolder = runKB(["training", "--out", "no/existe/guia.md"], in: directory.url)
        #expect(missingFolder.code == 1)
        #expect(missingFolder.stderr.contains("no/existe/guia.md: error: folder no/existe does not exist"))
        let folder = runKB(["training", "--out", "kb"], in: directory.url)
        #expect(folder.code == 1)
        #expect(folder.stderr.contains("kb: error: is a folder"))
        #expect(runKB(["training"], in: directory.url).code == 64)
        #expect(runKB(["training", "--out", "-", "--lang", "fr"], in: directory.url).code == 64)
        #expect(runKB(["training", "--out", "-", "--format", "pdf"], in: directory.url).code == 64)
    }

    /// A small Spanish guide, byte for byte. `KB_UPDATE_GOLDEN=1 swift test --filter TrainingCommandTests` rewrites it.
    @Test func smallGuideMatchesGolden() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("kb/articles/portal/login.md", Self.article(
            id: "KB-0007", title: "No carga la pantalla de login", services: "[portal]", tags: "[login]", body: """
            ## Problema
            <!-- Describa el síntoma -->
            Al abrir el portal, la pantalla de login queda en blanco.

            ## Entorno
            Todos los navegadores.

            ## Solución
            1. Borre la caché del navegador.
            2. Vuelva a abrir el portal.

            ### Si el problema sigue
            Escriba a soporte@example.com con una captura de pantalla.

            ## Causa
            El certificado del sitio había caducado.
            """))
        try directory.write("kb/articles/mensajeria/plantillas.md", Self.article(
            id: "KB-0012", title: "Las plantillas de mensajes no se guardan", services: "[mensajeria, portal]",
            tags: "[plantillas]", body: """
            ## Problema
            Al guardar una plantilla aparece el error `ERR-409`.

            ## Solución
            Quite los emojis del nombre de la plantilla y guárdela de nuevo.
            <!-- internal -->
            Pendiente: corregir la validación en la versión 2.4.
            <!-- /internal -->
            """))
        // Answers the two password requests (its front matter names their tickets), so the FAQ quotes it.
        try directory.write("kb/articles/contrasenas/cambio.md", Self.article(
            id: "KB-0013", title: "Cómo cambiar su contraseña", services: "[contrasenas, portal]", tags: "[contrasena]",
            tickets: "[T-10, T-11]", body: """
            ## Problema
            Necesita cambiar su contraseña o la olvidó.

            ## Solución
            Para cambiarla estando dentro del portal:
            1. Haga clic en su nombre y elija Mi perfil.
            2. Elija Cambiar contraseña y escriba la nueva dos veces.

            Si la olvidó, use Olvidé mi contraseña en la pantalla de inicio de sesión.
            """))
        // Filed under general/ and about several services: the General chapter, not Portal's.
        try directory.write("kb/articles/general/horarios.md", Self.article(
            id: "KB-0014", title: "Horarios de soporte", services: "[portal, mensajeria]", tags: "[horario]", body: """
            ## Problema
            Quiere saber cuándo atiende soporte.

            ## Solución
            Soporte atiende de lunes a viernes de 08:00 a 20:00; las severidades 1 y 2 se atienden siempre.
            """))
        let tickets = [
            Self.ticket(id: "T-10", title: "Cambio de contraseña", customer: "Acme Andina", service: "portal",
                        resolution: "Se envió el enlace de cambio al correo registrado del usuario.", day: 2),
            Self.ticket(id: "T-11", title: "Cambio de contraseña", customer: "Banco Austral", service: "portal",
                        resolution: "Se envió el enlace de cambio al correo registrado del usuario.", day: 3),
        ]
        try directory.write("tickets.jsonl", tickets.joined(separator: "\n") + "\n")
        #expect(runKB(["import", "tickets.jsonl"], in: directory.url).code == 0)
        let result = runKB(["training", "--out", "-"], in: directory.url)
        #expect(result.code == 0)
        #expect(result.stderr.isEmpty)
        try Self.compare(result.stdout, golden: "training-small.md.golden")
    }

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func compare(_ actual: String, golden name: String) throws {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KB_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "differs from Golden/\(name); rerun with KB_UPDATE_GOLDEN=1 to accept")
    }

    /// The values following `prefix` up to `end`, in order.
    static func values(after prefix: String, in text: String, end: Character = "\"") -> [String] {
        text.components(separatedBy: prefix).dropFirst().compactMap { piece in
            piece.firstIndex(of: end).map { String(piece[..<$0]) }
        }
    }
}
