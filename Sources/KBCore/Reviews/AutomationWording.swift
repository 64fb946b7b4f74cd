/// Picks the wording a proposal quotes from the ways its tickets wrote the same thing, so that no title shows a
/// person or a value that belongs to one ticket.
///
/// Rule: a wording is *personal* when the redactor finds anything in it (a person the tickets name — agent,
/// customer, contact —, an email, a phone…) or when it is a template instance: another wording of the group is the
/// same but for one word in the same place ("Favor cambiar la clave del agente vtorres" and "… del agente kdiaz":
/// that word is a user name, a case number, a date). The most written wording that is not personal is chosen
/// (ties: the shorter, then byte order); when every wording is, the most written one is shown with those words
/// replaced by "…" and what the redactor finds replaced by its placeholder.
enum AutomationWording {
    /// Longest wording, in words, compared for template slots.
    static let slotWordLimit = 40

    /// The wording to quote among `counts` (wording → times written).
    static func representative(_ counts: [String: Int], redactor: Redactor) -> String {
        let slots = variableSlots(Array(counts.keys))
        let ordered = counts.sorted { left, right in
            if left.value != right.value { return left.value > right.value }
            if left.key.utf8.count != right.key.utf8.count { return left.key.utf8.count < right.key.utf8.count }
            return left.key.utf8.lexicographicallyPrecedes(right.key.utf8)
        }
        if let clean = ordered.first(where: { slots[$0.key] == nil && redactor.findings(in: $0.key).isEmpty }) {
            return clean.key
        }
        guard let first = ordered.first?.key else { return "" }
        var words = first.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        for slot in slots[first] ?? [] where slot < words.count { words[slot] = "…" }
        return redactor.redact(words.joined(separator: " "))
    }

    /// Wording → word positions where another wording differs from it in that one word only.
    static func variableSlots(_ wordings: [String]) -> [String: Set<Int>] {
        var fillers: [String: Set<String>] = [:]
        var tokenized: [(String, [String])] = []
        for wording in wordings {
            // Case and accents aside: "contrasena" and "contraseña" are one word, not a slot.
            let words = wording.split(separator: " ", omittingEmptySubsequences: true).map { AccentFolding.fold(String($0)) }
            guard words.count <= slotWordLimit else { continue }
            tokenized.append((wording, words))
            for position in words.indices { fillers[skeleton(words, position), default: []].insert(words[position]) }
        }
        var slots: [String: Set<Int>] = [:]
        for (wording, words) in tokenized {
            for position in words.indices where (fillers[skeleton(words, position)]?.count ?? 0) > 1 {
                slots[wording, default: []].insert(position)
            }
        }
        return slots
    }

    private static func skeleton(_ words: [String], _ position: Int) -> String {
        var copy = words
        copy[position] = "\u{1}"
        return String(position) + "\u{2}" + copy.joined(separator: " ")
    }
}
