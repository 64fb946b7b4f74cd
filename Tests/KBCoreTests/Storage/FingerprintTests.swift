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

    /// The documents' fingerprint (schema 3 on): pinned values, so a change to the function fails here rather than
    /// turning every re-import into "updated".
    @Test(arguments: [
        ("", 0x9CA0_66F1_A4AB_2EEA as UInt64),
        ("a", 0x3E6A_7722_12B5_27DD),
        ("foobar", 0xD2D1_705E_3D07_713F),
        (#"{"id":"T-1","title":"Caída"}"#, 0x9B78_64B4_4CAD_22CC),
    ])
    func documentFingerprintKnownValues(text: String, value: UInt64) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { DocumentFingerprint.hash($0) } == value)
    }

    /// One changed byte anywhere, or one more zero byte, changes the fingerprint, whatever the length.
    @Test func documentFingerprintSeesEveryByte() {
        for length in 0..<70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let original = bytes.withUnsafeBufferPointer { DocumentFingerprint.hash($0) }
            #expect((bytes + [0]).withUnsafeBufferPointer { DocumentFingerprint.hash($0) } != original)
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= 0x01
                #expect(changed.withUnsafeBufferPointer { DocumentFingerprint.hash($0) } != original, "length \(length), byte \(index)")
            }
        }
    }
}
