import Foundation
@testable import KBCore
import KBTestSupport

/// A deterministic corpus of planted secrets, personal data and internal text, written the many ways a careless or
/// hostile user writes them, placed in every internal place kb hides and in every public place it redacts.
///
/// Each planted item carries needles: its distinctive letters and digits, lower-case. `SecretCorpus.leaks(in:)`
/// looks for them in output as a reader sees it (character references decoded, NFKC, zero-width characters gone,
/// punctuation ignored), so a leak is found however the output writes it, whole or in part.
struct SecretCorpus {
    /// Where an item was planted.
    enum Place: String, CaseIterable {
        // Public places: shown to customers, redacted.
        case ticketTitle, ticketDescription, ticketResolution, ticketRootCause, publicComment
        case faqTitle, faqResolution, customerArticleTitle, customerArticleText
        // Internal places: never shown to customers.
        case internalNote, internalAttachment, assignee, eventAuthor, ticketTags, ticketExtra
        case internalBlock, internalArticle, unvalidatedArticle, brokenMarkerArticle

        var isPublic: Bool {
            switch self {
            case .ticketTitle, .ticketDescription, .ticketResolution, .ticketRootCause, .publicComment, .faqTitle,
                 .faqResolution, .customerArticleTitle, .customerArticleText: true
            default: false
            }
        }

        /// Places in article files, where lint is run.
        var isArticle: Bool {
            [.customerArticleTitle, .customerArticleText, .internalBlock, .internalArticle, .unvalidatedArticle,
             .brokenMarkerArticle].contains(self)
        }
    }

    /// How an item is written: each keeps the item readable as what it is.
    enum Obfuscation: String, CaseIterable {
        case plain, decimalReferences, hexReferences, namedReferences, doubleEncoded, referencesWithoutSemicolon
        case fullWidth, mathematicalLetters, zeroWidthSpaces, zeroWidthJoiners, softHyphens, wordJoiners
        case byteOrderMarks, bidiControls, noBreakSpaces, mixedCase, markdownEscapes, defanged, decomposedAccents
        case superscriptDigits, circledDigits, fullWidthAndZeroWidth, unicodeDashes
    }

    /// What kind of data an item is.
    enum Category: String, CaseIterable {
        case email, phone, ipAddress, card, rut, curp, rfc, dni, nie, cuit, cedula, peruvianDNI, password, pin
        case githubToken, githubFineGrained, gitlabToken, slackBotToken, slackUserToken, slackWebhook, awsAccessKey
        case awsSecretKey, googleKey, sendGridKey, stripeKey, jwt, privateKey, genericToken, agentName, internalText
    }

    struct Item {
        let number: Int
        let category: Category
        let place: Place
        let obfuscation: Obfuscation
        /// The phrasing language of a password or PIN.
        let phrasing: Language
        /// The text as planted.
        let text: String
        let needles: [String]
        /// The ticket id or article path it was planted in.
        var location = ""
        /// The 1-based line of an article file it starts on.
        var line = 0
        /// Tickets whose customer review may show it (its own customer name, in its own review).
        var allowedIn: Set<String> = []
        /// False for public text no customer document shows even unredacted (an article's Entorno section).
        var reachesCustomers = true
    }

    private(set) var items: [Item] = []
    private(set) var incidents: [Ticket] = []
    private(set) var requests: [Ticket] = []
    private(set) var articles: [(path: String, text: String)] = []
    private var generator: SeededGenerator
    private var counter = 0
    private var uses: [Obfuscation: Int] = [:]

    static let incidentCount = 6
    static let start = Timestamp(iso8601: "2026-09-01T09:00:00-03:00")!

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
        let agents = (0..<Self.incidentCount).map { _ in agentName() }
        let customers = (0..<Self.incidentCount).map { _ in "Cliente " + code(letters: 6).capitalized }
        for index in 0..<Self.incidentCount {
            incidents.append(incident(index, agents: agents, customers: customers))
        }
        for group in 0..<12 { requests += faqRequests(group) }
        for index in 0..<8 { articles.append(customerArticle(index, language: .spanish)) }
        for index in 0..<3 { articles.append(customerArticle(8 + index, language: .english)) }
        for index in 0..<3 { articles.append(hiddenArticle(index, place: .internalArticle)) }
        for index in 0..<2 { articles.append(hiddenArticle(3 + index, place: .unvalidatedArticle)) }
        for index in 0..<3 { articles.append(brokenMarkerArticle(index)) }
    }

    // MARK: Values

    private mutating func code(letters count: Int) -> String {
        String((0..<count).map { _ in Character(Unicode.Scalar(UInt8(97 + Int.random(in: 0..<26, using: &generator)))) })
    }

    private mutating func digits(_ count: Int) -> String {
        String((0..<count).map { index in
            Character(Unicode.Scalar(UInt8(48 + Int.random(in: (index == 0 ? 1 : 0)..<10, using: &generator))))
        })
    }

    private mutating func alphanumerics(_ count: Int, extra: String = "") -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + extra)
        // Both letters and digits, so every key looks random.
        var text = String((0..<count).map { _ in generator.pick(alphabet) })
        text.replaceSubrange(text.startIndex...text.startIndex, with: String(Int.random(in: 1...9, using: &generator)))
        return text
    }

    private mutating func agentName() -> String {
        let given = ["Maite", "Yaretzi", "Ignacia", "Benjamín", "Florencia", "Agustín", "Renata", "Tomás"]
        let family = ["Zubiaurre", "Quilodrán", "Echeñique", "Larraín", "Urrutia", "Pizarro", "Ñancupil", "Valdés"]
        return generator.pick(given) + " " + generator.pick(family) + " " + code(letters: 5).capitalized
    }

    /// One value of `category`: the text a user writes (with its lead-in words) and its needles.
    private mutating func value(_ category: Category, phrasing: Language) -> (String, [String]) {
        switch category {
        case .email:
            let value = "\(code(letters: 5)).\(code(letters: 6))@empresa\(code(letters: 4)).cl"
            return ("escribir a \(value)", [value])
        case .phone:
            let value = "+56 9 \(digits(4)) \(digits(4))"
            return ("llamar al \(value)", [value])
        case .ipAddress:
            let value = "10.\(Int.random(in: 100...254, using: &generator)).\(Int.random(in: 100...254, using: &generator))."
                + "\(Int.random(in: 100...254, using: &generator))"
            return ("servidor \(value)", [value])
        case .card:
            var numbers = [4] + (0..<14).map { _ in Int.random(in: 0...9, using: &generator) }
            numbers.append((0...9).first { Self.luhn(numbers + [$0]) }!)
            let groups = stride(from: 0, to: 16, by: 4).map { numbers[$0..<($0 + 4)].map(String.init).joined() }
            return ("tarjeta \(groups.joined(separator: " "))", [groups.joined()])
        case .rut:
            let number = Int.random(in: 10_000_000...25_999_999, using: &generator)
            let check = Self.rutCheck(number)
            let text = String(number)
            let value = "\(text.prefix(2)).\(text.dropFirst(2).prefix(3)).\(text.suffix(3))-\(check)"
            return ("RUT \(value)", [text])
        case .curp:
            let value = (code(letters: 4) + "\(Int.random(in: 60...99, using: &generator))0\(Int.random(in: 1...9, using: &generator))"
                + "1\(Int.random(in: 0...9, using: &generator))H" + "DF" + "RRN" + "0\(Int.random(in: 0...9, using: &generator))").uppercased()
            return ("CURP \(value)", [value])
        case .rfc:
            let value = (code(letters: 4) + "8\(Int.random(in: 0...9, using: &generator))0\(Int.random(in: 1...9, using: &generator))"
                + "2\(Int.random(in: 0...8, using: &generator))" + code(letters: 2) + "\(Int.random(in: 0...9, using: &generator))").uppercased()
            return ("RFC \(value)", [value])
        case .dni:
            let number = Int.random(in: 10_000_000...99_999_999, using: &generator)
            let letter = Array("TRWAGMYFPDXBNJZSQVHLCKE")[number % 23]
            return ("DNI \(number)\(letter)", ["\(number)\(letter)"])
        case .nie:
            let number = Int.random(in: 1_000_000...9_999_999, using: &generator)
            let letter = Array("TRWAGMYFPDXBNJZSQVHLCKE")[(1 * 10_000_000 + number) % 23]
            return ("NIE Y\(number)\(letter)", ["y\(number)\(letter)"])
        case .cuit:
            while true {
                let body = "2\(generator.pick([0, 3, 7]))" + digits(8)
                let weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
                let sum = zip(body.map { Int(String($0))! }, weights).reduce(0) { $0 + $1.0 * $1.1 }
                var check = 11 - sum % 11
                if check == 11 { check = 0 }
                guard check < 10 else { continue }
                let value = "\(body.prefix(2))-\(body.dropFirst(2))-\(check)"
                return ("CUIT \(value)", [body + String(check)])
            }
        case .cedula:
            let value = "1.0\(digits(2)).\(digits(3)).\(digits(3))"
            return ("cédula de ciudadanía \(value)", [value])
        case .peruvianDNI:
            let value = "4" + digits(7)
            return ("DNI \(value)", [value])
        case .password:
            let value = generator.pick(["Qw3rty!", "Verano20", "P4ss", "Mnb7", "Temporal1"]) + alphanumerics(6) + generator.pick(["", "!", "#"])
            let phrases = phrasing == .spanish
                ? ["clave temporal: \(value)", "Contraseña provisoria \(value)", "la nueva clave quedó como \(value)",
                   "su contraseña es \(value)", "password temporal \(value)", "contraseña: \(value)"]
                : ["use the password \(value)", "pass: \(value)", "your temporary password is \(value)",
                   "password: \(value)", "the new password will be \(value)"]
            return (generator.pick(phrases), [value])
        case .pin:
            let value = digits(6)
            let phrases = phrasing == .spanish ? ["PIN \(value)", "su PIN es \(value)", "PIN de acceso: \(value)"]
                : ["your PIN is \(value)", "PIN: \(value)", "the PIN \(value)"]
            return (generator.pick(phrases), [value])
        case .githubToken:
            let value = "ghp_" + alphanumerics(36)
            return ("token \(value)", [value])
        case .githubFineGrained:
            let value = "github_pat_" + alphanumerics(82, extra: "_")
            return ("token \(value)", [value])
        case .gitlabToken:
            let value = "glpat-" + alphanumerics(20)
            return ("token \(value)", [value])
        case .slackBotToken:
            let value = "xoxb-\(digits(12))-\(digits(13))-\(alphanumerics(24))"
            return ("slack \(value)", [value])
        case .slackUserToken:
            let value = "xoxp-\(digits(12))-\(digits(12))-\(digits(13))-\(alphanumerics(32))"
            return ("slack \(value)", [value])
        case .slackWebhook:
            let secret = "T\(alphanumerics(8).uppercased())/B\(alphanumerics(10).uppercased())/\(alphanumerics(24))"
            return ("webhook https://hooks.slack.com/services/\(secret)", [secret])
        case .awsAccessKey:
            let value = "AKIA" + alphanumerics(16).uppercased()
            return ("key \(value)", [value])
        case .awsSecretKey:
            var value = alphanumerics(40, extra: "/+")
            value.replaceSubrange(value.index(value.startIndex, offsetBy: 13)...value.index(value.startIndex, offsetBy: 13), with: "/")
            return ("aws_secret_access_key = \(value)", [value])
        case .googleKey:
            let value = "AIza" + alphanumerics(35, extra: "_-")
            return ("key \(value)", [value])
        case .sendGridKey:
            let value = "SG." + alphanumerics(22, extra: "_-") + "." + alphanumerics(43, extra: "_-")
            return ("sendgrid \(value)", [value])
        case .stripeKey:
            let value = generator.pick(["sk_live_", "rk_live_"]) + alphanumerics(24)
            return ("stripe \(value)", [value])
        case .jwt:
            let value = "eyJhbGciOiJIUzI1NiJ9.eyJ" + alphanumerics(30) + "." + alphanumerics(43, extra: "_-")
            return ("jwt \(value)", [value])
        case .privateKey:
            let lines = (0..<3).map { _ in alphanumerics(64, extra: "+/") }
            let value = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\(lines[0])\n\(lines[1])\n\(lines[2])\n"
                + "-----END RSA PRIVATE KEY-----"
            return (value, lines)
        case .genericToken:
            let value = alphanumerics(32)
            return (generator.pick(["token=\(value)", "api_key: \(value)", "secret=\(value)"]), [value])
        case .agentName, .internalText:
            // Planted with a fixed name or marker (`plant`).
            return ("", [])
        }
    }

    private static func luhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let doubled = offset % 2 == 1 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return sum % 10 == 0
    }

    private static func rutCheck(_ number: Int) -> String {
        var sum = 0
        for (offset, digit) in String(number).reversed().enumerated() { sum += Int(String(digit))! * (2 + offset % 6) }
        let value = 11 - sum % 11
        return value == 11 ? "0" : value == 10 ? "K" : String(value)
    }

    /// Lower-case letters and digits only, accents removed: how needles and output are compared.
    static func projection(_ text: String) -> String {
        String(String.UnicodeScalarView(AccentFolding.fold(text).unicodeScalars.filter {
            ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39) || $0.properties.isAlphabetic && $0.value > 0x7F
        }))
    }

    /// Needles of a value: all of it, and for long values overlapping pieces, so a partial leak is found too.
    private static func needles(of values: [String]) -> [String] {
        var found: [String] = []
        for value in values {
            let projected = projection(value)
            found.append(projected)
            if projected.count > 20 {
                let characters = Array(projected)
                for start in stride(from: 0, to: characters.count - 12, by: 8) { found.append(String(characters[start..<(start + 12)])) }
            }
        }
        return found
    }

    // MARK: Obfuscation

    /// `text` written with `obfuscation`; nil when it does not apply (nothing in the text it would change).
    static func obfuscate(_ text: String, _ obfuscation: Obfuscation, category: Category) -> String? {
        let punctuation = Set("@.:-_+!/=#,;")
        func mapCharacters(_ transform: (Character) -> String?) -> String? {
            var changed = false
            let out = text.map { character -> String in
                if let replaced = transform(character) {
                    changed = true
                    return replaced
                }
                return String(character)
            }.joined()
            return changed ? out : nil
        }
        func insert(_ scalar: String, every step: Int) -> String? {
            var out = ""
            var count = 0
            for character in text {
                out.append(character)
                count += 1
                if count % step == 0, character != "\n", count < text.count { out += scalar }
            }
            return out == text ? nil : out
        }
        let named: [Character: String] = ["@": "&commat;", ".": "&period;", ":": "&colon;", "_": "&lowbar;",
                                          "-": "&#45;", "+": "&plus;", "!": "&excl;", "/": "&sol;", "=": "&equals;",
                                          "#": "&num;", ",": "&comma;", ";": "&semi;", " ": "&nbsp;"]
        switch obfuscation {
        case .plain:
            return text
        case .decimalReferences:
            return mapCharacters { punctuation.contains($0) || $0 == " " ? "&#\($0.asciiValue!);" : nil }
        case .hexReferences:
            return mapCharacters { punctuation.contains($0) || $0 == " " ? "&#x\(String($0.asciiValue!, radix: 16, uppercase: true));" : nil }
        case .namedReferences:
            return mapCharacters { named[$0] }
        case .doubleEncoded:
            return mapCharacters { punctuation.contains($0) || $0 == " " ? "&amp;#\($0.asciiValue!);" : nil }
        case .referencesWithoutSemicolon:
            // `&#64` needs no `;` when no digit follows; the next character here is a letter or the end.
            var out = ""
            var changed = false
            let characters = Array(text)
            for (index, character) in characters.enumerated() {
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if punctuation.contains(character), !next.isNumber, !next.isHexDigit {
                    out += "&#\(character.asciiValue!)"
                    changed = true
                } else {
                    out.append(character)
                }
            }
            return changed ? out : nil
        case .fullWidth:
            return mapCharacters { character in
                guard let ascii = character.asciiValue, ascii > 0x20, ascii < 0x7F else { return character == " " ? "\u{3000}" : nil }
                return String(Unicode.Scalar(UInt32(ascii) - 0x21 + 0xFF01)!)
            }
        case .mathematicalLetters:
            return mapCharacters { character in
                guard let ascii = character.asciiValue else { return nil }
                switch ascii {
                case 65...90: return String(Unicode.Scalar(0x1D400 + UInt32(ascii - 65))!)
                case 97...122: return String(Unicode.Scalar(0x1D41A + UInt32(ascii - 97))!)
                case 48...57: return String(Unicode.Scalar(0x1D7CE + UInt32(ascii - 48))!)
                default: return nil
                }
            }
        case .zeroWidthSpaces:
            return insert("\u{200B}", every: 3)
        case .zeroWidthJoiners:
            return insert("\u{200D}\u{200C}", every: 4)
        case .softHyphens:
            return insert("\u{00AD}", every: 3)
        case .wordJoiners:
            return insert("\u{2060}", every: 4)
        case .byteOrderMarks:
            return insert("\u{FEFF}", every: 5)
        case .bidiControls:
            return insert(["\u{202E}", "\u{202C}", "\u{200E}", "\u{200F}", "\u{2066}", "\u{2069}"].joined(), every: 6)
        case .noBreakSpaces:
            return mapCharacters { $0 == " " ? "\u{00A0}" : nil }
        case .mixedCase:
            // Keys and tokens are case-sensitive: another case is another (invalid) key, not this one disguised.
            guard ![.githubToken, .githubFineGrained, .gitlabToken, .slackBotToken, .slackUserToken, .slackWebhook,
                    .awsAccessKey, .awsSecretKey, .googleKey, .sendGridKey, .stripeKey, .jwt, .privateKey,
                    .genericToken].contains(category) else { return nil }
            var upper = false
            return mapCharacters { character in
                guard character.isLetter else { return nil }
                upper.toggle()
                return upper ? character.uppercased() : character.lowercased()
            }
        case .markdownEscapes:
            return mapCharacters { punctuation.contains($0) ? "\\\($0)" : nil }
        case .defanged:
            guard [.email, .ipAddress].contains(category) else { return nil }
            return mapCharacters { $0 == "@" ? " [at] " : $0 == "." ? "[.]" : nil }
        case .decomposedAccents:
            let decomposed = text.decomposedStringWithCanonicalMapping
            return decomposed.unicodeScalars.count == text.unicodeScalars.count ? nil : decomposed
        case .superscriptDigits:
            let superscripts = Array("⁰¹²³⁴⁵⁶⁷⁸⁹")
            return mapCharacters { $0.isASCII && $0.isNumber ? String(superscripts[Int($0.asciiValue! - 48)]) : nil }
        case .circledDigits:
            let circled = Array("⓪①②③④⑤⑥⑦⑧⑨")
            return mapCharacters { $0.isASCII && $0.isNumber ? String(circled[Int($0.asciiValue! - 48)]) : nil }
        case .fullWidthAndZeroWidth:
            guard let wide = obfuscate(text, .fullWidth, category: category) else { return nil }
            var out = ""
            for (index, character) in wide.enumerated() {
                out.append(character)
                if index % 4 == 3 { out += "\u{200B}" }
            }
            return out
        case .unicodeDashes:
            return mapCharacters { $0 == "-" ? "\u{2010}" : $0 == "." && category == .ipAddress ? "\u{3002}" : nil }
        }
    }

    /// A new item of `category` at `place`, written with the next obfuscation that applies to it; `fixed` plants
    /// that text (a name, a tag) instead of a new value.
    private mutating func plant(_ category: Category, at place: Place, location: String, fixed: String? = nil,
                                allowedIn: Set<String> = []) -> Item {
        let phrasing: Language = counter % 2 == 0 ? .spanish : .english
        var (raw, values) = value(category, phrasing: phrasing)
        if category == .internalText {
            let marker = "qzv-" + code(letters: 8)
            raw = "NOTA INTERNA \(marker): no compartir"
            values = [marker]
        }
        if let fixed { (raw, values) = (fixed, [fixed]) }
        let all = Obfuscation.allCases.filter { $0 != .plain }
        var written = raw
        var used = Obfuscation.plain
        // Names and tags as the store holds them are planted as they are; mentions of them are obfuscated.
        if place != .assignee, place != .ticketTags {
            // The least used obfuscation that applies, so every one is used about equally.
            let applicable = all.compactMap { candidate in Self.obfuscate(raw, candidate, category: category).map { (candidate, $0) } }
            if let (candidate, text) = applicable.min(by: { (uses[$0.0] ?? 0, $0.0.rawValue) < (uses[$1.0] ?? 0, $1.0.rawValue) }) {
                written = text
                used = candidate
                uses[candidate, default: 0] += 1
            }
        }
        let item = Item(number: counter, category: category, place: place, obfuscation: used, phrasing: phrasing,
                        text: written, needles: Self.needles(of: values), location: location, allowedIn: allowedIn)
        counter += 1
        return item
    }

    /// Data categories planted in ticket and article text, in turn.
    private static let dataCategories: [Category] = Category.allCases.filter { $0 != .agentName && $0 != .internalText }

    private mutating func nextData() -> Category {
        Self.dataCategories[counter % Self.dataCategories.count]
    }

    // MARK: Tickets

    private func at(_ minutes: Int, day: Int) -> Timestamp {
        Timestamp(seconds: Self.start.seconds + Int64(day * 86_400 + minutes * 60), offsetSeconds: Self.start.offsetSeconds)
    }

    static func incidentID(_ index: Int) -> String { "T-77\(index)0" }

    /// A closed severity-1 incident with data in every public field and comment, and data and internal text in every
    /// internal place; the public comments also name another incident's agent and customer.
    private mutating func incident(_ index: Int, agents: [String], customers: [String]) -> Ticket {
        let id = Self.incidentID(index)
        let agent = agents[index]
        let neighbour = (index + 1) % agents.count
        func record(_ item: Item) -> String {
            items.append(item)
            return item.text
        }
        let title = "Caída del portal: " + record(plant(nextData(), at: .ticketTitle, location: id))
        let description = "El portal no responde. " + record(plant(nextData(), at: .ticketDescription, location: id)) + ". "
            + record(plant(nextData(), at: .ticketDescription, location: id)) + "."
        let resolution = "Se reinició el servicio; " + record(plant(nextData(), at: .ticketResolution, location: id)) + ". "
            + record(plant(nextData(), at: .ticketResolution, location: id)) + "."
        let rootCause = "Certificado vencido; " + record(plant(nextData(), at: .ticketRootCause, location: id)) + "."
        var events: [TicketEvent] = [
            TicketEvent(at: at(0, day: index), kind: .created, author: "soporte", text: "Ticket creado"),
        ]
        for step in 0..<4 {
            var text = "Revisamos el caso: " + record(plant(nextData(), at: .publicComment, location: id))
            if step == 1 {
                text += " Atendió " + record(plant(.agentName, at: .publicComment, location: id, fixed: agents[neighbour]))
            }
            if step == 2 {
                // Another customer's name: shown in that customer's own review only.
                text += " Igual que en " + record(plant(.agentName, at: .publicComment, location: id, fixed: customers[neighbour],
                                                        allowedIn: [Self.incidentID(neighbour)]))
            }
            events.append(TicketEvent(at: at(10 + step * 20, day: index), kind: .comment, author: agent, text: text))
        }
        for step in 0..<5 {
            let category: Category = step % 2 == 0 ? .internalText : nextData()
            let note = record(plant(category, at: .internalNote, location: id))
            let author = step == 0 ? record(plant(.internalText, at: .eventAuthor, location: id)) : agent
            var attachments: [Attachment] = []
            if step == 1 { attachments.append(Attachment(name: record(plant(.internalText, at: .internalAttachment, location: id)) + ".log")) }
            events.append(TicketEvent(at: at(15 + step * 20, day: index), kind: .comment, author: author, visibility: .internal,
                                      text: "Nota: " + note, attachments: attachments))
        }
        events.append(TicketEvent(at: at(130, day: index), kind: .resolved, author: agent, text: "Resuelto"))
        events.append(TicketEvent(at: at(200, day: index), kind: .closed, author: agent, text: "Cerrado"))
        events.sort { $0.at < $1.at }
        _ = record(plant(.agentName, at: .assignee, location: id, fixed: agent))
        let tag = record(plant(.internalText, at: .ticketTags, location: id, fixed: codeless(index)))
        let extra = record(plant(.internalText, at: .ticketExtra, location: id))
        return Ticket(id: id, title: title, description: description, customer: customers[index], plan: "24x7",
                      timezone: "America/Santiago", service: "portal", severity: 1, status: .closed, channel: .telefono,
                      assignee: agent, level: "N2", createdAt: at(0, day: index), resolvedAt: at(130, day: index),
                      closedAt: at(200, day: index), resolution: resolution, rootCause: rootCause, tags: ["portal", tag],
                      articles: ["KB-8810", "KB-8850", "KB-8853"], events: events, extra: ["nota_interna": extra])
    }

    /// A tag no other text holds.
    private func codeless(_ index: Int) -> String { "qzvtag" + String(repeating: "x", count: index + 4) }

    /// Three resolved severity-5 requests sharing a tag, a title and a resolution with data in them: the FAQ would
    /// show them, redacted, or (when the data is a secret) leave the group out.
    private mutating func faqRequests(_ group: Int) -> [Ticket] {
        var titleItem = plant(nextData(), at: .faqTitle, location: "faq-\(group)")
        var answerItem = plant(nextData(), at: .faqResolution, location: "faq-\(group)")
        // The guide's FAQ answers from validated customer articles (questions and answers alike): a request's own
        // title and support's resolution never reach customers, redacted or not.
        titleItem.reachesCustomers = false
        answerItem.reachesCustomers = false
        items.append(titleItem)
        items.append(answerItem)
        return (0..<3).map { copy in
            let id = "T-88\(group)\(copy)"
            let created = at(copy * 30, day: 20 + group)
            return Ticket(id: id, title: "Consulta de acceso " + titleItem.text, description: "Solicitud.", customer: "Cliente Solicitudes",
                          plan: "12x5", timezone: "America/Santiago", service: "portal", severity: 5, status: .closed,
                          channel: .correo, assignee: "soporte", createdAt: created, resolvedAt: at(copy * 30 + 10, day: 20 + group),
                          closedAt: at(copy * 30 + 20, day: 20 + group), resolution: "Se respondió: " + answerItem.text + ".",
                          tags: ["faq-\(group)"], events: [TicketEvent(at: created, kind: .created, text: "Solicitud")])
        }
    }

    // MARK: Articles

    /// A front matter value single-quoted (no escapes in single quotes; a quote is doubled), on one line.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// The ways an internal block's markers are written.
    static let markerStyles: [(open: String, close: String)] = [
        ("<!-- internal -->", "<!-- /internal -->"), ("<!--internal-->", "<!--/internal-->"),
        ("<!-- INTERNAL -->", "<!-- /INTERNAL -->"), ("<!--\ninternal\n-->", "<!--\n/internal\n-->"),
        ("<!--   InTeRnAl\t-->", "<!-- /   iNtErNaL -->"), ("&lt;!-- internal --&gt;", "&lt;!-- /internal --&gt;"),
        ("<!-- ｉｎｔｅｒｎａｌ -->", "<!-- ／ｉｎｔｅｒｎａｌ -->"), ("<!-- inter\u{200B}nal -->", "<!-- /inte\u{00AD}rnal -->"),
        ("<!--\n  in ter nal\n-->", "<!--\n  / in\nternal -->"),
    ]

    /// A validated customer article with data in its title and visible text (one item a line) and data and internal
    /// text in internal blocks written in every marker style.
    private mutating func customerArticle(_ index: Int, language: Language) -> (String, String) {
        let path = "kb/articles/corpus/cliente-\(index).md"
        var lines: [String] = []
        var planted: [(Item, Int)] = []
        func add(_ item: Item) {
            planted.append((item, lines.count + 1))
            lines += item.text.components(separatedBy: "\n")
        }
        let titleItem = plant(nextData(), at: .customerArticleTitle, location: path)
        let headings = language == .spanish ? ["Problema", "Entorno", "Solución", "Causa"] : ["Problem", "Environment", "Solution", "Cause"]
        lines = ["---", "id: KB-88\(10 + index)", "title: \(Self.quoted(titleItem.text))",
                 "state: validated", "audience: customer", "services: [portal]", "updated: 2026-09-01",
                 "language: \(language.rawValue)", "---"]
        planted.append((titleItem, 3))
        for (offset, heading) in headings.enumerated() {
            lines += ["", "## \(heading)", language == .spanish ? "El portal no carga para los usuarios." : "The portal does not load."]
            for _ in 0..<2 {
                var item = plant(nextData(), at: .customerArticleText, location: path)
                // Training shows Problema, Solución and (when safe) Causa; Entorno only lint sees.
                item.reachesCustomers = offset != 1
                add(item)
            }
            // Causa holds no internal block, so it is shown when nothing in it needs redacting.
            guard offset < 3 else { continue }
            let style = Self.markerStyles[(index * 3 + offset) % Self.markerStyles.count]
            lines += style.open.components(separatedBy: "\n")
            add(plant(offset % 2 == 0 ? .internalText : nextData(), at: .internalBlock, location: path))
            lines += style.close.components(separatedBy: "\n")
        }
        for (item, line) in planted {
            var located = item
            located.line = line
            items.append(located)
        }
        return (path, lines.joined(separator: "\n") + "\n")
    }

    /// An internal article or an unvalidated customer article: everything in it is hidden from customers.
    private mutating func hiddenArticle(_ index: Int, place: Place) -> (String, String) {
        let path = "kb/articles/corpus/oculto-\(index).md"
        let audience = place == .internalArticle ? "internal" : "customer"
        let state = place == .internalArticle ? "validated" : (index % 2 == 0 ? "wip" : "not_validated")
        let title = plant(.internalText, at: place, location: path)
        items.append(title)
        var body = ["## Problema", "Texto."]
        for step in 0..<4 {
            let item = plant(step % 2 == 0 ? nextData() : .internalText, at: place, location: path)
            items.append(item)
            body.append(item.text)
            if step == 1 { body += ["## Solución", "Pasos."] }
        }
        return (path, """
            ---
            id: KB-88\(50 + index)
            title: \(Self.quoted(title.text))
            state: \(state)
            audience: \(audience)
            services: [portal]
            updated: 2026-09-01
            ---
            \(body.joined(separator: "\n"))

            """)
    }

    /// A validated customer article whose internal markers kb cannot read: a comment that mentions internal, a
    /// Spanish marker, an unclosed block. Left out of customer material; lint reports the marker.
    private mutating func brokenMarkerArticle(_ index: Int) -> (String, String) {
        let path = "kb/articles/corpus/roto-\(index).md"
        let markers = [("<!-- internal note -->", "<!-- /internal note -->"), ("<!-- interno -->", "<!-- /interno -->"),
                       ("<!-- internal -->", "")][index]
        var lines = ["---", "id: KB-88\(60 + index)", "title: Guía del portal \(index)", "state: validated",
                     "audience: customer", "services: [portal]", "updated: 2026-09-01", "---", "## Problema",
                     "El portal no carga.", "## Solución", "Reiniciar."]
        let markerLine = lines.count + 1
        lines.append(markers.0)
        for step in 0..<3 {
            var item = plant(step == 0 ? .internalText : nextData(), at: .brokenMarkerArticle, location: path)
            item.line = markerLine
            items.append(item)
            lines += item.text.components(separatedBy: "\n")
        }
        if !markers.1.isEmpty { lines.append(markers.1) }
        return (path, lines.joined(separator: "\n") + "\n")
    }

    // MARK: Leak detection

    /// The text of `output` as compared with needles; JSON documents are read as their string values.
    static func comparable(_ output: String, isJSON: Bool = false) -> String {
        var text = output
        if isJSON, let value = try? JSONParser().parse(output) {
            var strings: [String] = []
            func collect(_ value: JSONValue) {
                switch value {
                case .string(let string): strings.append(string)
                case .array(let array): array.forEach(collect)
                case .object(let members): members.forEach { strings.append($0.0); collect($0.1) }
                default: break
                }
            }
            collect(value)
            text = strings.joined(separator: "\n")
        }
        return projection(readerView(text))
    }

    /// `text` as a reader sees it: references decoded (repeatedly), NFKC, zero-width and bidi characters removed.
    static func readerView(_ text: String) -> String {
        var current = text
        for _ in 0..<3 {
            let next = NormalizedText(current).string
            if next == current { break }
            current = next
        }
        return current
    }

    /// The items whose needles occur in `comparable` (from `comparable(_:)`), skipping those allowed in `ticket`.
    func leaks(in comparable: String, among candidates: [Item], ticket: String? = nil) -> [Item] {
        candidates.filter { item in
            if let ticket, item.allowedIn.contains(ticket) { return false }
            return item.needles.contains { comparable.contains($0) }
        }
    }
}
