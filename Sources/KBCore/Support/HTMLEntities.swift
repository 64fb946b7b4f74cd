/// HTML character references (`&#64;`, `&#x40;`, `&commat;`, `&amp;`) decoded as a browser decodes them.
///
/// The redactor and lint judge text as a reader will see it: `juan&#64;example.com` is an email address once a
/// browser or a Markdown renderer has shown it, so it is decoded before anything looks for one.
enum HTMLEntities {
    /// Reference name (the text after `&`, with its `;` when the name needs one) → the code points it stands for.
    static let named: [String: [Unicode.Scalar]] = {
        var names: [String: [Unicode.Scalar]] = [:]
        names.reserveCapacity(2_300)
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let name = fields.first else { continue }
            names[String(name)] = fields.dropFirst().compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
        }
        return names
    }()

    /// The longest reference name in the table, in bytes; no longer run of letters needs looking up.
    static let longestName = 32

    /// What numeric references to 0x80–0x9F mean in a browser: the Windows-1252 characters, not C1 controls.
    private static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    /// The reference whose name starts at `bodyStart` (just after an `&`): what it stands for and the index after
    /// it; nil when no reference starts there. A numeric reference needs no `;` (`&#64` is `@` in a browser).
    static func decode(_ bytes: [UInt8], bodyStart: Int) -> (scalars: [Unicode.Scalar], end: Int)? {
        guard bodyStart < bytes.count else { return nil }
        if bytes[bodyStart] == ScanByte.hash { return decodeNumeric(bytes, bodyStart: bodyStart + 1) }
        var end = bodyStart
        while end < bytes.count, end - bodyStart <= longestName, ScanByte.isAlphanumeric(bytes[end]) { end += 1 }
        guard end > bodyStart else { return nil }
        if end < bytes.count, bytes[end] == ScanByte.semicolon,
           let scalars = named[String(decoding: bytes[bodyStart...end], as: UTF8.self)] {
            return (scalars, end + 1)
        }
        // Legacy names (`&amp`, `&lt`, `&copy`) are decoded without `;`, the longest that fits first.
        var length = end - bodyStart
        while length > 1 {
            if let scalars = named[String(decoding: bytes[bodyStart..<(bodyStart + length)], as: UTF8.self)] {
                return (scalars, bodyStart + length)
            }
            length -= 1
        }
        return nil
    }

    private static func decodeNumeric(_ bytes: [UInt8], bodyStart: Int) -> (scalars: [Unicode.Scalar], end: Int)? {
        guard let (value, end) = numericValue(bytes, digitsStart: bodyStart) else { return nil }
        let mapped = windows1252[value] ?? value
        let scalar = mapped == 0 ? nil : Unicode.Scalar(mapped)
        return ([scalar ?? "\u{FFFD}"], end)
    }

    /// The value of a numeric reference whose digits (or `x` and hex digits) start at `digitsStart`, just after
    /// `&#`, and the index after it (past an optional `;`); values past the last code point saturate at 0x110000.
    static func numericValue(_ bytes: [UInt8], digitsStart: Int) -> (value: UInt32, end: Int)? {
        var index = digitsStart
        let isHex = index < bytes.count && (bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X"))
        if isHex { index += 1 }
        let first = index
        var value: UInt32 = 0
        while index < bytes.count {
            let digit: UInt8?
            if isHex { digit = ScanByte.hexValue(bytes[index]) } else { digit = ScanByte.isDigit(bytes[index]) ? bytes[index] - 48 : nil }
            guard let digit else { break }
            value = min(value &* (isHex ? 16 : 10) &+ UInt32(digit), 0x11_0000)
            index += 1
        }
        guard index > first else { return nil }
        if index < bytes.count, bytes[index] == ScanByte.semicolon { index += 1 }
        return (value, index)
    }
}
