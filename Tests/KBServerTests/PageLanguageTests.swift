import Foundation
import KBCore
import KBServer
import KBTestSupport
import Testing

/// Every page speaks one language: its own words (headings, labels, the suggester's reasons, escalation advice) are in
/// the page's language, Spanish or English. What the store holds (ticket titles, descriptions, article text,
/// customer names) is shown as written, so text found in the demo's data is left out; so is text an element marks
/// with its own `lang` (the message for the customer, in the customer's language; problem details, in English).
@Suite("pages speak the page's language", .serialized)
struct PageLanguageTests {
    static let pages = ["/buscar", "/buscar?q=login+portal", "/nuevo-ticket", "/tickets/T-0000430", "/tickets/T-0000577",
                        "/articulos/KB-0002", "/sla", "/sla?all=true", "/revisiones/T-0000577", "/guia", "/tickets/T-404"]

    /// English words that are not Spanish words: one of them in a Spanish page's own text is a sentence left in English.
    static let englishWords: Set<String> = [
        "the", "of", "and", "with", "for", "from", "by", "to", "is", "are", "was", "were", "has", "have", "this", "that",
        "which", "when", "not", "matches", "severity", "failure", "escalate", "business", "day", "days", "unknown", "validated",
        "given", "similar", "past", "chosen", "until", "known", "more", "due", "target", "risk", "exceeded", "level",
        "notify", "lead", "vendor", "needed", "keyword", "critical", "affected", "now", "hours", "minutes", "search",
        "results", "missing", "reasons", "routing", "none", "left", "breached", "paused", "running", "stopped",
        "validated", "resolved", "closed", "archived", "progress", "waiting", "escalated", "new",
    ]

    @Test func everyPageInBothLanguages() throws {
        let demo = try DemoServerFixture()
        // What the new-ticket form is sent is shown back as written, like the store's text.
        let data = try Self.dataCorpus(demo) + "\n" + Self.intakeFields.map(\.1).joined(separator: "\n")
        let names = Set(data.split { !$0.isLetter }.filter { $0.first?.isUppercase == true }.map(String.init))
        // Short values (titles, customers, services) that a sentence may embed unquoted: "{who} reported {title}".
        let phrases = Set(data.split(separator: "\n").filter { $0.split(separator: " ").count <= 12 }.map(String.init))
            .sorted { ($0.count, $0) > ($1.count, $1) }
        for language in ["es", "en"] {
            var pages: [(String, String)] = []
            for path in Self.pages {
                let target = path + (path.contains("?") ? "&" : "?") + "lang=" + language
                pages.append((target, try demo.client.request("GET", target).text))
            }
            pages.append(("POST /nuevo-ticket?lang=\(language)", try Self.intakeAnswer(demo, language: language)))
            for (target, html) in pages {
                #expect(html.contains("<html lang=\"\(language)\""), "\(target)")
                for raw in Self.ownText(html, language: language) {
                    var fragment = Self.withoutCodes(raw, names: names)
                    if let detected = Self.language(fragment), detected.rawValue != language {
                        var remaining = raw
                        for phrase in phrases where phrase.count >= 8 && remaining.contains(phrase) {
                            remaining = remaining.replacingOccurrences(of: phrase, with: " ")
                        }
                        fragment = Self.withoutCodes(remaining, names: names)
                    }
                    let detected = Self.language(fragment)
                    let english = language == "es" ? Self.words(fragment).filter(Self.englishWords.contains) : []
                    // Looked up last, as it is slow: a fragment of the data (a snippet, a title) is shown as written.
                    guard (detected.map { $0.rawValue != language } ?? false) || !english.isEmpty,
                          !data.contains(Self.normalized(raw)) else { continue }
                    #expect(detected.map { $0.rawValue == language } ?? true, "\(target): «\(raw)» reads as \(detected.map { "\($0)" } ?? "-")")
                    #expect(english.isEmpty, "\(target): «\(fragment)» has English words \(english)")
                }
            }
        }
    }

    static let intakeFields = [("title", "No puedo acceder al portal"),
                               ("description", "Pantalla en blanco en el login y las llamadas fallan"),
                               ("customer", "Transportes Andinos"), ("service", "portal")]

    /// The language of a fragment of four words or more.
    static func language(_ fragment: String) -> Language? {
        words(fragment).count >= 4 ? LanguageDetector.detect(fragment) : nil
    }

    /// The new-ticket page answered for a text that brings every kind of reason: policy phrases, similar past tickets,
    /// routing by service and the critical-service escalation rule.
    static func intakeAnswer(_ demo: DemoServerFixture, language: String) throws -> String {
        let form = try demo.client.request("GET", "/nuevo-ticket?lang=\(language)")
        let cookie = try #require(form.header("Set-Cookie")?.split(separator: ";").first.map(String.init))
        let token = try #require(form.text.firstMatch(of: /name="csrf_token" value="([^"]+)"/)?.1)
        let fields = "csrf_token=\(token)" + intakeFields.map { "&" + $0.0 + "=" + $0.1.queryEncoded }.joined()
        let answer = try demo.client.request("POST", "/nuevo-ticket?lang=\(language)",
                                             headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", cookie)],
                                             body: Array(fields.utf8))
        #expect(answer.status == 200)
        #expect(answer.text.contains("id=\"severity\"") && answer.text.contains("id=\"escalation\""))
        return answer.text
    }

    /// The page's text pieces between tags (and between the `·` and `…` it puts between values), entities decoded,
    /// without its stylesheet and without elements that declare another language than the page's.
    static func ownText(_ html: String, language: String) -> [String] {
        var text = html.replacing(/<style>[\s\S]*?<\/style>/, with: "\n")
        for tag in ["p", "span", "div", "li", "section"] {
            text = text.replacing(try! Regex("<\(tag)\\b[^>]*\\blang=\"([a-z]+)\"[^>]*>[\\s\\S]*?</\(tag)>")) { match in
                String(match.output[1].substring ?? "") == language ? String(match.output[0].substring ?? "") : "\n"
            }
        }
        text = text.replacing(/<[^>]*>/, with: "\n")
        // Values sit between the page's words after separators: `Detected: Alerta…`, `Vence … (America/Santiago)`.
        text = decode(text)
        for separator in [": ", "; ", " — ", " → "] { text = text.replacingOccurrences(of: separator, with: "\n") }
        // A quoted value is the text's own ("«llamadas» coincide con «llamada*»").
        text = text.replacing(/"[^"\n]*"|«[^»\n]*»|“[^”\n]*”/, with: "\n")
        return text.split(whereSeparator: { "\n·…|(),".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The fragment without codes that belong to no language: numbers, times, ids (`T-0000577`), time zones
    /// (`America/Mexico_City`), machine names (`vendor:certificadora`, `created_at`), and without the names the
    /// data holds (`Certificadora`, `Lorena`) after its first word.
    static func withoutCodes(_ fragment: String, names: Set<String>) -> String {
        fragment.split(separator: " ").enumerated().filter { index, word in
            !word.contains(where: { $0.isNumber || "/_:#@".contains($0) })
                && !(index > 0 && names.contains(String(word.filter(\.isLetter))))
        }.map { String($0.element) }.joined(separator: " ")
    }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init)
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every string of the demo's tickets, articles and policy, whitespace collapsed, as one text to look fragments up in.
    static func dataCorpus(_ demo: DemoServerFixture) throws -> String {
        var strings: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case let .string(text): strings.append(text)
            case let .array(items): items.forEach(collect)
            case let .object(members): members.forEach { strings.append($0.0); collect($0.1) }
            default: break
            }
        }
        try demo.demoTickets().forEach(collect)
        let kb = demo.directory.url.appendingPathComponent("kb")
        collect(try JSONParser().parse(String(contentsOf: kb.appendingPathComponent("policy.json"), encoding: .utf8)))
        let articles = FileManager.default.enumerator(at: kb.appendingPathComponent("articles"), includingPropertiesForKeys: nil)
        while let file = articles?.nextObject() as? URL {
            guard file.pathExtension == "md" else { continue }
            strings.append(try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "**", with: ""))
        }
        return strings.map(normalized).joined(separator: "\n")
    }
}
