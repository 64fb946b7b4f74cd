import Foundation
import KBCore

/// English tickets in a Spanish workspace: the Kaggle "Customer Support Ticket Dataset" (8,469 tickets, CC0) imported
/// with no language given. kb should stem them as English, so that `--mode all cancel` finds the tickets that say
/// "cancellation", "cancelled" or "canceling". Counts how many of the tickets holding a word that starts with
/// "cancel" each query finds.
struct EnglishTicketsCheck {
    let file: URL

    static let name = "english-tickets"
    static let queries = ["cancel", "cancellation", "cancelled", "canceling"]

    func run() throws -> [String] {
        let table = try CSVTable(path: file.path)
        var lines: [String] = []
        var holdsCancel = Set<String>()
        for (index, row) in table.rows.enumerated() {
            let id = "E-" + String(index + 1).leftPadded(5).replacingOccurrences(of: " ", with: "0")
            let ticket = BenchWorkspace.TicketLine(
                id: id, title: table.value(row, "Ticket Subject"), description: table.value(row, "Ticket Description"),
                resolution: table.value(row, "Resolution").isEmpty ? nil : table.value(row, "Resolution"))
            lines.append(ticket.json)
            let text = (ticket.title + " " + ticket.description + " " + (ticket.resolution ?? "")).lowercased()
            if PlainFTS5Index.words(in: text).contains(where: { $0.hasPrefix("cancel") }) { holdsCancel.insert(id) }
        }
        let workspace = try BenchWorkspace(name: EnglishTicketsCheck.name, language: .spanish, ticketLines: lines)
        defer { workspace.close() }
        var filters = SearchFilters()
        filters.type = .ticket
        filters.limit = lines.count
        var report = ["\(lines.count) English tickets in a Spanish workspace; \(holdsCancel.count) hold a word starting with \"cancel\""]
        for query in EnglishTicketsCheck.queries {
            let found = try workspace.engine.search(query, mode: .all, filters: filters).results.map(\.id)
            let cancelFound = found.filter { holdsCancel.contains($0) }.count
            report.append("  kb search --mode all \"\(query)\": \(found.count) tickets, \(cancelFound) of the \"cancel…\" ones")
        }
        return report
    }
}
