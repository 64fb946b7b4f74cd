extension TerminalSanitizer {
    /// Text for a terminal made of data, sanitized as it is added, and kb's own styling, added after: the only way
    /// an escape sequence reaches the terminal is through a `Style` kb chose.
    public struct Styled: Sendable, Equatable {
        /// kb's own sequences.
        public enum Style: String, Sendable {
            case bold = "\u{1B}[1m"
            case plain = "\u{1B}[0m"
            /// Back to the start of the line and erase it: a progress line rewriting itself.
            case lineStart = "\r\u{1B}[K"
        }

        /// The text to write, as is.
        public private(set) var text = ""

        /// Styled text starting with `data`, sanitized.
        public init(_ data: String = "") {
            append(data)
        }

        /// Styled text starting with `style`, then `data`.
        public init(_ style: Style, _ data: String = "") {
            append(style)
            append(data)
        }

        public mutating func append(_ data: String) {
            text += TerminalSanitizer.sanitized(data)
        }

        public mutating func append(_ style: Style) {
            text += style.rawValue
        }

        public mutating func append(_ styled: Styled) {
            text += styled.text
        }

        /// `text` with its CRLF line endings kept as kb's own and everything else sanitized: `kb render` prints a
        /// template written with CRLF line endings as it renders, while the data it inserts has lost its carriage
        /// returns already (`MustacheRenderer` sanitizes every value).
        public static func keepingCRLF(_ text: String) -> Styled {
            var styled = Styled()
            for (index, line) in text.components(separatedBy: "\r\n").enumerated() {
                if index > 0 { styled.text += "\r\n" }
                styled.append(line)
            }
            return styled
        }

        /// `data` with the parts between `start` and `end` (markers the data itself cannot hold once sanitized, such
        /// as the search engine's U+0002 and U+0003) in bold, everything sanitized.
        public static func highlighted(_ data: String, start: String, end: String) -> Styled {
            var styled = Styled()
            var rest = Substring(data)
            while let open = rest.range(of: start) {
                styled.append(String(rest[..<open.lowerBound]))
                rest = rest[open.upperBound...]
                let close = rest.range(of: end)
                styled.append(.bold)
                styled.append(String(rest[..<(close?.lowerBound ?? rest.endIndex)]))
                styled.append(.plain)
                rest = close.map { rest[$0.upperBound...] } ?? ""
            }
            styled.append(String(rest))
            return styled
        }
    }
}
