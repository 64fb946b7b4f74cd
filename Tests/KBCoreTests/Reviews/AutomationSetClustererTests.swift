import Testing
@testable import KBCore

@Suite struct AutomationSetClustererTests {
    @Test func similarSetsJoinTheirLeader() {
        var clusterer = AutomationSetClusterer(threshold: 0.8, documentFrequency: Array(repeating: 1, count: 10))
        #expect(clusterer.assign([0, 1, 2, 3]).leader == 0)
        let joined = clusterer.assign([0, 1, 2, 3, 4])    // 4 of 5: exactly 0.8
        #expect(joined.leader == 0)
        #expect(abs(joined.similarity - 0.8) < 1e-12)
        #expect(clusterer.assign([0, 1, 2, 5, 6]).leader == 1)  // 3 of 6
        #expect(clusterer.assign([6, 5, 2, 1, 0]).leader == 1)  // order does not matter
        #expect(clusterer.leaders.count == 2)
    }

    /// Prefix filtering must find exactly the leader a comparison with every leader finds.
    @Test(arguments: [0.3, 0.5, 0.8])
    func prefixFilteringMatchesBruteForce(threshold: Double) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let vocabulary = 40
        var sets: [[Int32]] = []
        for _ in 0..<400 {
            var set = Set<Int32>()
            // Skewed draws: low ids are common, as real terms are.
            for _ in 0..<(2 + next(6)) { set.insert(Int32(min(next(vocabulary), next(vocabulary)))) }
            sets.append(Array(set))
        }
        var frequency = [Int](repeating: 0, count: vocabulary)
        for set in sets { for term in set { frequency[Int(term)] += 1 } }

        var clusterer = AutomationSetClusterer(threshold: threshold, documentFrequency: frequency)
        var leaders: [Set<Int32>] = []
        for set in sets {
            let found = clusterer.assign(set)
            var expected: (leader: Int, similarity: Double)?
            for (index, leader) in leaders.enumerated() {
                let similarity = Double(leader.intersection(set).count) / Double(leader.union(set).count)
                if similarity + 1e-9 >= threshold, expected == nil || similarity > expected!.similarity + 1e-12 {
                    expected = (index, similarity)
                }
            }
            if let expected {
                #expect(found.leader == expected.leader)
            } else {
                #expect(found.leader == leaders.count)
                leaders.append(Set(set))
            }
        }
    }
}
