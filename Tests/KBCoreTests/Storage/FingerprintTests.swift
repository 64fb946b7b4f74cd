import Testing
@testable import KBCore

/// Stored tickets keep an FNV-1a fingerprint; a re-import is "unchanged" only while the function stays the same.
@Suite struct FingerprintTests {
    @Test(arguments: [
        ("", "cbf29ce484222325"),
        ("a", "af63dc4c8601ec8c"),
        ("foobar", "85944171f73967e8"),
    ])
    func knownValues(text: String, hex: String) {
        #expect(FNV1a.hex(text) == hex)
        #expect(FNV1a.hex(Array(text.utf8)) == hex)
    }

    /// The word-at-a-time loop against the textbook byte loop, for every length around the eight-byte steps.
    @Test func bufferLoopMatchesTheByteLoop() {
        var bytes: [UInt8] = []
        for length in 0..<70 {
            var reference: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { reference = (reference ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            #expect(bytes.withUnsafeBufferPointer { FNV1a.hash64($0) } == reference)
            #expect(FNV1a.hash64(bytes.lazy.map { $0 }) == reference)
            let digits = String(reference, radix: 16)
            #expect(FNV1a.hex(bytes) == String(repeating: "0", count: 16 - digits.count) + digits)
            bytes.append(UInt8(truncatingIfNeeded: length &* 37 &+ 200))
        }
    }
}
