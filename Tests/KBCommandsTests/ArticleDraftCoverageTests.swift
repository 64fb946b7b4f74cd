import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// `kb article draft` names the existing articles that already cover the ticket's problem, and drafts in the
/// ticket's language.
@Suite struct ArticleDraftCoverageTests {
    static let certificate = WriterCLIFixtures.closed(id: "T-1042", title: "No carga el login del portal",
                                                      rootCause: "El certificado TLS del balanceador venció.")
    static let unrelated = WriterCLIFixtures.closed(id: "T-1043", title: "El login del portal no responde",
                                                    rootCause: "Una regla nueva del firewall bloqueaba el puerto 443 del balanceador.")

    static let article = """
        ---
        id: KB-0007
        title: Login del portal no carga por certificado TLS vencido
        state: validated
        audience: internal
        services: [portal]
        updated: 2026-01-10
        ---
        ## Problema
        La pantalla de login del portal queda en blanco.
        ## Solución
        Renovar el certificado TLS del balanceador y recargar la configuración.
        ## Causa
        El certificado TLS del balanceador venció.
        """

    func workspace(_ tickets: [Ticket]) throws -> TemporaryDirectory {
        let directory = try WriterCLIFixtures.workspace(tickets: tickets, articles: ["kb/articles/portal/tls.md": Self.article])
        #expect(runKB(["index"], in: directory.url).code == 0)
        return directory
    }

    @Test func warnsNamingTheCoveringArticleAndStillWrites() throws {
        let directory = try workspace([Self.certificate, Self.unrelated])
        let result = runKB(["article", "draft", "T-1042"], in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("warning: KB-0007 (validated) already covers T-1042: Login del portal no carga por "
                                        + "certificado TLS vencido [kb/articles/portal/tls.md]; it states the problem and explains its cause\n"))
        #expect(result.stdout.hasPrefix("wrote kb/articles/portal/no-carga-el-login-del-portal.md"))
        // The same symptom with another cause is not covered: no warning.
        let other = runKB(["article", "draft", "T-1043"], in: directory.url)
        #expect(other.code == 0 && other.stderr.isEmpty, "\(other.stderr)")
    }

    @Test func jsonNamesItAndUnlessCoveredWritesNothing() throws {
        let directory = try workspace([Self.certificate])
        let skipped = runKB(["article", "draft", "T-1042", "--unless-covered", "--json"], in: directory.url)
        #expect(skipped.code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(skipped.stdout.utf8)) as? [String: Any])
        #expect(json["written"] as? Bool == false)
        let covering = try #require((json["covered_by"] as? [[String: Any]])?.first)
        #expect(covering["id"] as? String == "KB-0007" && covering["reason"] as? String == "answers"
                    && covering["state"] as? String == "validated")
        #expect(skipped.stderr.contains("warning: KB-0007 (validated) already covers T-1042"))
        #expect(try ArticleScanner.scan(root: directory.url).map(\.path) == ["kb/articles/portal/tls.md"])
        let text = runKB(["article", "draft", "T-1042", "--unless-covered"], in: directory.url)
        #expect(text.stdout.hasPrefix("wrote nothing: KB-0007 already covers T-1042 (--unless-covered)"))
        #expect(try ArticleScanner.scan(root: directory.url).count == 1)
    }

    @Test func aLinkedArticleIsNamedToo() throws {
        var linked = Self.unrelated
        linked.articles = ["KB-0007"]
        let directory = try workspace([linked])
        let result = runKB(["article", "draft", "T-1043", "--json"], in: directory.url)
        #expect(result.stdout.contains("\"covered_by\":[{\"id\":\"KB-0007\""))
        #expect(result.stdout.contains("\"reason\":\"linked\""))
        #expect(result.stderr.contains("; the ticket links it"))
    }

    @Test func anEnglishTicketGivesAnEnglishDraft() throws {
        var english = Self.unrelated
        english.language = "en-US"
        english.events = [
            TicketEvent(at: english.createdAt, kind: .comment, author: "ana", text: "Dear customer, we are looking into it."),
            TicketEvent(at: english.resolvedAt!, kind: .action, author: "ana", visibility: .internal,
                        text: "Removed the firewall rule blocking port 443"),
        ]
        let directory = try workspace([english])
        let result = runKB(["article", "draft", "T-1043", "--json"], in: directory.url)
        #expect(result.stdout.contains("\"language\":\"en\""), "\(result.stdout)")
        let text = try WriterCLIFixtures.read(directory, "kb/articles/portal/el-login-del-portal-no-responde.md")
        #expect(text.contains("language: en\n") && text.contains("1. Remove the firewall rule blocking port 443"), "\(text)")
        #expect(!text.contains("we are looking"))
        // --lang still decides when given.
        let spanish = runKB(["article", "draft", "T-1043", "--lang", "es", "--template-data"], in: directory.url)
        #expect(spanish.stdout.contains("\"language\": \"es\""), "\(spanish.stdout)")
    }
}
