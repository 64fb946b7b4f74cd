import KBTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import KBCore

@Suite struct ReviewRenderingTests {
    typealias F = ReviewFixtures

    /// The overnight incident with a fixed history, so the document does not depend on a store.
    static var goldenReview: Review { golden(language: .spanish) }

    /// The golden incident written in `language`.
    static func golden(language: Language) -> Review {
        func past(_ id: String, _ title: String, _ day: String, _ similarity: Double, _ days: Int, _ cause: String,
                  _ resolution: String) -> RelatedIncident {
            RelatedIncident(id: id, title: title, service: "portal", severity: 1, customer: "Otro Cliente",
                            createdAt: F.at(day + "T10:00:00-03:00"), resolvedAt: F.at(day + "T12:00:00-03:00"),
                            rootCause: cause, resolution: resolution, similarity: similarity, sameService: true, daysBefore: days)
        }
        let similar = [
            past("T-1901", "No carga el login del portal por certificado", "2026-02-15", 0.83, 16,
                 "Certificado TLS del balanceador vencido", "Se reemplazó el certificado"),
            past("T-1900", "Portal sin acceso: login en blanco", "2026-01-20", 0.79, 42,
                 "Certificado TLS vencido en el balanceador", "Renovación del certificado TLS"),
        ]
        var recurrences = similar
        recurrences[0].otherReports = ["T-1899"]
        for index in recurrences.indices { recurrences[index].agreements = [.causeText] }
        let history = IncidentHistory(
            similar: similar, searchTerms: ["certific", "tls", "balanc", "blanc"],
            concurrent: [ConcurrentReport(id: "T-2002", customer: "Mutual Andina", service: "portal", channel: "correo",
                                          createdAt: F.at("2026-03-03T20:05:00-03:00"))],
            recurrences: recurrences)
        let proposal = ReviewProposal(kind: .detectionGap, title: "Alerta de vencimiento de certificados TLS",
                                      evidenceTicketIDs: ["T-1900", "T-1901", "T-2001"], hoursSavedPerMonth: 2.5)
        return Review(ticket: F.overnight, policy: .default, history: history, proposals: [proposal], now: F.now,
                      language: language)
    }

    @Test func markdownReviewMatchesGolden() throws {
        let text = try F.renderer().render(Self.goldenReview, format: .md)
        if let path = ProcessInfo.processInfo.environment["KB_WRITE_GOLDEN"] { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
        #expect(text == ReviewGolden.markdown)
    }

    /// A ticket whose every text tries to break out of Markdown, HTML, SVG or the template.
    static var hostileReview: Review {
        var ticket = F.overnight
        let hostile = "<script>alert(1)</script> {{x}} **b** [l](javascript:x) | & \"q\" 'a' <img src=http://x>"
        ticket.title = hostile
        ticket.description = hostile + "\n# no heading\n- no list"
        ticket.rootCause = hostile
        ticket.resolution = hostile
        ticket.customer = hostile
        for index in ticket.events.indices {
            ticket.events[index].text = hostile
            ticket.events[index].author = "<b>ana</b>"
        }
        ticket.events[7].attachments = [Attachment(name: "<x>.log", kind: "<k>")]
        return Review(ticket: ticket, policy: .default, now: F.now)
    }

    @Test(arguments: ["es", "en"])
    func htmlIsWellFormedSelfContainedAndEscaped(language: String) throws {
        let review = Review(ticket: Self.hostileReview.ticket, policy: .default, now: F.now,
                            language: Language(rawValue: language)!)
        let html = try F.renderer(Language(rawValue: language)!).render(review, format: .html)
        let document = try XMLDocument(xmlString: html, options: [])
        #expect(document.rootElement()?.name == "html")
        #expect(document.rootElement()?.attribute(forName: "lang")?.stringValue == language)
        #expect(try document.nodes(forXPath: "//script").isEmpty)
        #expect(try document.nodes(forXPath: "//img").isEmpty)
        #expect(try document.nodes(forXPath: "//svg").count == 1)
        #expect(try document.nodes(forXPath: "//style").count == 1)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("http://") && !html.contains("https://") || html.contains("&lt;img src=http://x&gt;"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; {{x}} **b** [l](javascript:x) | &amp; &quot;q&quot; &#39;a&#39;"))
        #expect(html.contains("&lt;b&gt;ana&lt;/b&gt;"))
        #expect(html.contains(".chapter { break-before: page"))
        #expect(html.contains("@media print"))
    }

    @Test func htmlOfAnOrdinaryReviewReferencesNothingOutside() throws {
        let html = try F.renderer().render(Self.goldenReview, format: .html)
        _ = try XMLDocument(xmlString: html, options: [])
        for forbidden in ["<script", "http://", "https://", "<link", "@import", "url(", "<iframe"] {
            #expect(!html.lowercased().contains(forbidden), "found \(forbidden)")
        }
        // Business hours, waits and impact are shaded in the timeline chart.
        #expect(html.contains("Horario hábil (12x5)"))
        #expect(html.contains("Espera del proveedor: "))
        #expect(html.contains("<td class=\"met\">cumplido"))
    }

    @Test func markdownShowsHostileTextAsText() throws {
        let text = try F.renderer().render(Self.hostileReview, format: .md)
        #expect(!text.contains("<script>"))
        #expect(text.contains(#"\<script\>alert(1)\</script\> {{x}} \*\*b\*\* \[l\](javascript:x) \| \& "q" 'a' \<img src=http://x\>"#))
        #expect(!text.contains("\n# no heading"))
        #expect(text.contains("\\# no heading"))
        #expect(text.contains("\\- no list"))
        // Every table row keeps its columns: no unescaped pipe from ticket text.
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(cells >= 3)
        }
    }

    @Test func englishDocumentsHaveEnglishHeadingsAndText() throws {
        let review = Review(ticket: F.overnight, policy: .default, now: F.now, language: .english)
        let text = try F.renderer(.english).render(review, format: .md)
        for heading in ["# Post-incident review T-2001", "## Warnings", "## Summary", "## Impact", "## Metrics", "## Timeline",
                        "## Detection", "## Response and escalation", "## Root cause", "## Resolution", "## Related incidents",
                        "## Lessons", "### What went well", "### What went wrong", "### Where we got lucky", "## Action items",
                        "## Automation proposals", "## Customer training", "## Appendix: evidence"] {
            #expect(text.contains("\n" + heading) || text.hasPrefix(heading), "missing \(heading)")
        }
        #expect(text.contains("| Time to first response | 12 min | 12 min | 15 min | met, with 3 min to spare |"))
        #expect(text.contains("None found for this case."))
        #expect(!text.contains("Revisión") && !text.contains("cumplido"))
    }

    @Test func spanishDocumentHasEverySection() throws {
        let text = ReviewGolden.markdown
        for heading in ["## Advertencias", "## Resumen", "## Impacto", "## Métricas", "## Línea de tiempo", "## Detección",
                        "## Respuesta y escalamiento", "## Causa raíz", "## Resolución", "## Incidentes relacionados",
                        "## Lecciones", "## Acciones", "## Propuestas de automatización", "## Capacitación al cliente",
                        "## Anexo: evidencias"] {
            #expect(text.contains("\n" + heading + "\n"), "missing \(heading)")
        }
    }

    @Test func warningsAreShownInTheDocumentAndTheJSON() throws {
        var ticket = F.overnight
        ticket.events.swapAt(5, 6)
        let review = Review(ticket: ticket, policy: .default, now: F.now)
        let text = try F.renderer().render(review, format: .md)
        #expect(text.contains("> **Atención:**"))
        #expect(text.contains("> - Eventos desordenados: el evento #7"))
        #expect(text.contains("| Espera del proveedor ⚠ |"))
        #expect(text.contains("| 7 ⚠ | 2026-03-03 20:31 |"))
        let html = try F.renderer().render(review, format: .html)
        #expect(html.contains("<div class=\"warning\">"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(review.jsonText().utf8)) as? [String: Any])
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(warnings.first?["code"] as? String == "out_of_order")
        #expect(warnings.first?["events"] as? [Int] == [5, 6])
        let ticketJSON = try #require(json["ticket"] as? [String: Any])
        #expect((ticketJSON["events"] as? [[String: Any]])?.count == 16)
        #expect(ticketJSON["id"] as? String == "T-2001")
    }
}
