import Foundation
import Testing
import KBCore
import KBTestSupport

/// Kills `kb index` with SIGKILL at random moments over a workspace of 3,000 articles where a third changed,
/// some were removed and some added: the database stays intact and holds the index before or after the run,
/// never a mixture.
@Suite(.serialized, .enabled(if: BuiltBinary.kbURL != nil, "needs the built kb executable"))
struct IndexCrashSafetyTests {
    @Test func killedIndexLeavesBeforeOrAfter() throws {
        let corpus = try ArticleCorpus(count: 3_000)
        let started = Date()
        #expect(try BuiltBinary.run(["index"], in: corpus.root).code == 0)
        let fullRun = Date().timeIntervalSince(started)
        let before = try corpus.expectedIndex()
        #expect(try corpus.indexedState() == before)

        for index in stride(from: 0, to: 3_000, by: 3) { try corpus.write(index, word: "cambiado") }
        for index in stride(from: 1, to: 3_000, by: 10) { try corpus.remove(index) }
        for index in 3_000..<3_300 { try corpus.write(index, word: "nuevo") }
        let after = try corpus.expectedIndex()
        #expect(before != after)

        var generator = SeededGenerator(seed: 0x1DE8)
        var sawBefore = 0
        for attempt in 0..<6 {
            let process = try BuiltBinary.start(["index"], in: corpus.root)
            // Spread the kills over the whole run, reading and writing alike.
            let delay = Double.random(in: 0.05...(fullRun * 1.2), using: &generator)
            usleep(UInt32(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let state = try corpus.indexedState()
            #expect(state == before || state == after,
                    "attempt \(attempt) (killed after \(delay) s): \(state.count) articles, neither before nor after")
            if state == before { sawBefore += 1 } else { break }
        }
        let rerun = try BuiltBinary.run(["index"], in: corpus.root)
        #expect(rerun.code == 0)
        #expect(try corpus.indexedState() == after)
        // At least one kill landed before the commit, or the test did not test anything.
        #expect(sawBefore > 0)
    }
}
