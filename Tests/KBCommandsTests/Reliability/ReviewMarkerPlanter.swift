import Foundation
import KBCore
import KBTestSupport

/// Plants unique markers in generated tickets: in everything a customer review must hide (internal notes, their
/// authors, attachments and vendors, every event's author, assignee, level, tags, extra fields, internal and
/// unvalidated articles) and in the public fields each ticket may show only in its own review (title,
/// description, resolution, root cause, customer name).
///
/// A marker is `qzv`, a letter naming where it was planted and four letters counting markers: letters only, so
/// no escaping (HTML, JSON, Markdown) splits it and the redactor never takes it for a phone number or a key.
/// Any `qzv…` run in a customer review that is not a public marker of the reviewed ticket is a leak.
struct ReviewMarkerPlanter {
    /// Where a marker was planted; its raw value is the letter after `qzv`.
    enum Place: Character, CaseIterable {
        case note = "n", noteAuthor = "a", attachment = "f", vendor = "v", eventAuthor = "p", assignee = "s"
        case level = "l", tag = "g", extra = "x", article = "k"
        case title = "t", description = "d", resolution = "r", rootCause = "o", customer = "c"

        /// Places a ticket's own customer review may show.
        var isPublic: Bool { [.title, .description, .resolution, .rootCause, .customer].contains(self) }
    }

    static let prefix = "qzv"
    /// Articles the tickets link: internal and unvalidated ones (their titles hold markers) and one public one.
    static let articleIDs = ["KB-9001", "KB-9002", "KB-9003"]

    var generator: SeededGenerator
    private var count = 0
    /// Public marker → the ticket it belongs to.
    private(set) var publicOwner: [String: String] = [:]
    /// Every hidden marker, by ticket (articles under "").
    private(set) var hidden: [String: [String]] = [:]
    /// Internal notes planted, by kind of planting, to show every trick was tried.
    private(set) var tricks: [String: Int] = [:]

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed ^ 0x9E37_79B9)
    }

    /// A new marker for `place`, recorded as hidden or as a public field of `ticketID`.
    mutating func marker(_ place: Place, ticket ticketID: String) -> String {
        var number = count
        count += 1
        var letters = ""
        for _ in 0..<4 {
            letters.append(Character(Unicode.Scalar(UInt8(97 + number % 26))))
            number /= 26
        }
        let marker = Self.prefix + String(place.rawValue) + letters
        if place.isPublic { publicOwner[marker] = ticketID } else { hidden[ticketID, default: []].append(marker) }
        return marker
    }

    /// Markers a customer review of `ticketID` may show: its own public ones.
    func allowed(for ticketID: String) -> Set<String> {
        Set(publicOwner.filter { $0.value == ticketID }.keys)
    }

    /// `count` generated tickets of `seed`, planted, as JSON Lines.
    mutating func plantedTickets(seed: UInt64, count: Int) throws -> (jsonl: String, tickets: [Ticket]) {
        var jsonl = ""
        var tickets: [Ticket] = []
        try TicketGenerator(seed: seed).writeJSONLines(count: count) { line in
            let ticket = plant(try Ticket(json: JSONParser().parse(line)))
            jsonl += ticket.jsonText() + "\n"
            tickets.append(ticket)
        }
        return (jsonl, tickets)
    }

    /// `ticket` with markers everywhere.
    mutating func plant(_ original: Ticket) -> Ticket {
        var ticket = original
        let id = ticket.id
        // Workarounds and misuse make the actions and training a customer review keeps.
        if generator.chance(0.6) { ticket.resolution = ticket.resolution.map { $0 + " Solución temporal mientras tanto." } }
        if generator.chance(0.4) { ticket.rootCause = ticket.rootCause.map { $0 + " (uso incorrecto del portal)" } }
        ticket.title += " " + marker(.title, ticket: id)
        ticket.description += " (" + marker(.description, ticket: id) + ")"
        ticket.resolution = ticket.resolution.map { $0 + " " + marker(.resolution, ticket: id) + "." }
        ticket.rootCause = ticket.rootCause.map { marker(.rootCause, ticket: id) + ": " + $0 }
        ticket.customer = "Cliente " + marker(.customer, ticket: id)
        ticket.assignee = marker(.assignee, ticket: id)
        if ticket.level != nil { ticket.level = marker(.level, ticket: id) }
        ticket.tags.append(marker(.tag, ticket: id))
        ticket.extra["nota_interna"] = "ver " + marker(.extra, ticket: id)
        ticket.articles = Self.articleIDs

        // Some escalations to vendors become public: the customer view must still hide which vendor.
        for index in ticket.events.indices where ticket.events[index].kind == .escalation && generator.chance(0.3) {
            ticket.events[index].visibility = .public
        }
        let publicEvents = ticket.events.filter { $0.visibility == .public }
        for index in ticket.events.indices {
            if ticket.events[index].to?.hasPrefix("vendor:") == true {
                ticket.events[index].to = "vendor:" + marker(.vendor, ticket: id)
            }
            guard ticket.events[index].visibility == .internal else {
                ticket.events[index].author = marker(.eventAuthor, ticket: id)
                continue
            }
            ticket.events[index].author = marker(.noteAuthor, ticket: id)
            if !ticket.events[index].attachments.isEmpty || generator.chance(0.2) {
                ticket.events[index].attachments.append(Attachment(name: marker(.attachment, ticket: id) + ".pcap", kind: "log"))
            }
            let note = marker(.note, ticket: id)
            let (trick, text, twin) = tricky(note: note, text: ticket.events[index].text, publicEvents: publicEvents)
            ticket.events[index].text = text
            if let twin {
                // The note copies a public event's instant and kind as well as its text (kinds that need more
                // fields keep the note's own).
                ticket.events[index].at = twin.at
                if ![.escalation, .severityChange, .status].contains(twin.kind) { ticket.events[index].kind = twin.kind }
            }
            tricks[trick, default: 0] += 1
        }
        ticket.events.sort { $0.at < $1.at }
        return ticket
    }

    /// An internal note carrying `note` in one of several tricky ways; the public event it imitates, if any.
    mutating func tricky(note: String, text: String, publicEvents: [TicketEvent]) -> (String, String, TicketEvent?) {
        let twin = publicEvents.isEmpty ? nil : generator.pick(publicEvents)
        let publicWords = (twin?.text ?? text).split(separator: " ").map(String.init)
        switch Int.random(in: 0..<7, using: &generator) {
        case 0:
            return ("prefix", note + " " + text, nil)
        case 1:
            // The public text with the marker spliced between two of its words.
            var words = publicWords
            words.insert(note, at: Int.random(in: 0...words.count, using: &generator))
            return ("spliced", words.joined(separator: " "), nil)
        case 2:
            // The marker glued to a word of the public text, as if it were part of that word.
            var words = publicWords
            let position = Int.random(in: 0..<max(words.count, 1), using: &generator)
            if words.isEmpty { words = [note] } else { words[position] = generator.chance(0.5) ? words[position] + note : note + words[position] }
            return ("glued", words.joined(separator: " "), nil)
        case 3:
            return ("markup", """
                <b>\(note.uppercased())</b> & "ñandú" ñandu\u{303} <script>alert('\(note)')</script> &lt;\(note)&gt; ¿Qué? \
                «\(note)» **\(note)** [\(note)](https://example.com/\(note)) `\(note)` <!-- \(note) --> {{\(note)}} \(text)
                """, nil)
        case 4:
            return ("lines", "\(text)\n\n## \(note)\n\n| \(note) | x |\n|---|---|\n> \(note)\n", nil)
        case 5:
            // A twin of a public event: same instant, kind and text, plus the marker.
            return ("twin", (twin?.text ?? text) + " " + note, twin)
        default:
            return ("accents", "ÁÉÍÓÚ Ñ \(note)ción — «\(note)» Ü", nil)
        }
    }

    /// Articles the tickets link: an internal one and an unvalidated customer one whose titles hold markers,
    /// and a validated customer one a customer review may list.
    mutating func articleFiles() -> [(path: String, text: String)] {
        let internalTitle = "Procedimiento interno " + marker(.article, ticket: "")
        let draftTitle = "Borrador " + marker(.article, ticket: "")
        func article(_ id: String, _ title: String, state: String, audience: String) -> String {
            """
            ---
            id: \(id)
            title: \(title)
            state: \(state)
            audience: \(audience)
            services: [portal, mensajeria, llamadas, webchat, reportes, estadisticas, contrasenas, documentacion]
            ---
            ## Problema
            El servicio no responde o los mensajes no llegan.

            ## Solución
            Reiniciar el servicio y confirmar con el cliente.
            """
        }
        return [
            ("kb/articles/interno.md", article(Self.articleIDs[0], internalTitle, state: "validated", audience: "internal")),
            ("kb/articles/borrador.md", article(Self.articleIDs[1], draftTitle, state: "wip", audience: "customer")),
            ("kb/articles/publico.md", article(Self.articleIDs[2], "Guía pública del servicio", state: "validated",
                                               audience: "customer")),
        ]
    }

    /// Every `qzv…` run in `text` (case ignored), with the text around it.
    static func markers(in text: String) -> [(marker: String, context: String)] {
        let bytes = Array(text.lowercased().utf8)
        let needle = Array(prefix.utf8)
        var found: [(String, String)] = []
        var index = 0
        while index + needle.count <= bytes.count {
            guard bytes[index] == needle[0], bytes[index + 1] == needle[1], bytes[index + 2] == needle[2] else {
                index += 1
                continue
            }
            var end = index + needle.count
            while end < bytes.count, (97...122).contains(bytes[end]) { end += 1 }
            let around = bytes[max(0, index - 60)..<min(bytes.count, end + 40)]
            found.append((String(decoding: bytes[index..<end], as: UTF8.self), String(decoding: around, as: UTF8.self)))
            index = end
        }
        return found
    }
}
