import Foundation
import KBCore

/// Held-out evaluation of `kb suggest`: for tickets of a recurring problem family that are not in the
/// store, is a ticket or article of the same family among the top 3 solutions?
struct SuggestEvaluation {
    let tickets: Int
    let holdOutEvery: Int

    init(arguments: [String]) throws {
        let parsed = try BenchArguments(arguments, allowed: ["--tickets", "--hold-out-every"])
        tickets = try parsed.int("--tickets", 600)
        holdOutEvery = try parsed.int("--hold-out-every", 10)
    }

    func run() throws {
        let generator = TicketGenerator(seed: 42)
        var kept: [String] = []
        var heldOut: [(ticket: Ticket, family: String)] = []
        var familyOfID: [String: String] = [:]
        for index in 0..<tickets {
            let line = generator.line(at: index, count: tickets)
            let family = generator.family(ofTicketAt: index)
            let id = TicketGenerator.ticketID(at: index)
            if let family { familyOfID[id] = family }
            if let family, index % holdOutEvery == holdOutEvery - 1,
               let ticket = try? Ticket(json: JSONParser().parse(line)), ticket.isDone {
                heldOut.append((ticket, family))
            } else {
                kept.append(line)
            }
        }
        let workspace = try BenchWorkspace(name: "suggest-eval", language: .spanish,
                                           copying: ["kb/articles", "kb/policy.json", "kb/synonyms.txt"], ticketLines: kept)
        defer { workspace.close() }
        let articleFamilies = Dictionary(TicketGenerator.families.compactMap { family in family.article.map { ($0, family.id) } },
                                         uniquingKeysWith: { first, _ in first })
        let suggester = workspace.suggester
        var hits = 0
        var perFamily: [String: (hits: Int, total: Int)] = [:]
        for (ticket, family) in heldOut {
            let request = IntakeRequest(title: ticket.title, description: ticket.description, customer: ticket.customer,
                                        receivedAt: ticket.createdAt)
            let top = try suggester.suggest(request).solutions.prefix(3)
            let hit = top.contains { solution in
                solution.type == .ticket ? familyOfID[solution.id] == family : articleFamilies[solution.id] == family
            }
            if hit { hits += 1 }
            perFamily[family, default: (0, 0)].total += 1
            if hit { perFamily[family, default: (0, 0)].hits += 1 }
        }
        print("held-out tickets of recurring families: \(heldOut.count) (every \(holdOutEvery)th family ticket of \(tickets))")
        print("same family in the top 3 suggestions: \(hits)/\(heldOut.count) = \(fixed(Double(hits) / Double(max(heldOut.count, 1)) * 100, 1))%")
        for (family, score) in perFamily.sorted(by: { $0.key < $1.key }) where score.hits < score.total {
            print("  misses in \(family): \(score.total - score.hits) of \(score.total)")
        }
    }
}
