import KBCore

/// The language of a page: `?lang=es|en` first, then the `Accept-Language` header (RFC 9110 §12.5.4),
/// else Spanish, the team's language.
public enum LanguagePreference {
    /// The language for `request`; an unknown `?lang=` value is a 400 naming the parameter.
    public static func resolve(_ request: HTTPRequest, default fallback: Language = .spanish) throws(Problem) -> Language {
        if let code = request.query["lang"] {
            guard let language = Language(rawValue: code.lowercased()) else {
                throw Problem.invalidField("lang", "problem.lang", ["found": String(code.prefix(40))])
            }
            return language
        }
        return fromAcceptLanguage(request.headers["Accept-Language"]) ?? fallback
    }

    /// The language of a problem answer (`application/problem+json`): as a page's, `fallback` (the workspace's, Spanish
    /// by default) unless `?lang=` or `Accept-Language` asks for another; `fallback` too when `?lang=` names a
    /// language kb does not speak (the problem then says so).
    public static func problemLanguage(_ request: HTTPRequest, default fallback: Language) -> Language {
        (try? resolve(request, default: fallback)) ?? fallback
    }

    /// The best of kb's languages in an `Accept-Language` value (`en-US,en;q=0.9,es;q=0.5` is English), or nil
    /// when it names none of them (`*` included: the default applies). Only the primary subtag counts: `es-CL` and `es-419` are Spanish.
    public static func fromAcceptLanguage(_ header: String?) -> Language? {
        guard let header else { return nil }
        var best: (language: Language, quality: Double)?
        for member in header.split(separator: ",") {
            let pieces = member.split(separator: ";")
            guard let tag = pieces.first?.trimmingSpaces.lowercased(), !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() {
                let pair = parameter.trimmingSpaces.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].lowercased() == "q", let value = Double(pair[1]), (0...1).contains(value) {
                    quality = value
                }
            }
            let primary = tag.split(separator: "-", maxSplits: 1).first.map(String.init) ?? tag
            guard let language = Language(rawValue: primary), quality > 0 else { continue }
            // Equal qualities keep the earlier tag: the client listed it first.
            if best == nil || quality > best!.quality { best = (language, quality) }
        }
        return best?.language
    }
}
