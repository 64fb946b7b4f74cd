/// Function words of ranked *queries*: weighed down when ranking tickets (`queryWeight`), dropped when matching
/// articles; never removed from the index ("no" and "sin" carry meaning in support text, and phrase queries need
/// every word).
///
/// BM25 already gives such words little weight, but a question ("¿Cuántos puntos dejaron escapar en
/// defensa los Panthers?") spends part of its score on them. The lists are short on purpose: articles,
/// prepositions, pronouns, auxiliaries.
public enum StopWords {
    /// The share of its idf a function word keeps when ranking tickets: dropping them lost words that tell short
    /// requests apart ("why is my card declined" against "my card was declined"); weighing them fully lets them
    /// outweigh the topic. Measured with `kb-bench relevance` (dropped → weight 0.3): BANKING77 success@1 on every other
    /// test query, English workspace, 0.7844 → 0.8117; xquad-es MRR@10 0.9642 → 0.9649, xquad-en 0.9654 → 0.9681,
    /// cranfield nDCG@10 0.3757 → 0.3770.
    public static let queryWeight = 0.3

    public static let spanish: [String] = [
        "a", "al", "algo", "algunas", "algunos", "ante", "como", "con", "cual", "cuales", "cuando", "cuanto",
        "cuantos", "cuantas", "de", "del", "desde", "donde", "durante", "e", "el", "ella", "ellas", "ellos",
        "en", "entre", "era", "es", "esa", "esas", "ese", "eso", "esos", "esta", "estas", "este", "esto",
        "estos", "fue", "fueron", "ha", "han", "hasta", "la", "las", "le", "les", "lo", "los", "me", "mi",
        "mis", "muy", "nos", "o", "para", "pero", "por", "porque", "que", "qué", "quien", "quienes", "se",
        "ser", "si", "sobre", "son", "su", "sus", "te", "tu", "un", "una", "unas", "uno", "unos", "y", "ya",
        "cuál", "cuáles", "cuándo", "cuánto", "cuántos", "cuántas", "dónde", "quién", "quiénes", "cómo",
    ]

    public static let english: [String] = [
        "a", "about", "an", "and", "are", "as", "at", "be", "been", "being", "by", "can", "could", "did", "do",
        "does", "for", "from", "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me",
        "my", "of", "on", "or", "our", "she", "he", "so", "than", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "those", "to", "was", "we", "were", "what", "when", "where", "which",
        "who", "whom", "why", "will", "with", "would", "you", "your", "after", "again", "against", "all",
        "am", "any", "because", "before", "below", "between", "both", "doing", "down", "each", "few",
        "further", "having", "her", "here", "hers", "herself", "him", "himself", "his", "itself", "just",
        "more", "most", "myself", "nor", "off", "once", "only", "other", "ours", "out", "over", "own", "same",
        "should", "some", "such", "through", "too", "under", "until", "up", "very", "while", "yours",
        "themselves", "during", "above", "many", "much", "also", "not", "no",
    ]

    /// A language's list, as written.
    public static func words(of language: Language) -> [String] {
        switch language {
        case .spanish: spanish
        case .english: english
        }
    }

    /// The analysed terms of a language's list, as the query words carry them.
    public static func terms(for language: Language) -> Set<String> {
        let analyzer = Analyzer(language: language)
        return Set(words(of: language).flatMap { analyzer.terms($0) })
    }
}
