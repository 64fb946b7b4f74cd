import KBCore
import KBServer
import Testing

@Suite("Content and language negotiation")
struct NegotiationTests {
    static let offers = ["text/html", "application/json"]

    @Test(arguments: [
        (nil, "text/html"),
        ("", "text/html"),
        ("application/json", "application/json"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
        ("application/json;q=0.9, text/html;q=0.5", "application/json"),
        ("*/*", "text/html"),
        ("application/*", "application/json"),
        ("text/*;q=0.1, application/json;q=0.2", "application/json"),
        ("text/html;q=0, */*", "application/json"),
        ("TEXT/HTML", "text/html"),
    ] as [(String?, String)])
    func acceptPicksTheClientsPreference(accept: String?, expected: String) {
        #expect(MediaType.negotiate(accept: accept, offered: Self.offers) == expected)
    }

    @Test func nothingAcceptableIsNil() {
        #expect(MediaType.negotiate(accept: "image/png", offered: Self.offers) == nil)
        #expect(MediaType.negotiate(accept: "application/json;q=0", offered: ["application/json"]) == nil)
    }

    @Test func essenceDropsParameters() {
        #expect(MediaType.essence(of: "Application/JSON ; charset=utf-8") == "application/json")
    }

    @Test(arguments: [
        (nil, nil),
        ("es-CL,es;q=0.9,en;q=0.8", Language.spanish),
        ("en-US,en;q=0.9", .english),
        ("en-US;q=0.8,en;q=0.9,es;q=0.95", .spanish),
        ("fr-FR, de;q=0.8", nil),
        ("fr, en;q=0.5", .english),
        ("es-419", .spanish),
        ("*", nil),
        ("en;q=0, es;q=0.1", .spanish),
        ("EN", .english),
    ] as [(String?, Language?)])
    func acceptLanguagePrimarySubtags(header: String?, expected: Language?) {
        #expect(LanguagePreference.fromAcceptLanguage(header) == expected)
    }

    @Test func langParameterWinsAndSpanishIsTheDefault() throws {
        let english = try HTTPRequest(method: .get, target: "/?lang=en", headers: ["Accept-Language": "es"])
        #expect(try LanguagePreference.resolve(english) == .english)
        let header = try HTTPRequest(method: .get, target: "/", headers: ["Accept-Language": "en-GB"])
        #expect(try LanguagePreference.resolve(header) == .english)
        let none = try HTTPRequest(method: .get, target: "/")
        #expect(try LanguagePreference.resolve(none) == .spanish)
        let unknown = try HTTPRequest(method: .get, target: "/?lang=fr")
        #expect(throws: Problem.invalidField("lang", "problem.lang", ["found": "fr"])) { try LanguagePreference.resolve(unknown) }
    }
}
