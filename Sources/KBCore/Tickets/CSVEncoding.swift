/// The text encoding of a CSV export: UTF-8, or the single-byte encodings spreadsheets still write.
public enum CSVEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    /// Windows code page 1252 (Excel on Windows in Western Europe and the Americas).
    case windows1252 = "windows-1252"
    /// ISO 8859-1.
    case latin1 = "latin-1"

    /// Reads an encoding name, accepting common spellings (`UTF8`, `cp1252`, `iso-8859-1`).
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "cp1252", "windows1252": self = .windows1252
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1": self = .latin1
        default: return nil
        }
    }

    /// Decodes bytes, nil when they are not valid in this encoding.
    public func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        switch self {
        case .utf8:
            return bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
        case .latin1:
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                if byte >= 0x80, byte <= 0x9F {
                    let mapped = Self.windows1252High[Int(byte - 0x80)]
                    guard mapped != 0, let scalar = Unicode.Scalar(mapped) else { return nil }
                    scalars.append(scalar)
                } else {
                    scalars.append(Unicode.Scalar(byte))
                }
            }
            return String(scalars)
        }
    }

    /// Code points of bytes 0x80–0x9F in Windows-1252 (0: undefined).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
