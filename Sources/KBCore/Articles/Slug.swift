/// Safe file and folder names made from arbitrary text (titles, service names).
///
/// A slug is lower-case ASCII letters, digits and single dashes, with no dash at either end, at most
/// `maximumBytes` long and never empty, so it can be neither `.` nor `..`, hold no `/` or NUL, and
/// never leaves the folder it is joined to. Accents are folded (`Contraseña` → `contrasena`); anything
/// else that is not a letter or digit (punctuation, emoji, other scripts) separates words.
public enum Slug {
    /// Longest slug, in bytes (it is ASCII, so also characters).
    public static let maximumBytes = 80

    /// The slug of `text`, or the slug of `fallback` when `text` has no letter or digit to keep,
    /// or `"article"` when neither has.
    public static func make(_ text: String, fallback: String = "", maximumBytes: Int = Slug.maximumBytes) -> String {
        if let slug = slug(of: text, maximumBytes: maximumBytes) { return slug }
        if let slug = slug(of: fallback, maximumBytes: maximumBytes) { return slug }
        return "article"
    }

    /// True when `name` is already a well-formed slug.
    public static func isValid(_ name: String, maximumBytes: Int = Slug.maximumBytes) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumBytes, bytes.first != ScanByte.dash, bytes.last != ScanByte.dash
        else { return false }
        var previousDash = false
        for byte in bytes {
            let isDash = byte == ScanByte.dash
            guard ScanByte.isLower(byte) || ScanByte.isDigit(byte) || isDash, !(isDash && previousDash) else { return false }
            previousDash = isDash
        }
        return true
    }

    private static func slug(of text: String, maximumBytes: Int) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(text.utf8.count, maximumBytes + 8))
        var pendingDash = false
        // Folding can only make text longer by a few letters per scalar: stop once well past the limit.
        for scalar in AccentFolding.fold(text).unicodeScalars {
            if bytes.count > maximumBytes { break }
            let value = scalar.value
            if value < 0x80, ScanByte.isLower(UInt8(value)) || ScanByte.isDigit(UInt8(value)) {
                append(String(scalar), to: &bytes, pendingDash: &pendingDash)
            } else {
                pendingDash = !bytes.isEmpty
            }
        }
        guard !bytes.isEmpty else { return nil }
        if bytes.count > maximumBytes {
            // Cut at the last word boundary that fits, so a title is not left with half a word.
            let limit = bytes[...maximumBytes]
            if let dash = limit.lastIndex(of: ScanByte.dash), dash > 0 {
                bytes.removeSubrange(dash...)
            } else {
                bytes.removeSubrange(maximumBytes...)
            }
        }
        while bytes.last == ScanByte.dash { bytes.removeLast() }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    private static func append(_ letters: String, to bytes: inout [UInt8], pendingDash: inout Bool) {
        if pendingDash { bytes.append(ScanByte.dash) }
        pendingDash = false
        bytes.append(contentsOf: letters.utf8)
    }
}
