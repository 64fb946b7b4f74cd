import Foundation
import KBCore
import KBServer
import KBTestSupport
import Testing

/// The web pages as a browser shows them: headless Chromium loads each page of the demo workspace, the tests read
/// the DOM it built, and measure that nothing is wider than the window at 1280 px and at 375 px.
@Suite("web pages in a browser", .serialized,
       .enabled(if: HeadlessChromium.installed != nil, "headless Chromium is not installed (Debian package chromium): browser tests skipped"))
struct BrowserTests {
    static let pages = ["/", "/buscar?q=login+portal", "/nuevo-ticket", "/tickets/T-0000430", "/tickets/T-0000577",
                        "/articulos/KB-0002", "/sla", "/sla?all=true", "/revisiones/T-0000577", "/guia"]

    /// Appended to a copy of a page served from a file (where the server's CSP does not apply): lists on the body
    /// every element whose right edge passes the window's width.
    static let overflowProbe = """
        <script>
        addEventListener('load', () => {
          const wide = [];
          for (const element of document.querySelectorAll('body *')) {
            const box = element.getBoundingClientRect();
            if (box.width > 0 && box.right > innerWidth + 1) wide.push(element.tagName + '.' + element.className + ' ' + Math.round(box.right));
          }
          if (document.documentElement.scrollWidth > innerWidth) wide.push('document ' + document.documentElement.scrollWidth);
          document.body.setAttribute('data-overflow', wide.join(' | ') || 'none');
          document.body.setAttribute('data-width', String(innerWidth));
        });
        </script>
        """

    @Test func everyPageLoadsInSpanishAndEnglish() throws {
        let browser = try #require(HeadlessChromium.installed)
        let demo = try DemoServerFixture()
        let base = "http://127.0.0.1:\(demo.server.port)"
        for page in Self.pages {
            let dom = try browser.dom(base + page)
            #expect(dom.contains("<html lang=\"es\""), "\(page) is in Spanish by default")
            #expect(!dom.contains("⟦"), "\(page) uses a word the catalogue lacks")
        }
        for page in ["/buscar?q=login", "/tickets/T-0000430", "/revisiones/T-0000577"] {
            let english = try browser.dom(base + page + (page.contains("?") ? "&" : "?") + "lang=en")
            #expect(english.contains("<html lang=\"en\""), "\(page) with lang=en is in English")
        }
        let byHeader = try browser.dom(base + "/sla", language: "en-US")
        #expect(byHeader.contains("<html lang=\"en\"") && byHeader.contains("SLA board"))
    }

    @Test func aSearchTypedInTheFormFindsTheDemoArticle() throws {
        let browser = try #require(HeadlessChromium.installed)
        let demo = try DemoServerFixture()
        let base = "http://127.0.0.1:\(demo.server.port)"
        let form = try browser.dom(base + "/buscar")
        // The form's fields, as the browser submits them by GET: every named control with its current value.
        #expect(form.contains("action=\"/buscar\"") && form.contains("method=\"get\""))
        for name in ["q", "mode", "type", "severity", "service", "customer", "status", "since", "until", "include_archived"] {
            #expect(form.contains("name=\"\(name)\""), "the search form has \(name)")
        }
        let typed = "/buscar?q=pantalla+de+login+en+blanco&mode=any&type=&severity=&service=&customer=&status=&since=&until="
        let results = try browser.dom(base + typed)
        #expect(results.contains("data-id=\"KB-0002\""), "the demo article on the login screen is found")
        #expect(results.contains("<mark>"), "matched words are highlighted")
        let articles = try browser.dom(base + "/buscar?q=login&type=article&service=portal")
        #expect(articles.contains("data-id=\"KB-") && !articles.contains("data-id=\"T-"))
    }

    @Test func theNewTicketPageShowsASeverityAndADueTime() throws {
        let browser = try #require(HeadlessChromium.installed)
        let demo = try DemoServerFixture()
        let base = "http://127.0.0.1:\(demo.server.port)"
        let form = try demo.client.request("GET", "/nuevo-ticket")
        let cookie = try #require(form.header("Set-Cookie")?.split(separator: ";").first.map(String.init))
        let token = try #require(form.text.firstMatch(of: /name="csrf_token" value="([^"]+)"/)?.1)
        let fields = "csrf_token=\(token)&title=" + "No carga el login del portal".queryEncoded
            + "&description=" + "Pantalla en blanco para todos los agentes desde las 9".queryEncoded
            + "&customer=" + "Transportes Andinos".queryEncoded
        let headers = [("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", cookie)]
        let answered = try demo.client.request("POST", "/nuevo-ticket", headers: headers, body: Array(fields.utf8))
        #expect(answered.status == 200)
        let page = try TemporaryDirectory(prefix: "kb-page")
        let file = try page.write("nuevo-ticket.html", answered.text)
        let dom = try browser.dom(file.absoluteString)
        #expect(dom.contains("1 · Crítica"), "the suggested severity")
        #expect(dom.contains("America/Santiago"), "the due time in the customer's zone")
        #expect(dom.contains("class=\"due\""))
        #expect(dom.contains("KB-0002"))
        let forged = try demo.client.request("POST", "/nuevo-ticket", headers: headers,
                                             body: Array(fields.replacingOccurrences(of: String(token), with: "forged").utf8))
        #expect(forged.status == 403)
        #expect(forged.header("Content-Type")?.hasPrefix("text/html") == true)
        _ = base
    }

    /// The pages kb's own templates/web/ draw. The review and the guide are the documents `kb review` and `kb training`
    /// write (their stylesheet is `HTMLStylesheet`), checked by their own tests.
    @Test(arguments: [1280, 375])
    func noElementIsWiderThanTheWindow(width: Int) throws {
        let browser = try #require(HeadlessChromium.installed)
        let demo = try DemoServerFixture()
        let copies = try TemporaryDirectory(prefix: "kb-pages")
        for (index, page) in Self.pages.enumerated() where !page.hasPrefix("/revisiones") && !page.hasPrefix("/guia") {
            let response = try demo.client.request("GET", page)
            #expect(response.status == 200, "\(page)")
            let file = try copies.write("page\(index).html", response.text.replacingOccurrences(of: "</body>", with: Self.overflowProbe + "</body>"))
            let dom = try browser.dom(file.absoluteString, width: width)
            let overflow = dom.firstMatch(of: /data-overflow="([^"]*)"/).map { String($0.1) }
            #expect(overflow == "none", "\(page) at \(width) px: \(overflow ?? "not measured")")
        }
    }

    /// A page the server is too busy to run (its request waited past `--queue-wait`) is an error page the browser shows,
    /// in the page's language.
    @Test func aPageTheServerIsTooBusyForIsAnErrorPage() throws {
        let browser = try #require(HeadlessChromium.installed)
        let gate = Gate()
        let fixture = try RequestQueueTests.oneWorkerServer(gate) { $0.queueWaitSeconds = 0.3 }
        let held = RequestQueueTests.holdTheWorker(fixture.client, gate)
        defer {
            gate.release.signal()
            _ = held.receive()
        }
        let base = "http://127.0.0.1:\(fixture.server.port)"
        let spanish = try browser.dom(base + "/buscar?q=login")
        #expect(spanish.contains("<html lang=\"es\"") && spanish.contains("el servidor está ocupado"), "\(spanish.prefix(2_000))")
        let english = try browser.dom(base + "/buscar?q=login", language: "en")
        #expect(english.contains("<html lang=\"en\"") && english.contains("the server is busy"), "\(english.prefix(2_000))")
        if let directory = ProcessInfo.processInfo.environment["KB_SCREENSHOTS"] {
            try browser.screenshot(base + "/buscar?q=login", to: "\(directory)/busy-es-1280.png", width: 1280, height: 900)
            try browser.screenshot(base + "/buscar?q=login", to: "\(directory)/busy-en-1280.png", width: 1280, height: 900, language: "en")
        }
    }

    /// Screenshots for a person to look at (not compared): `KB_SCREENSHOTS=DIR swift test --filter BrowserTests`.
    @Test func screenshotsWhenAsked() throws {
        guard let directory = ProcessInfo.processInfo.environment["KB_SCREENSHOTS"] else { return }
        let browser = try #require(HeadlessChromium.installed)
        let demo = try DemoServerFixture()
        let base = "http://127.0.0.1:\(demo.server.port)"
        for (index, page) in Self.pages.enumerated() {
            for width in [1280, 375] {
                try browser.screenshot(base + page, to: "\(directory)/page\(index)-\(width).png", width: width)
            }
        }
    }
}
