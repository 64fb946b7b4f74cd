import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// The compressor the store keeps ticket documents with: every input comes back byte for byte, and damaged blocks
/// are refused with an error, never a crash, an endless loop or an allocation the block cannot justify.
@Suite struct BlockCompressorTests {
    static func roundTrip(_ input: [UInt8]) throws -> [UInt8] {
        let block = BlockCompressor.compress(input)
        #expect(block.count <= input.count + 1, "a block is never more than one byte larger than its input")
        return try BlockCompressor.decompress(block)
    }

    @Test(arguments: [
        "", "a", "abc", String(repeating: "a", count: 15), String(repeating: "a", count: 16),
        String(repeating: "ab", count: 40_000), String(repeating: "x", count: 70_000),
        #"{"id":"T-1","title":"Caída","events":[]}"#,
        TicketFixtures.line(id: "T-ROUND-1", title: "No carga el portal"),
    ])
    func textRoundTrips(text: String) throws {
        #expect(try Self.roundTrip(Array(text.utf8)) == Array(text.utf8))
    }

    /// Random inputs of every texture: noise (stored), small alphabets (long matches, overlapping copies), and pieces
    /// of the dictionary (matches that start in it and run on into the output).
    @Test(arguments: 0..<8)
    func randomInputsRoundTrip(seed: Int) throws {
        var generator = SeededGenerator(seed: 0xB10C + UInt64(seed))
        for _ in 0..<60 {
            let length = Int.random(in: 0..<(seed == 7 ? 150_000 : 5_000), using: &generator)
            var input: [UInt8] = []
            input.reserveCapacity(length)
            let alphabet = UInt8.random(in: 1...255, using: &generator)
            while input.count < length {
                if generator.chance(0.1) {
                    let start = Int.random(in: 0..<BlockCompressor.dictionary.count, using: &generator)
                    input += BlockCompressor.dictionary[start..<min(start + Int.random(in: 1...80, using: &generator),
                                                                    BlockCompressor.dictionary.count)]
                } else if generator.chance(0.05), !input.isEmpty {
                    let start = Int.random(in: 0..<input.count, using: &generator)
                    input += input[start..<min(input.count, start + Int.random(in: 4...600, using: &generator))]
                } else {
                    input.append(UInt8.random(in: 0...alphabet, using: &generator))
                }
            }
            #expect(try Self.roundTrip(input) == input, "seed \(seed), length \(input.count)")
        }
    }

    /// Real tickets shrink: the generator's JSON lines to well under half.
    @Test func ticketsShrink() throws {
        let generator = TicketGenerator(seed: 7)
        var raw = 0
        var compressed = 0
        for index in 0..<200 {
            let line = Array(generator.line(at: index, count: 200).utf8)
            let block = BlockCompressor.compress(line)
            #expect(try BlockCompressor.decompress(block) == line)
            raw += line.count
            compressed += block.count
        }
        #expect(compressed * 2 < raw, "\(compressed) bytes for \(raw)")
    }

    @Test func namedDamageIsRefused() {
        #expect(throws: BlockCompressionError.empty) { try BlockCompressor.decompress([]) }
        #expect(throws: BlockCompressionError.unknownFormat(9)) { try BlockCompressor.decompress([9, 1, 2]) }
        // 1 GB declared in a 7-byte block.
        #expect(throws: BlockCompressionError.implausibleLength(1 << 30)) {
            try BlockCompressor.decompress([1, 0x80, 0x80, 0x80, 0x80, 0x04, 0x00])
        }
        // A match 20,000 bytes back, with 4 bytes of output and the dictionary behind it.
        #expect(throws: BlockCompressionError.badOffset(20_000, at: 2)) {
            try BlockCompressor.decompress([1, 8, 0x40, 1, 2, 3, 4, 0x20, 0x4E])
        }
        // A sequence writing past the declared 5 bytes.
        #expect(throws: BlockCompressionError.overrun(at: 2)) { try BlockCompressor.decompress([1, 5, 0x60, 1, 2, 3, 4, 5, 6]) }
        #expect(throws: BlockCompressionError.truncated(at: 3)) { try BlockCompressor.decompress([1, 9, 0x40, 1, 2, 3]) }
        #expect(throws: BlockCompressionError.trailingBytes(at: 5)) { try BlockCompressor.decompress([1, 2, 0x20, 1, 2, 0]) }
        #expect(throws: BlockCompressionError.truncated(at: 2)) { try BlockCompressor.decompress([1, 0x80]) }
    }

    /// Fuzz: flipped, dropped, inserted and cut bytes in valid blocks never crash; what decodes has its declared size.
    @Test(arguments: 0..<4)
    func damagedBlocksNeverCrash(seed: Int) {
        var generator = SeededGenerator(seed: 0xDA3A6E + UInt64(seed))
        let ticketGenerator = TicketGenerator(seed: UInt64(seed))
        var refused = 0
        for index in 0..<400 {
            let line = Array(ticketGenerator.line(at: index % 50, count: 50).utf8)
            var block = BlockCompressor.compress(line)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0:
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    block[Int.random(in: 1..<block.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
            case 1: block.removeLast(Int.random(in: 1..<block.count, using: &generator))
            case 2: block.remove(at: Int.random(in: 1..<block.count, using: &generator))
            case 3: block.insert(UInt8.random(in: 0...255, using: &generator), at: Int.random(in: 1..<block.count, using: &generator))
            default: block = (0..<Int.random(in: 1...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            }
            do {
                let output = try BlockCompressor.decompress(block)
                #expect(output.count <= block.count * 255 + 18)
            } catch {
                refused += 1
            }
        }
        #expect(refused > 200, "most damage is detected (\(refused) of 400 refused)")
    }

    /// An encoder kept from block to block (an import's reader) writes every block exactly as a fresh one would,
    /// whatever came before: larger and smaller inputs, stored ones, and one past the size at which it lets its
    /// buffers go.
    @Test func reusedEncoderWritesTheSameBlocks() throws {
        var generator = SeededGenerator(seed: 0xE7C0)
        let encoder = BlockCompressor.Encoder()
        let ticketGenerator = TicketGenerator(seed: 11)
        for index in 0..<120 {
            var input: [UInt8]
            switch index % 6 {
            case 0: input = Array(ticketGenerator.line(at: index, count: 120).utf8)
            case 1: input = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            case 2: input = Array(String(repeating: "ab", count: Int.random(in: 1...9_000, using: &generator)).utf8)
            case 3: input = (0..<3_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
            case 4 where index == 4:
                input = Array(String(repeating: #"{"kind":"comment","text":"sin servicio"}"#, count: 30_000).utf8)
            default: input = Array(BlockCompressor.dictionary.shuffled(using: &generator).prefix(2_000))
            }
            let block = input.withUnsafeBufferPointer { encoder.compress($0) }
            #expect(block == BlockCompressor.compress(input), "block \(index), \(input.count) bytes")
            let count = try block.withUnsafeBufferPointer { try BlockCompressor.decompressedCount($0) }
            #expect(count == input.count)
            var output = [UInt8](repeating: 0, count: count)
            try block.withUnsafeBufferPointer { block in
                try output.withUnsafeMutableBufferPointer { try BlockCompressor.decompress(block, into: $0) }
            }
            #expect(output == input, "block \(index)")
        }
    }

    /// A block written by kb before the encoder's search loop was rewritten on raw pointers (matches from the block and
    /// the dictionary, a long run, literals over 15): it still reads back, and today's encoder writes the same bytes.
    @Test func blocksOfEarlierKBStillReadAndAreWrittenTheSame() throws {
        let input = Array([
            #"{"id":"T-0000042","title":"Sin acceso al portal","description":"Buenos días, desde las 08:10 no "#,
            #"podemos entrar al portal de clientes; el portal muestra un error 502.","customer":"Aseguradora Q"#,
            #"uetzal","plan":"24x7","service":"portal","severity":2,"status":"closed","channel":"correo","assi"#,
            #"gnee":"tomas","level":"N2","created_at":"2025-01-01T06:25:05-06:00","resolved_at":"2025-01-01T15"#,
            #":40:01-06:00","closed_at":"2025-01-02T08:29:32-06:00","resolution":"Se reinició el balanceador d"#,
            #"el portal.","tags":["portal","acceso"],"articles":[],"events":[{"at":"2025-01-01T06:25:05-06:00""#,
            #","kind":"created","author":"tomas","visibility":"public","text":"Ticket generado a partir de un "#,
            #"correo del cliente"},{"at":"2025-01-01T07:03:39-06:00","kind":"assigned","author":"tomas","visib"#,
            #"ility":"internal","text":"Caso asignado a tomas"},{"at":"2025-01-01T09:48:45-06:00","kind":"comm"#,
            #"ent","author":"tomas","visibility":"public","text":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"#,
            #"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"#,
            #"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"#,
            #"aaaaaaaaaaaaaaaaaaaaaa"}]}"#,
        ].joined().utf8)
        let earlier = Self.bytes(fromHex: [
            "019c09058404103001001134b800038b04f10353696e2061636365736f20616c20706f7274eb000a9f04f6204275656e6f732064c3ad6173",
            "2c206465736465206c61732030383a3130206e6f20706f64656d6f7320656e747261724a00f40020646520636c69656e7465733b20656100",
            "f007206d75657374726120756e206572726f72203530322e180303500200ed04f101736567757261646f726120517565747a980003180541",
            "323478376e0104fe0405b90006810100f80402ee0107070200690202e90305220403e70210651204306f6d611d0205d103002a0103180304",
            "ad03f20532352d30312d30315430363a32353a30352d3036ac01047e020d2a006031353a34303a3600032a000296020b2800a5325430383a",
            "32393a33322800015200041604c05365207265696e696369c3b34b017062616c616e636522012520645b01004601031d0406150102e1011a",
            "222e040029040d1e040fde0007048a02052604058a020436010f8f020a1154a705502067656e65d5014020612070ba0400bb00000602028e",
            "0101c80003300208c00206960075373a30333a3339220103960007ab040f97000b0ece03204361fb0200ea0402970002ce00073d03067d00",
            "66393a34383a34f1010f9d03070245000f13010c1f610100ee00fe0400",
        ].joined())
        #expect(try BlockCompressor.decompress(earlier) == input)
        #expect(BlockCompressor.compress(input) == earlier)
    }

    static func bytes(fromHex hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<($0 + 2)], as: UTF8.self), radix: 16)! }
    }
}
