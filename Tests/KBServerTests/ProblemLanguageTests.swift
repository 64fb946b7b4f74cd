import Foundation
import KBCore
import KBServer
import KBTestSupport
import Testing

/// Problem answers speak the request's language as the pages do: Spanish by default, English with `?lang=en` or
/// `Accept-Language`; the machine members (`type`, `status`, `field`) are the same in both.
@Suite("problem details in the request's language")
struct ProblemLanguageTests {
    static func problem(_ response: RawHTTPClient.Response) throws -> JSONValue {
        #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        return try JSONParser().parse(response.text)
    }

    @Test func spanishByDefaultEnglishWhenAsked() throws {
        let fixture = try ServerFixture()
        let spanish = try fixture.client.request("GET", "/api/tickets/T-404")
        let english = try fixture.client.request("GET", "/api/tickets/T-404?lang=en")
        let header = try fixture.client.request("GET", "/api/tickets/T-404", headers: [("Accept-Language", "en-US,en;q=0.9")])
        #expect(spanish.status == 404 && english.status == 404 && header.status == 404)
        #expect(spanish.header("Content-Language") == "es")
        #expect(english.header("Content-Language") == "en" && header.header("Content-Language") == "en")
        let es = try Self.problem(spanish), en = try Self.problem(english)
        #expect(es["title"]?.stringValue == "No encontrado")
        #expect(es["detail"]?.stringValue == "no hay ningún ticket 'T-404' en la base")
        #expect(en["title"]?.stringValue == "Not found")
        #expect(en["detail"]?.stringValue == "no ticket 'T-404' in the store")
        #expect(try Self.problem(header)["detail"] == en["detail"])
        #expect(es["type"] == en["type"] && es["status"] == en["status"])
    }

    @Test func routingAndParameterProblemsAreTranslated() throws {
        let fixture = try ServerFixture()
        let route = try Self.problem(try fixture.client.request("GET", "/api/nada"))
        #expect(route["detail"]?.stringValue?.hasPrefix("no existe ese recurso") == true)
        let limit = try Self.problem(try fixture.client.request("GET", "/api/search?q=correo&limit=0"))
        #expect(limit["field"]?.stringValue == "limit")
        #expect(limit["detail"]?.stringValue == "limit debe ser un número entero de 1 a 1000; llegó '0'")
        let english = try Self.problem(try fixture.client.request("GET", "/api/search?q=correo&limit=0&lang=en"))
        #expect(english["detail"]?.stringValue == "limit must be a whole number from 1 to 1000, found '0'")
        // A language kb does not speak: the problem says so, in the workspace's language.
        let lang = try Self.problem(try fixture.client.request("GET", "/api/search?q=correo&lang=fr"))
        #expect(lang["field"]?.stringValue == "lang")
        #expect(lang["detail"]?.stringValue == "lang debe ser es o en; llegó 'fr'")
    }

    @Test func kbCoreErrorsHaveSpanishDetails() throws {
        let fixture = try ServerFixture()
        let filter = try Self.problem(try fixture.client.request("GET", "/api/search?q=correo&service=nada"))
        #expect(filter["field"]?.stringValue == "service")
        #expect(filter["detail"]?.stringValue?.hasPrefix("ningún service es 'nada'") == true)
        let nothing = try Self.problem(try fixture.client.request("GET", "/api/search?q=de+la"))
        #expect(nothing["detail"]?.stringValue?.hasPrefix("nada que buscar en 'de la'") == true)
        let englishNothing = try Self.problem(try fixture.client.request("GET", "/api/search?q=de+la&lang=en"))
        #expect(englishNothing["detail"]?.stringValue == SearchQueryError.nothingSearchable(query: "de la").description)
    }

    @Test func aBrowserAskingForAnUnknownPageGetsAnErrorPage() throws {
        let fixture = try ServerFixture()
        let accept = ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        let spanish = try fixture.client.request("GET", "/no-existe", headers: [accept])
        #expect(spanish.status == 404)
        #expect(spanish.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(spanish.text.contains("<html lang=\"es\""))
        #expect(spanish.text.contains("no existe ese recurso"))
        let english = try fixture.client.request("GET", "/no-existe?lang=en", headers: [accept])
        #expect(english.text.contains("<html lang=\"en\"") && english.text.contains("no such resource"))
        // An API client (no Accept, or JSON first) still gets problem+json.
        let api = try fixture.client.request("GET", "/no-existe")
        #expect(api.header("Content-Type")?.hasPrefix("application/problem+json") == true)
    }

    @Test(arguments: Language.allCases)
    func everyProblemTitleIsInTheCatalogue(language: Language) {
        for slug in ["bad-request", "invalid-field", "not-found", "method-not-allowed", "unauthorized", "forbidden", "conflict",
                     "content-too-large", "unsupported-media-type", "not-acceptable", "unavailable", "internal-error"] {
            let problem = Problem(status: 400, slug: slug, detail: "x")
            #expect(!problem.title(in: language).contains("⟦"), "\(slug)")
        }
    }
}
