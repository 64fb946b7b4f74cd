import Foundation
import KBCore
@testable import KBServer
import KBTestSupport
import Testing

/// The web pages over real sockets, without a browser: languages, escaping, CSRF and error pages.
@Suite("web pages")
struct PageTests {
    static let form = [("Content-Type", "application/x-www-form-urlencoded")]

    @Test func pagesAreSpanishByDefaultAndEnglishWhenAsked() throws {
        let fixture = try ServerFixture()
        let spanish = try fixture.client.request("GET", "/buscar?q=login")
        #expect(spanish.status == 200)
        #expect(spanish.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(spanish.text.contains("<html lang=\"es\"") && spanish.text.contains("Buscar en la base de conocimiento"))
        #expect(spanish.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
        #expect(!spanish.text.contains("<script"))
        let english = try fixture.client.request("GET", "/buscar?q=login&lang=en")
        #expect(english.text.contains("<html lang=\"en\"") && english.text.contains("Search the knowledge base"))
        #expect(english.text.contains("href=\"/sla?lang=en\""), "links keep the chosen language")
        let byHeader = try fixture.client.request("GET", "/sla", headers: [("Accept-Language", "en-GB,en;q=0.8")])
        #expect(byHeader.text.contains("<html lang=\"en\""))
        #expect(!english.text.contains("⟦") && !spanish.text.contains("⟦"))
    }

    /// A result's ticket status and article state are named in the page's language.
    @Test func searchResultsNameStatesInThePagesLanguage() throws {
        let fixture = try ServerFixture()
        let spanish = try fixture.client.request("GET", "/buscar?q=login")
        #expect(spanish.text.contains("<span>validado</span>"), "KB-0007's state")
        #expect(!spanish.text.contains("<span>validated</span>"))
        let english = try fixture.client.request("GET", "/buscar?q=login&lang=en")
        #expect(english.text.contains("<span>validated</span>"))
    }

    @Test func ticketTextIsEscapedEverywhereItIsShown() throws {
        let fixture = try ServerFixture()
        let hostile = #"<script>alert(1)</script> login \"x\" & <img src=x onerror=alert(2)>"#
        let ticket = TicketFixtures.line(id: "T-66", title: hostile)
        let written = try fixture.client.request("POST", "/api/tickets", headers: [("Content-Type", "application/json")],
                                                 body: Array(ticket.utf8))
        #expect(written.status == 200, "\(written.text)")
        for target in ["/tickets/T-66", "/buscar?q=login+alert", "/buscar?q=" + "<script>".queryEncoded] {
            let page = try fixture.client.request("GET", target)
            #expect(page.status == 200, "\(target)")
            #expect(!page.text.contains("<script>") && !page.text.contains("<img src=x"), "\(target) escapes the ticket's text")
        }
        let search = try fixture.client.request("GET", "/buscar?q=login+alert")
        #expect(search.text.contains("&lt;script&gt;"))
        #expect(search.text.contains("<mark>"))
    }

    @Test func theNewTicketFormNeedsItsCSRFToken() throws {
        let fixture = try ServerFixture()
        let form = try fixture.client.request("GET", "/nuevo-ticket")
        let cookie = try #require(form.header("Set-Cookie")?.split(separator: ";").first.map(String.init))
        let token = try #require(form.text.firstMatch(of: /name="csrf_token" value="([^"]+)"/)?.1)
        let fields = "title=" + "No carga el login del portal".queryEncoded + "&description=" + "pantalla en blanco".queryEncoded
        let withToken = try fixture.client.request("POST", "/nuevo-ticket", headers: Self.form + [("Cookie", cookie)],
                                                   body: Array((fields + "&csrf_token=\(token)").utf8))
        #expect(withToken.status == 200)
        #expect(withToken.text.contains("id=\"severity\"") && withToken.text.contains("class=\"due\""))
        let withoutCookie = try fixture.client.request("POST", "/nuevo-ticket", headers: Self.form,
                                                       body: Array((fields + "&csrf_token=\(token)").utf8))
        #expect(withoutCookie.status == 403)
        let crossSite = try fixture.client.request("POST", "/nuevo-ticket",
                                                   headers: Self.form + [("Cookie", cookie), ("Sec-Fetch-Site", "cross-site")],
                                                   body: Array((fields + "&csrf_token=\(token)").utf8))
        #expect(crossSite.status == 403)
        let noTitle = try fixture.client.request("POST", "/nuevo-ticket", headers: Self.form + [("Cookie", cookie)],
                                                 body: Array("title=&description=x&csrf_token=\(token)".utf8))
        #expect(noTitle.status == 422)
        #expect(noTitle.text.contains("role=\"alert\"") && noTitle.text.contains("<form"), "the form again, with the problem")
    }

    @Test func problemsOnPagesAreHTMLPagesWithTheirStatus() throws {
        let fixture = try ServerFixture()
        for (target, status) in [("/tickets/T-404", 404), ("/articulos/KB-404", 404), ("/buscar?q=x&severity=9", 422),
                                 ("/sla?customer=Nadie", 422), ("/sla?lang=fr", 422), ("/revisiones/T-1", 409), ("/buscar?colour=red", 422)] {
            let page = try fixture.client.request("GET", target)
            #expect(page.status == status, "\(target)")
            #expect(page.header("Content-Type")?.hasPrefix("text/html") == true, "\(target)")
            #expect(page.text.contains("class=\"problem\""), "\(target)")
        }
    }

    @Test func everyPageAnswers() throws {
        let fixture = try ServerFixture()
        for target in ["/", "/buscar", "/buscar?q=login&type=article", "/nuevo-ticket", "/tickets/T-1", "/tickets/T%203%2F%C3%A4",
                       "/articulos/KB-0007", "/sla", "/sla?all=true", "/revisiones/T-1?force=true", "/guia"] {
            let page = try fixture.client.request("GET", target)
            #expect(page.status == 200, "\(target): \(page.text.prefix(200))")
            #expect(page.text.hasPrefix("<!DOCTYPE html>"), "\(target)")
        }
        let article = try fixture.client.request("GET", "/articulos/KB-0007")
        #expect(article.text.contains("Renovar el certificado del balanceador"))
        #expect(!article.text.contains("state: validated"), "the front matter is not shown as text")
    }

    @Test func snippetsSplitIntoMarkedParts() {
        func parts(_ snippet: String) -> [String] {
            HighlightedSnippet.parts(snippet).items.map { ($0["hit"] == .bool(true) ? "+" : "-") + ($0["text"]?.interpolationText ?? "") }
        }
        #expect(parts("a **b** c") == ["-a ", "+b", "- c"])
        #expect(parts("**x** y **") == ["+x", "- y **"])
        #expect(parts("plain") == ["-plain"])
    }
}
