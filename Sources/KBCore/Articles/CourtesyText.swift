import Foundation

/// Tells the courtesy of support replies ("Estimado/a …: estamos revisando", "Gracias por su paciencia",
/// "quedamos atentos", "We are looking into it") from what was done, sentence by sentence.
enum CourtesyText {
    /// Phrases, folded (lower case, no accents), that make a sentence courtesy wherever they appear.
    static let phrases: [String] = [
        // Spanish greetings, thanks, apologies, promises and sign-offs.
        "estimad", "hola", "buenos dias", "buenas tardes", "buenas noches", "saludos", "atentamente", "cordialmente",
        "gracias", "agradec", "disculp", "lamenta", "perdon", "molestias", "paciencia", "quedamos atent", "quedo atent",
        "atentos a", "estamos revisando", "estamos trabajando", "estamos analizando", "estamos investigando",
        "estamos atendiendo", "ya estamos", "el equipo ya", "seguimos monitoreando", "seguimos revisando",
        "seguimos trabajando", "seguimos investigando", "seguimos con", "seguimos atent", "continuamos",
        "seguiremos", "le mantendremos", "les mantendremos", "mantendremos informad", "le informaremos",
        "les informaremos", "le confirmaremos", "les confirmaremos", "le avisaremos", "les avisaremos",
        "le contactaremos", "nos comunicaremos", "tomamos su solicitud", "hemos recibido", "recibimos su",
        "detectamos un incidente", "puede afectarles", "cualquier consulta", "no dude", "quedamos a su disposicion",
        "a su disposicion", "ya esta operativo", "ya esta resuelto", "ya funciona", "confirmar si", "nos confirma",
        // English.
        " dear ", "hello", " hi ", "thank", "apolog", "sorry", "patience", "inconvenience", "we are looking",
        "we're looking", "we are investigating", "we're investigating", "we are working", "we're working",
        "we are reviewing", "keep you posted", "keep you updated", "keep you informed", "we will update",
        "we'll update", "we will let you know", "we'll let you know", "let us know", "regards", "we have received",
        "we received your", "is operational again", "please confirm", "any questions",
    ]

    /// The sentences of `text` (split at `.`, `!`, `?`, `;` and, unless `keepingColons`, `:` followed by a space, and
    /// at line breaks), trimmed, without the empty ones.
    static func sentences(_ text: String, keepingColons: Bool = false) -> [String] {
        let ends = keepingColons ? ".!?;" : ".!?:;"
        var sentences: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            if character == "\n" || character == " " && ends.contains(previous) {
                sentences.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        sentences.append(current)
        return sentences.map { TextLines.trimmed($0.trimmingSuffix(".;:")) }.filter { !$0.isEmpty }
    }

    /// True when the sentence is courtesy or a question to the customer, not something done.
    static func isCourtesy(_ sentence: String) -> Bool {
        if sentence.contains("?") || sentence.contains("¿") { return true }
        let folded = " " + fold(sentence) + " "
        return phrases.contains { folded.contains($0) }
    }

    /// Lower case without accents, for matching phrases.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
    }
}

private extension String {
    /// The string without trailing characters of `set`.
    func trimmingSuffix(_ set: String) -> String {
        var result = self
        while let last = result.last, set.contains(last) { result.removeLast() }
        return result
    }
}
