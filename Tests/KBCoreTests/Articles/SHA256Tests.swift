import Testing
@testable import KBCore

@Suite struct SHA256Tests {
    /// FIPS 180-4 / NIST example vectors.
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func standardVectors(message: String, hex: String) {
        #expect(SHA256.hex(of: Array(message.utf8)) == hex)
    }

    @Test func millionAs() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(of: message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the 55/56/64-byte padding boundaries, fed whole and in uneven pieces.
    @Test(arguments: [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000])
    func incrementalMatchesOneShot(length: Int) {
        let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256()
        var offset = 0
        var piece = 1
        while offset < length {
            let end = min(length, offset + piece)
            hasher.update(message[offset..<end])
            offset = end
            piece = piece * 2 + 1
        }
        #expect(hasher.finalize() == SHA256.digest(of: message))
    }

    @Test func paddingBoundaryVector() {
        // 56 bytes forces the length into a second padding block.
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 56)
        #expect(SHA256.hex(of: message) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    }
}
