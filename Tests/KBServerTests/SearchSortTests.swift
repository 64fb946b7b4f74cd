import Foundation
import KBCore
import KBServer
import KBTestSupport
import Testing

/// `sort=recent` on `GET /api/search` and the search page: newest first, the other filters kept, a bad value a
/// problem in the request's language.
@Suite("search sort")
struct SearchSortTests {
    /// The fixture plus two login tickets created after its tickets (2026-03-02) and its article (2026-03-10).
    static func fixture() throws -> ServerFixture {
        let fixture = try ServerFixture()
        for (id, created) in [("T-10", "2026-04-01T10:00:00Z"), ("T-11", "2026-03-05T10:00:00Z")] {
            let line = TicketFixtures.line(id: id, title: "Login del portal lento")
                .replacingOccurrences(of: "\"created_at\":\"2026-03-02T09:14:00-03:00\"", with: "\"created_at\":\"\(created)\"")
                .replacingOccurrences(of: "2026-03-02T09:20:00-03:00", with: "2026-04-02T09:20:00-03:00")
            let written = try fixture.client.request("POST", "/api/tickets", headers: [("Content-Type", "application/json")],
                                                     body: Array(line.utf8))
            #expect(written.status == 200, "\(written.text)")
        }
        return fixture
    }

    @Test func apiListsNewestFirstWithDates() throws {
        let fixture = try Self.fixture()
        let response = try fixture.client.request("GET", "/api/search?q=login+portal&sort=recent")
        #expect(response.status == 200, "\(response.text)")
        let answer = try JSONParser().parse(response.text)
        #expect(answer["sort"]?.stringValue == "recent")
        let results = try #require(answer["results"]?.arrayValue)
        #expect(results.map { $0["id"]?.stringValue } == ["T-10", "KB-0007", "T-11", "T-1"])
        #expect(results.first?["created_at"]?.stringValue == "2026-04-01T10:00:00Z")
        #expect(results[1]["updated"]?.stringValue == "2026-03-10")
        // The other parameters still apply: only tickets, of severity 3, at most 2.
        let filtered = try JSONParser().parse(try fixture.client.request("GET", "/api/search?q=login+portal&sort=recent&type=ticket&severity=3&limit=2").text)
        #expect(filtered["results"]?.arrayValue?.map { $0["id"]?.stringValue } == ["T-10", "T-11"])
        // By relevance (the default) the answer says so.
        let ranked = try JSONParser().parse(try fixture.client.request("GET", "/api/search?q=login+portal").text)
        #expect(ranked["sort"]?.stringValue == "relevance")
    }

    @Test func aBadSortIsAProblemInTheRequestsLanguage() throws {
        let fixture = try ServerFixture()
        let spanish = try fixture.client.request("GET", "/api/search?q=login&sort=nuevo")
        #expect(spanish.status == 422)
        #expect(spanish.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        let es = try JSONParser().parse(spanish.text)
        #expect(es["field"]?.stringValue == "sort")
        #expect(es["detail"]?.stringValue == "sort debe ser relevance o recent; llegó 'nuevo'")
        let en = try JSONParser().parse(try fixture.client.request("GET", "/api/search?q=login&sort=nuevo&lang=en").text)
        #expect(en["detail"]?.stringValue == "sort must be relevance or recent, found 'nuevo'")
        let page = try fixture.client.request("GET", "/buscar?q=login&sort=nuevo")
        #expect(page.status == 422 && page.text.contains("sort debe ser relevance o recent"))
    }

    /// The page's sort control sits with the filters, keeps the chosen value and the other filters, and a list by
    /// date shows each result's date.
    @Test func thePageHasASortControlAndShowsDates() throws {
        let fixture = try Self.fixture()
        let blank = try fixture.client.request("GET", "/buscar")
        #expect(blank.text.contains("<select name=\"sort\"><option value=\"relevance\" selected>Relevancia</option><option value=\"recent\">Más recientes</option></select>"))
        #expect(blank.text.contains("<select name=\"mode\"><option value=\"\" selected>Según el orden</option>"))
        let page = try fixture.client.request("GET", "/buscar?q=login+portal&sort=recent&severity=3&type=ticket")
        #expect(page.status == 200)
        #expect(page.text.contains("<option value=\"recent\" selected>Más recientes</option>"))
        #expect(page.text.contains("<option value=\"3\" selected>") && page.text.contains("<option value=\"ticket\" selected>"))
        let ids = page.text.matches(of: /data-id="([^"]+)"/).map { String($0.1) }
        #expect(ids == ["T-10", "T-11", "T-1"])
        #expect(page.text.contains("<time datetime=\"2026-04-01\">2026-04-01</time>"))
        let english = try fixture.client.request("GET", "/buscar?q=login+portal&sort=recent&lang=en")
        #expect(english.text.contains("<option value=\"recent\" selected>Newest first</option>") && english.text.contains(">Sort<"))
        let ranked = try fixture.client.request("GET", "/buscar?q=login+portal")
        #expect(!ranked.text.contains("<time ") && ranked.text.contains("<option value=\"relevance\" selected>"))
    }
}
