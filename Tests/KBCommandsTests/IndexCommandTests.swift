import Foundation
import Testing
import KBTestSupport
@testable import KBCommands

@Suite struct IndexCommandTests {
    static func article(id: String, title: String, state: String = "validated", audience: String = "customer",
                        problem: String = "No puedo entrar al portal.", language: String? = nil) -> String {
        """
        ---
        id: \(id)
        title: \(title)
        state: \(state)
        audience: \(audience)
        services: [portal]
        tags: [login, certificado]
        tickets: [T-1]
        updated: 2026-03-10
        \(language.map { "language: \($0)" } ?? "")
        ---
        ## Problema
        \(problem)
        ## Entorno
        Portal web.
        ## Solución
        1. Renovar el certificado TLS del balanceador.
        ## Causa
        El certificado caducó.
        """
    }

    func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("kb/articles/portal/login.md", Self.article(id: "KB-0001", title: "No carga la pantalla de login del portal"))
        try directory.write("kb/articles/portal/clave.md", Self.article(
            id: "KB-0002", title: "Contraseñas caducadas", problem: "Las contraseñas caducaron y no podemos entrar."))
        try directory.write("kb/articles/llamadas/entrantes.md", Self.article(
            id: "KB-0003", title: "Llamadas entrantes cortadas", problem: "Se cortan las llamadas entrantes tras 30 segundos."))
        return directory
    }

    @Test func indexesOnlyWhatChanged() throws {
        let directory = try workspace()
        let first = runKB(["index", "--json"], in: directory.url)
        #expect(first.code == 0)
        #expect(first.stdout.contains("\"added\":[\"kb/articles/llamadas/entrantes.md\",\"kb/articles/portal/clave.md\",\"kb/articles/portal/login.md\"]"))
        let second = runKB(["index", "--json"], in: directory.url)
        let noPhrases = ",\"phrases\":{\"indexed\":0,\"added\":[],\"removed\":[],\"tickets_read\":0}"
        #expect(second.stdout == "{\"added\":[],\"changed\":[],\"removed\":[],\"unchanged\":3,\"invalid\":[]\(noPhrases)}\n")
        try directory.write("kb/articles/portal/clave.md", Self.article(id: "KB-0002", title: "Claves vencidas"))
        let third = runKB(["index", "--json"], in: directory.url)
        #expect(third.stdout == "{\"added\":[],\"changed\":[\"kb/articles/portal/clave.md\"],\"removed\":[],\"unchanged\":2,\"invalid\":[]\(noPhrases)}\n")
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("kb/articles/llamadas/entrantes.md"))
        let fourth = runKB(["index", "--json"], in: directory.url)
        #expect(fourth.stdout.contains("\"removed\":[\"kb/articles/llamadas/entrantes.md\"]"))
        let search = runKB(["search", "--json", "llamadas", "entrantes"], in: directory.url)
        #expect(!search.stdout.contains("KB-0003"))
    }

    /// The synonyms' phrases of several words are listed in the ticket index when an import meets them and when `kb index`
    /// finds the file changed; searches find the same tickets before and after.
    @Test func synonymPhrasesAreIndexedAndDropped() throws {
        let directory = try workspace()
        try directory.write("kb/synonyms.txt", "caída, fuera de servicio\n")
        let lines = [
            TicketFixtures.line(id: "T-1", title: "Central fuera de servicio"),
            TicketFixtures.line(id: "T-2", title: "Servicio fuera de horario"),
            TicketFixtures.line(id: "T-3", title: "Caída del portal", extra: #""resolution":"Estuvo sin servicio una hora""#),
        ]
        try directory.write("t.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(runKB(["import", "t.jsonl"], in: directory.url).code == 0)
        let search = runKB(["search", "--json", "caída"], in: directory.url)
        #expect(search.stdout.contains("T-1") && search.stdout.contains("T-3") && !search.stdout.contains("T-2"))
        // Listed at import: nothing to do; a new phrase is built from the stored tickets, a gone one dropped.
        #expect(runKB(["index", "--json"], in: directory.url).stdout.contains(
            "\"phrases\":{\"indexed\":1,\"added\":[],\"removed\":[],\"tickets_read\":0}"))
        try directory.write("kb/synonyms.txt", "caída, sin servicio\n")
        let changed = runKB(["index"], in: directory.url)
        #expect(changed.code == 0)
        #expect(changed.stdout.contains("synonym phrases: 1 indexed (added 1, removed 1, 1 tickets read)"))
        #expect(changed.stdout.contains("  added    \"sin servicio\"") && changed.stdout.contains("  removed  \"fuer de servici\""))
        let after = runKB(["search", "--json", "caída"], in: directory.url)
        #expect(after.stdout.contains("T-3") && !after.stdout.contains("T-1"))
        // A synonyms file that does not parse stops no import (the listed phrase stays); `kb index` names it.
        try directory.write("kb/synonyms.txt", "caída, , sin servicio\n")
        try directory.write("u.jsonl", TicketFixtures.line(id: "T-4", title: "Portal sin servicio") + "\n")
        #expect(runKB(["import", "u.jsonl"], in: directory.url).code == 0)
        let broken = runKB(["index"], in: directory.url)
        #expect(broken.code != 0 && broken.stderr.contains("kb/synonyms.txt:1"))
    }

    @Test func malformedArticleIsNamedAndOthersIndexed() throws {
        let directory = try workspace()
        try directory.write("kb/articles/roto.md", "---\nid: KB-0009\ntitle: \"sin cerrar\nstate: wip\n---\n## Problema\nx\n")
        let result = runKB(["index"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stderr.hasPrefix("kb/articles/roto.md:3: error: "))
        #expect(result.stdout.hasPrefix("added 3, changed 0, removed 0, unchanged 0, invalid 1"))
    }

    @Test func exactTitleFindsArticleFirst() throws {
        let directory = try workspace()
        #expect(runKB(["index"], in: directory.url).code == 0)
        let result = runKB(["search", "--json", "No carga la pantalla de login del portal"], in: directory.url)
        #expect(result.code == 0)
        #expect(result.stdout.contains("\"results\":[{\"type\":\"article\",\"id\":\"KB-0001\""))
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let results = try #require(parsed?["results"] as? [[String: Any]])
        for key in ["type", "id", "title", "score", "snippet"] { #expect(results.first?[key] != nil) }
    }

    @Test func inflectionsAccentsAndCodesMatch() throws {
        let directory = try workspace()
        #expect(runKB(["index"], in: directory.url).code == 0)
        try directory.write("t.jsonl", TicketFixtures.line(id: "T-1", title: "Error ERR-401 al entrar") + "\n"
            + TicketFixtures.line(id: "T-2", title: "Error 401 y luego ERR al entrar") + "\n")
        #expect(runKB(["import", "t.jsonl"], in: directory.url).code == 0)
        let password = runKB(["search", "--json", "contrasena caducada"], in: directory.url)
        #expect(password.stdout.contains("\"id\":\"KB-0002\""))
        #expect(password.stdout.contains("**Contraseñas**"))
        let calls = runKB(["search", "--json", "llamada entrante"], in: directory.url)
        #expect(calls.stdout.contains("\"id\":\"KB-0003\""))
        let code = runKB(["search", "--json", "ERR-401"], in: directory.url)
        #expect(code.stdout.contains("\"id\":\"T-1\""))
        #expect(!code.stdout.contains("\"id\":\"T-2\""))
    }
}
