/// The words of kb's documents in one language: every heading, label and sentence a review, summary, index,
/// automation report, training guide or article draft shows, and the severity names the CLI prints.
///
/// One catalogue per language (`Catalogue+Spanish.swift`, `Catalogue+English.swift`), each with the same keys,
/// so adding a language is adding one catalogue (and its `Language` case). Keys are dotted paths grouped by
/// where the words are used (`review.heading.summary`, `severity.name.5`); a value may hold `{name}`
/// placeholders that code fills (`words("metric.time_to_escalation", ["target": "N2"])`). Templates see the
/// catalogue as the object `t` (`{{{t.review.heading.summary}}}`, see `TemplateSet`).
///
/// Catalogue words are kb's own text, like a template's: plain text valid in both Markdown and HTML (tests check
/// that no escaping would change them), so templates insert them as they are.
public struct Catalogue: Sendable {
    /// The language the words are in.
    public let language: Language
    /// Keys in the order the catalogue lists them.
    public let keys: [String]
    private let entries: [String: String]
    /// Keys listed twice; the later value wins. Always empty in a correct catalogue (the tests say so).
    let repeatedKeys: [String]

    init(language: Language, entries pairs: KeyValuePairs<String, String>) {
        var entries: [String: String] = [:]
        var keys: [String] = []
        var repeated: [String] = []
        for (key, value) in pairs {
            if entries.updateValue(value, forKey: key) == nil { keys.append(key) } else { repeated.append(key) }
        }
        self.language = language
        self.keys = keys
        self.entries = entries
        self.repeatedKeys = repeated
    }

    /// The catalogue of `language`.
    public static func of(_ language: Language) -> Catalogue {
        switch language {
        case .spanish: spanish
        case .english: english
        }
    }

    /// Whether the catalogue has a word for `key`.
    public func contains(_ key: String) -> Bool { entries[key] != nil }

    /// The word for `key`, as written (placeholders unfilled); `⟦key⟧` when the catalogue has none, so a missing
    /// word shows in whatever document uses it.
    public subscript(_ key: String) -> String {
        entries[key] ?? "⟦" + key + "⟧"
    }

    /// The text of `key` with each `{name}` placeholder replaced by `values[name]`; a placeholder without a value
    /// stays as written.
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        Self.fill(self[key], values)
    }

    /// The `{name}` placeholders of a text, in order (names are lower-case ASCII letters, digits and `_`).
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        _ = scan(text) { name in
            names.append(name)
            return nil
        }
        return names
    }

    static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty else { return text }
        return scan(text) { values[$0] }
    }

    /// Copies `text`, replacing each placeholder whose name `replacement` answers.
    private static func scan(_ text: String, _ replacement: (String) -> String?) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "{")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{") {
                var end = index + 1
                while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
                if end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: "}"),
                   let value = replacement(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)) {
                    out.append(contentsOf: value.utf8)
                    index = end + 1
                    continue
                }
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_")
    }
}

extension Language {
    /// The words of kb's documents in this language.
    public var catalogue: Catalogue { Catalogue.of(self) }
}
