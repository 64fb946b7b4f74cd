/// Deterministic, realistic demo tickets in kb's native JSON Lines format, for demos and benchmarks.
///
/// The same seed gives the same bytes on every platform: all randomness comes from SplitMix64
/// streams (one per ticket, so any ticket can be produced alone), time zones use written-out rules
/// and no floating-point function from the C library is involved. Tickets are drawn from recurring
/// problem families (`families`) plus one-off requests, are created between 2025-01-01 and
/// 2026-10-31 with ids that grow with time, and carry full timelines cut at `snapshot`, so the
/// newest ones are still open.
public struct TicketGenerator: Sendable {
    /// The seed every ticket's random stream derives from.
    public let seed: UInt64

    /// A generator whose output depends on nothing but `seed`.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The "now" of the generated data: later events are not written, so tickets still in progress stay open.
    public static let snapshot = Timestamp(seconds: windowEnd + 3599)

    /// Writes `count` tickets, one JSON line each (without the newline), in id order.
    public func writeJSONLines(count: Int, to sink: (String) throws -> Void) rethrows {
        guard count > 0 else { return }
        var scratch = Scratch()
        for index in 0..<count {
            try sink(line(at: index, count: count, scratch: &scratch))
        }
    }

    /// The JSON line of ticket `index` (0-based) of a run of `count` tickets, as `writeJSONLines` writes it.
    public func line(at index: Int, count: Int) -> String {
        var scratch = Scratch()
        return line(at: index, count: count, scratch: &scratch)
    }

    /// The id of ticket `index` (0-based): `T-0000001`; seven digits keep a million tickets in sorted order.
    public static func ticketID(at index: Int) -> String {
        var writer = Writer(capacity: 12)
        writer.raw("T-")
        writer.padded(index + 1, width: 7)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The recurring family of ticket `index`, or nil for a one-off ticket; independent of the run's count.
    public func family(ofTicketAt index: Int) -> String? {
        let family = TicketGenerator.allFamilies[origin(of: index).family]
        return family.recurring ? family.id : nil
    }

    /// Families first, then one-offs: indexes into this array identify a ticket's family.
    static let allFamilies: [Family] = families + oneOffs
    static let familyWeights: [Int] = cumulative(allFamilies.map(\.weight))
    static let maximumBurst: Double = allFamilies.map(\.burst).max() ?? 0
    /// Longest run of tickets reporting the same outage after the first.
    static let maximumBurstDepth = 3

    /// Where a ticket comes from: its family and, for an outage reported by several customers,
    /// the first ticket of that outage.
    struct Origin {
        var family: Int
        var leader: Int
        var depth: Int
    }

    /// Draw 0 of each ticket's stream decides whether it follows the previous ticket's outage, draw 1
    /// picks its own family; both only depend on the seed and the index.
    func origin(of index: Int) -> Origin {
        var start = index
        while start > 0, firstDraws(start).follow < TicketGenerator.maximumBurst { start -= 1 }
        var current = Origin(family: firstDraws(start).family, leader: start, depth: 0)
        var next = start + 1
        while next <= index {
            let draws = firstDraws(next)
            if draws.follow < TicketGenerator.allFamilies[current.family].burst,
               current.depth < TicketGenerator.maximumBurstDepth {
                current.depth += 1
            } else {
                current = Origin(family: draws.family, leader: next, depth: 0)
            }
            next += 1
        }
        return current
    }

    private func firstDraws(_ index: Int) -> (follow: Double, family: Int) {
        var random = Random(seed: seed, stream: UInt64(index))
        let follow = random.unit()
        return (follow, random.weighted(TicketGenerator.familyWeights))
    }

    /// Creation instant of a ticket: the leader's place in the window, later reports of the same outage a few minutes after it.
    func creationTime(of index: Int, origin: Origin, count: Int) -> Int64 {
        var leaderRandom = Random(seed: seed, stream: UInt64(origin.leader))
        _ = leaderRandom.next()
        _ = leaderRandom.next()
        var time = TicketGenerator.creationTime(index: origin.leader, count: count, jitter: leaderRandom.unit())
        if origin.depth > 0 {
            var random = Random(seed: seed, stream: UInt64(index) ^ 0x5EED_F011_0000_0000)
            time += Int64(origin.depth) * 15 * 60 + Int64(random.int(0...(14 * 60)))
        }
        return min(time, TicketGenerator.windowEnd + 3000)
    }
}
