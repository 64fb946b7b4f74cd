extension Language {
    /// The language a tag names, by its primary subtag or name: `es`, `es-CL`, `es_419`, `spa`, `Spanish`,
    /// `español`; `en`, `en-US`, `eng`, `English`, `inglés`. Nil for any other language (kb then analyses the text in
    /// the workspace's language).
    public init?(tag: String) {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        switch primary {
        case "es", "spa", "spanish", "español", "espanol", "castellano": self = .spanish
        case "en", "eng", "english", "inglés", "ingles": self = .english
        default: return nil
        }
    }

    /// Whether `tag` looks like a language tag or name: 1 to 35 letters, digits, `-` or `_`, starting with a letter.
    public static func isWellFormedTag(_ tag: String) -> Bool {
        guard let first = tag.unicodeScalars.first, first.properties.isAlphabetic, tag.unicodeScalars.count <= 35 else {
            return false
        }
        return tag.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
