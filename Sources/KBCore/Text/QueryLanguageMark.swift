/// Marks a query phrase with the language it is to be analysed in: `\u{1}en\u{1}cancellation`.
///
/// A ticket index holds tickets of several languages, each stemmed with its own stemmer, so a query word is looked
/// up in every language the documents use ("cancellation" is `cancel` in English and `cancellation` in Spanish).
/// FTS5 hands each quoted phrase of a MATCH expression to kb's tokenizer with no context; the mark tells it which
/// analyzer to use. It is honoured only for query text (`FTS5_TOKENIZE_QUERY`), never for documents, and it cannot
/// come from a user: the query builder writes phrases from analysed words, and the analyzer treats control
/// characters as separators.
public enum QueryLanguageMark {
    static let delimiter: UInt8 = 0x01

    /// `text` marked to be analysed in `language`.
    public static func marking(_ text: String, as language: Language) -> String {
        "\u{1}" + language.rawValue + "\u{1}" + text
    }

    /// The language a phrase is marked with and the byte offset of its text, or nil when it carries no mark.
    public static func split(_ utf8: UnsafeBufferPointer<UInt8>) -> (language: Language, offset: Int)? {
        guard utf8.count >= 4, utf8[0] == delimiter, utf8[3] == delimiter,
              let language = Language(rawValue: String(decoding: UnsafeBufferPointer(rebasing: utf8[1..<3]), as: UTF8.self))
        else { return nil }
        return (language, 4)
    }

    /// The language of a marked string and its unmarked text; nil language when unmarked.
    public static func split(_ text: String) -> (language: Language?, text: String) {
        var copy = text
        let found = copy.withUTF8 { split($0) }
        guard let found else { return (nil, text) }
        return (found.language, String(decoding: Array(text.utf8)[found.offset...], as: UTF8.self))
    }
}
