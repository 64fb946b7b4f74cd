extension Redactor {
    /// The byte-level detectors: each is one linear pass that proposes spans; `detect` resolves overlaps.
    struct PatternScanner {
        let bytes: [UInt8]
        var spans: [Span] = []

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        enum Priority {
            static let privateKey = 14
            static let urlCredentials = 13
            static let providerToken = 12
            static let keyedSecret = 11
            static let bearer = 10
            static let card = 9
            static let identity = 8
            static let email = 7
            static let ipAddress = 6
            static let randomToken = 5
            static let phone = 4
        }

        mutating func scanAll() -> [Span] {
            guard !bytes.isEmpty else { return [] }
            scanPrivateKeys()
            scanAtSigns()
            scanWords()
            scanProviderTokens()
            scanNumbers()
            scanIdentityCodes()
            scanRandomTokens()
            return spans
        }

        mutating func add(_ range: Range<Int>, _ kind: Finding.Kind, priority: Int) {
            spans.append(Span(range: range, kind: kind, priority: priority))
        }

        // MARK: Shared byte tests

        /// Letters, digits, `_`, `-` and multi-byte characters: `db_password`, `x-api-key`, `contraseña`.
        func isKeyByte(_ byte: UInt8) -> Bool {
            ScanByte.isAlphanumeric(byte) || byte >= 0x80 || byte == ScanByte.underscore || byte == ScanByte.dash
        }

        /// The byte at `position` lower-cased, Latin-1 capitals included (`Ñ` → `ñ`), so `CONTRASEÑA` matches.
        @inline(__always) func foldedByte(at position: Int) -> UInt8 {
            let byte = bytes[position]
            if ScanByte.isUpper(byte) { return byte + 32 }
            if byte >= 0x80, byte <= 0x9E, byte != 0x97, position > 0, bytes[position - 1] == 0xC3 { return byte + 0x20 }
            return byte
        }

        /// True when the bytes of `range`, lower-cased, equal `word` (already lower-case).
        func matchesFolded(_ range: Range<Int>, _ word: [UInt8]) -> Bool {
            guard range.count == word.count, range.upperBound <= bytes.count else { return false }
            var offset = 0
            for position in range {
                if foldedByte(at: position) != word[offset] { return false }
                offset += 1
            }
            return true
        }

        /// True when no letter, digit or `_` touches `start` from the left: a code starts a word. Other characters
        /// (`«`, `—`, `”`) are punctuation, not part of a word.
        func startsWord(_ start: Int) -> Bool {
            guard start > 0 else { return true }
            let byte = bytes[start - 1]
            guard byte >= 0x80 else { return !(ScanByte.isAlphanumeric(byte) || byte == ScanByte.underscore) }
            var lead = start - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            return !Self.isWordScalar(ScanByte.scalar(in: bytes, at: lead).0)
        }

        /// True when no letter, digit or `_` touches `end` from the right.
        func endsWord(_ end: Int) -> Bool {
            guard end < bytes.count else { return true }
            let byte = bytes[end]
            guard byte >= 0x80 else { return !(ScanByte.isAlphanumeric(byte) || byte == ScanByte.underscore) }
            return !Self.isWordScalar(ScanByte.scalar(in: bytes, at: end).0)
        }

        private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
        }

        func skipBlanks(_ cursor: inout Int) {
            while cursor < bytes.count, ScanByte.isBlank(bytes[cursor]) { cursor += 1 }
        }

        /// A digit, a symbol, or a capital after the first character: `Verano2024`, `s3cr3t!`, `xK` — not `reiniciar`.
        func looksSecret(_ range: Range<Int>) -> Bool {
            for position in range {
                let byte = bytes[position]
                if ScanByte.isDigit(byte) { return true }
                if byte < 0x80, !ScanByte.isLetter(byte) { return true }
                if ScanByte.isUpper(byte), position > range.lowerBound { return true }
            }
            return false
        }

        // MARK: Emails and URL credentials

        /// Emails and `scheme://user:pass@host` both hinge on `@`.
        private mutating func scanAtSigns() {
            var index = 0
            while let at = bytes[index...].firstIndex(of: ScanByte.at) {
                scanURLCredentials(endingAt: at)
                scanEmail(at: at)
                index = at + 1
            }
        }

        private mutating func scanURLCredentials(endingAt at: Int) {
            // Walk back over user-info characters to `://`.
            var start = at
            while start > 0, isUserInfoByte(bytes[start - 1]) { start -= 1 }
            guard start >= 3, start < at, bytes[start - 1] == ScanByte.slash, bytes[start - 2] == ScanByte.slash,
                  bytes[start - 3] == ScanByte.colon, start - 4 >= 0, ScanByte.isLetter(bytes[start - 4]) else { return }
            spans.append(Span(range: start..<at, kind: .urlCredentials, priority: Priority.urlCredentials))
        }

        private func isUserInfoByte(_ byte: UInt8) -> Bool {
            !(ScanByte.isWhitespace(byte) || byte == ScanByte.slash || byte == ScanByte.at || byte == ScanByte.question
                || byte == ScanByte.hash || byte == ScanByte.less || byte == ScanByte.greater
                || byte == ScanByte.doubleQuote || byte == ScanByte.openParen || byte == ScanByte.closeParen
                || byte == ScanByte.openBracket || byte == ScanByte.closeBracket)
        }

        private mutating func scanEmail(at: Int) {
            var start = at
            while start > 0, isLocalPartByte(bytes[start - 1]) { start -= 1 }
            while start < at, bytes[start] == ScanByte.dot { start += 1 }
            guard start < at else { return }
            var end = at + 1
            while end < bytes.count, ScanByte.isAlphanumeric(bytes[end]) || bytes[end] >= 0x80
                || bytes[end] == ScanByte.dash || bytes[end] == ScanByte.dot { end += 1 }
            while end > at + 1, bytes[end - 1] == ScanByte.dot || bytes[end - 1] == ScanByte.dash { end -= 1 }
            // The domain needs a dot and a top-level label of two or more letters.
            guard let lastDot = bytes[(at + 1)..<end].lastIndex(of: ScanByte.dot), lastDot > at + 1,
                  end - lastDot - 1 >= 2,
                  bytes[(lastDot + 1)..<end].allSatisfy({ ScanByte.isLetter($0) || $0 >= 0x80 }) else { return }
            spans.append(Span(range: start..<end, kind: .email, priority: Priority.email))
        }

        private func isLocalPartByte(_ byte: UInt8) -> Bool {
            ScanByte.isAlphanumeric(byte) || byte >= 0x80 || byte == ScanByte.dot || byte == ScanByte.underscore
                || byte == ScanByte.percent || byte == ScanByte.plus || byte == ScanByte.dash
        }

        // MARK: IP addresses and phone numbers

        /// One pass over digit-led positions for IPv4, IPv6 and phone numbers.
        private mutating func scanNumbers() {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if ScanByte.isHexDigit(byte) || byte == ScanByte.colon {
                    scanIPv6(at: index)
                }
                if ScanByte.isDigit(byte) {
                    scanIPv4(at: index)
                }
                if ScanByte.isDigit(byte) || byte == ScanByte.plus || byte == ScanByte.openParen {
                    scanPhone(at: index)
                }
                if ScanByte.isDigit(byte), isPhoneStartBoundary(index) {
                    scanCard(at: index)
                    scanDigitIdentity(at: index)
                }
                index += 1
            }
        }

        private mutating func scanIPv4(at start: Int) {
            if start > 0 {
                let previous = bytes[start - 1]
                guard !(ScanByte.isAlphanumeric(previous) || previous == ScanByte.dot || previous == ScanByte.underscore
                    || previous >= 0x80) else { return }
            }
            var cursor = start
            var octets: [Int] = []
            while octets.count < 4 {
                var value = 0
                let digitsStart = cursor
                while cursor < bytes.count, ScanByte.isDigit(bytes[cursor]), cursor - digitsStart < 3 {
                    value = value * 10 + Int(bytes[cursor] - 48)
                    cursor += 1
                }
                guard cursor > digitsStart, value <= 255 else { return }
                octets.append(value)
                if octets.count < 4 {
                    guard cursor < bytes.count, bytes[cursor] == ScanByte.dot else { return }
                    cursor += 1
                }
            }
            if cursor < bytes.count {
                let next = bytes[cursor]
                guard !(ScanByte.isAlphanumeric(next) || next == ScanByte.underscore || next >= 0x80) else { return }
                if next == ScanByte.dot, cursor + 1 < bytes.count, ScanByte.isDigit(bytes[cursor + 1]) { return }
            }
            if octets[0] == 127 || octets == [0, 0, 0, 0] || octets == [255, 255, 255, 255] { return }
            spans.append(Span(range: start..<cursor, kind: .ipAddress, priority: Priority.ipAddress))
        }

        private mutating func scanIPv6(at start: Int) {
            if start > 0 {
                let previous = bytes[start - 1]
                guard !(ScanByte.isAlphanumeric(previous) || previous == ScanByte.colon || previous == ScanByte.dot
                    || previous == ScanByte.underscore || previous >= 0x80) else { return }
            }
            var end = start
            var colons = 0
            while end < bytes.count, ScanByte.isHexDigit(bytes[end]) || bytes[end] == ScanByte.colon
                || bytes[end] == ScanByte.dot {
                if bytes[end] == ScanByte.colon { colons += 1 }
                end += 1
            }
            guard colons >= 2 else { return }
            // Sentence punctuation after an address ("… fe80::1.") is not part of it.
            while end > start, bytes[end - 1] == ScanByte.dot { end -= 1 }
            if end - start >= 2, bytes[end - 1] == ScanByte.colon, bytes[end - 2] != ScanByte.colon { end -= 1 }
            if end < bytes.count {
                let next = bytes[end]
                guard !(ScanByte.isAlphanumeric(next) || next == ScanByte.underscore || next >= 0x80) else { return }
            }
            let text = bytes[start..<end]
            guard isIPv6(text), !text.elementsEqual("::1".utf8), !text.elementsEqual("::".utf8) else { return }
            spans.append(Span(range: start..<end, kind: .ipAddress, priority: Priority.ipAddress))
        }

        /// Eight groups of 1–4 hex digits, or fewer with one `::`, optionally ending in a dotted IPv4;
        /// at least one decimal digit so words like `dead::beef` stay words.
        private func isIPv6(_ text: ArraySlice<UInt8>) -> Bool {
            guard text.contains(where: ScanByte.isDigit) else { return false }
            let bytes = Array(text)
            var doubleColon: Int?
            for position in 0..<(bytes.count - 1) where bytes[position] == ScanByte.colon && bytes[position + 1] == ScanByte.colon {
                guard doubleColon == nil else { return false }
                doubleColon = position
            }
            func groups(_ part: ArraySlice<UInt8>) -> [ArraySlice<UInt8>]? {
                guard !part.isEmpty else { return [] }
                let pieces = part.split(separator: ScanByte.colon, omittingEmptySubsequences: false)
                return pieces.contains(where: \.isEmpty) ? nil : pieces
            }
            var all: [ArraySlice<UInt8>]
            if let doubleColon {
                guard let head = groups(bytes[..<doubleColon]), let tail = groups(bytes[(doubleColon + 2)...]) else {
                    return false
                }
                // `1.2.3.4::` is not an address: a dotted quad may only end one.
                if tail.isEmpty, head.last?.contains(ScanByte.dot) == true { return false }
                all = head + tail
            } else {
                guard let plain = groups(bytes[...]) else { return false }
                all = plain
            }
            var count = 0
            for (offset, group) in all.enumerated() {
                if offset == all.count - 1, group.contains(ScanByte.dot) {
                    guard isDottedQuad(group) else { return false }
                    count += 2
                } else {
                    guard group.count <= 4, group.allSatisfy(ScanByte.isHexDigit) else { return false }
                    count += 1
                }
            }
            return doubleColon == nil ? count == 8 : count <= 7
        }

        private func isDottedQuad(_ text: ArraySlice<UInt8>) -> Bool {
            let parts = text.split(separator: ScanByte.dot, omittingEmptySubsequences: false)
            return parts.count == 4 && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(ScanByte.isDigit)
                    && Int(String(decoding: part, as: UTF8.self))! <= 255
            }
        }

        private static let phoneKeywords: [[UInt8]] = ["tel", "fono", "cel", "movil", "móvil", "whatsapp", "phone",
                                                       "mobile", "llamar", "call"].map { Array($0.utf8) }

        /// Phone numbers: `+56 9 1234 5678`, `+34 612 34 56 78`, `(2) 2345 6789`, `555-1234`, and bare digit
        /// runs after a word like "teléfono". Dates, times, amounts, ids and versions are rejected by shape.
        private mutating func scanPhone(at start: Int) {
            guard isPhoneStartBoundary(start) else { return }
            // The middle of a longer run of digit groups (`4111 1111 1111 1112`) is not a phone number of its own.
            if start >= 2, ScanByte.isDigit(bytes[start]), ScanByte.isDigit(bytes[start - 2]),
               bytes[start - 1] == ScanByte.space || bytes[start - 1] == ScanByte.dash || bytes[start - 1] == ScanByte.dot {
                return
            }
            var cursor = start
            let hasPlus = bytes[cursor] == ScanByte.plus
            if hasPlus { cursor += 1 }
            var groups: [Int] = []
            var separators: [UInt8] = []
            var openParen = false
            while cursor < bytes.count {
                if bytes[cursor] == ScanByte.openParen, !openParen {
                    openParen = true
                    cursor += 1
                }
                let digitsStart = cursor
                while cursor < bytes.count, ScanByte.isDigit(bytes[cursor]) { cursor += 1 }
                guard cursor > digitsStart else { return }
                groups.append(cursor - digitsStart)
                // Longer than any phone number: stop before scanning a whole table of digits.
                guard groups.reduce(0, +) <= 15 else { return }
                var separator: UInt8?
                var next = cursor
                if openParen, next < bytes.count, bytes[next] == ScanByte.closeParen {
                    openParen = false
                    next += 1
                    separator = ScanByte.closeParen
                }
                if next < bytes.count, bytes[next] == ScanByte.space || bytes[next] == ScanByte.dash
                    || bytes[next] == ScanByte.dot {
                    separator = separator == nil ? bytes[next] : ScanByte.closeParen
                    next += 1
                }
                guard let found = separator, next < bytes.count,
                      ScanByte.isDigit(bytes[next]) || (bytes[next] == ScanByte.openParen && !openParen) else { break }
                separators.append(found)
                cursor = next
            }
            guard !openParen, !groups.isEmpty, isPhoneEndBoundary(cursor) else { return }
            let digits = groups.reduce(0, +)
            guard digits <= 15 else { return }
            if hasPlus {
                guard digits >= 8 else { return }
            } else {
                guard digits >= 7 else { return }
                if groups.count == 1 {
                    guard hasPhoneKeyword(before: start) else { return }
                } else {
                    guard groups.allSatisfy({ $0 <= 5 }), !looksLikeDate(groups, separators),
                          !looksLikeAmount(groups, separators), !looksLikeYears(start, groups) else { return }
                    if separators.contains(ScanByte.dot), groups.contains(where: { $0 < 2 }) { return }
                }
            }
            spans.append(Span(range: start..<cursor, kind: .phone, priority: Priority.phone))
        }

        /// A phone starts after space or opening punctuation, never inside a code (`T-000123`, `v2`),
        /// a decimal (`3,1415`) or a time (`10:30`).
        func isPhoneStartBoundary(_ start: Int) -> Bool {
            let first = bytes[start]
            if first == ScanByte.plus || first == ScanByte.openParen {
                guard start + 1 < bytes.count, ScanByte.isDigit(bytes[start + 1]) else { return false }
            }
            guard start > 0 else { return true }
            let previous = bytes[start - 1]
            if ScanByte.isWhitespace(previous) { return true }
            switch previous {
            case ScanByte.openParen, ScanByte.openBracket, ScanByte.openBrace, ScanByte.doubleQuote,
                 ScanByte.singleQuote, ScanByte.less, ScanByte.equals, ScanByte.semicolon, ScanByte.backtick:
                return true
            case ScanByte.colon, ScanByte.comma:
                return start < 2 || !ScanByte.isDigit(bytes[start - 2])
            default:
                return false
            }
        }

        /// Rejects numbers that go on as something else: `2026-03-10T…`, `10:30`, `1,5`, `v2.3-beta`.
        func isPhoneEndBoundary(_ end: Int) -> Bool {
            guard end < bytes.count else { return true }
            let next = bytes[end]
            if ScanByte.isAlphanumeric(next) || next >= 0x80 || next == ScanByte.underscore { return false }
            if next == ScanByte.colon || next == ScanByte.dot || next == ScanByte.comma || next == ScanByte.dash
                || next == ScanByte.slash {
                return !(end + 1 < bytes.count && ScanByte.isAlphanumeric(bytes[end + 1]))
            }
            return true
        }

        private func looksLikeDate(_ groups: [Int], _ separators: [UInt8]) -> Bool {
            guard groups.count == 3, separators[0] == separators[1], separators[0] != ScanByte.space else { return false }
            return (groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2) || (groups[0] <= 2 && groups[1] <= 2 && groups[2] == 4)
        }

        /// `1.234.567`: thousands separated by dots.
        private func looksLikeAmount(_ groups: [Int], _ separators: [UInt8]) -> Bool {
            separators.allSatisfy { $0 == ScanByte.dot } && groups[0] <= 3 && groups.dropFirst().allSatisfy { $0 == 3 }
        }

        /// `2019 2020 2021`: a list of years.
        private func looksLikeYears(_ start: Int, _ groups: [Int]) -> Bool {
            guard groups.allSatisfy({ $0 == 4 }) else { return false }
            var cursor = start
            for _ in groups {
                while cursor < bytes.count, !ScanByte.isDigit(bytes[cursor]) { cursor += 1 }
                let century = (bytes[cursor], bytes[cursor + 1])
                guard century == (UInt8(ascii: "1"), UInt8(ascii: "9")) || century == (UInt8(ascii: "2"), UInt8(ascii: "0"))
                else { return false }
                cursor += 4
            }
            return true
        }

        /// True when a word like "teléfono", "fono" or "whatsapp" appears just before `start`.
        private func hasPhoneKeyword(before start: Int) -> Bool {
            let window = max(0, start - 24)..<start
            return PatternScanner.phoneKeywords.contains { keyword in
                window.count >= keyword.count && (window.lowerBound...(window.upperBound - keyword.count)).contains {
                    matchesFolded($0..<($0 + keyword.count), keyword)
                }
            }
        }

        // MARK: Random-looking tokens

        /// Long strings mixing letters and digits (API keys, hashes, JWTs): a piece between `.` or `/` of 20+
        /// characters holding a core (between `-` or `_`) of 16+ characters with both letters and digits.
        private mutating func scanRandomTokens() {
            var index = 0
            var lastTokenEnd = -2
            while index < bytes.count {
                guard isTokenByte(bytes[index]), index == 0 || !isTokenByte(bytes[index - 1]) else {
                    index += 1
                    continue
                }
                var end = index
                while end < bytes.count, isTokenByte(bytes[end]) { end += 1 }
                // A run glued to an accented letter is part of a word, not a key.
                if end - index >= 20, isRandomLooking(index..<end), index == 0 || bytes[index - 1] < 0x80,
                   end == bytes.count || bytes[end] < 0x80 {
                    // Parts of a JWT (`aaa.bbb.ccc`) become one token.
                    if lastTokenEnd == index - 1, bytes[lastTokenEnd] == ScanByte.dot, let last = spans.last,
                       last.kind == .token, last.priority == Priority.randomToken {
                        spans[spans.count - 1].range = last.range.lowerBound..<end
                    } else {
                        spans.append(Span(range: index..<end, kind: .token, priority: Priority.randomToken))
                    }
                    lastTokenEnd = end
                }
                index = end
            }
        }

        /// Letters, digits and the base64 / key punctuation `-`, `_`, `+`, `=`, `~`.
        func isTokenByte(_ byte: UInt8) -> Bool {
            ScanByte.isAlphanumeric(byte) || byte == ScanByte.dash || byte == ScanByte.underscore || byte == ScanByte.plus
                || byte == ScanByte.equals || byte == ScanByte.tilde
        }

        private func isRandomLooking(_ range: Range<Int>) -> Bool {
            var coreLength = 0
            var hasLetter = false
            var hasDigit = false
            for position in range.lowerBound...range.upperBound {
                let isCoreByte = position < range.upperBound && bytes[position] != ScanByte.dash
                    && bytes[position] != ScanByte.underscore
                if isCoreByte {
                    coreLength += 1
                    if ScanByte.isDigit(bytes[position]) { hasDigit = true }
                    if ScanByte.isLetter(bytes[position]) { hasLetter = true }
                    continue
                }
                if coreLength >= 16, hasLetter, hasDigit { return true }
                coreLength = 0
                hasLetter = false
                hasDigit = false
            }
            return false
        }
    }
}
