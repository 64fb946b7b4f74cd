extension Redactor.PatternScanner {
    // MARK: Keyed secrets (`password: x`, `token=x`, `Bearer x`, `la clave temporal quedó como x`)

    enum KeywordStrength {
        /// Names only a secret has (`password`, `api_key`): any value after `:` or `=` is hidden.
        case strong
        /// Words that also occur in prose (`clave`, `token`, `key`): the value must look like a secret.
        case weak
    }

    /// Keywords as lower-case UTF-8 (accents kept: `contraseña` is also listed unaccented), longer ones first where
    /// one ends another (`api_key` before `key`).
    static let keywords: [([UInt8], Redactor.Finding.Kind, KeywordStrength)] = {
        let table: [(String, Redactor.Finding.Kind, KeywordStrength)] = [
            ("password", .password, .strong), ("passwd", .password, .strong), ("pwd", .password, .strong),
            ("passphrase", .password, .strong), ("passcode", .password, .strong), ("contraseña", .password, .strong),
            ("contrasena", .password, .strong), ("clave", .password, .weak), ("pass", .password, .weak),
            ("credencial", .password, .weak), ("credential", .password, .weak), ("credentials", .password, .weak),
            ("apikey", .token, .strong), ("api_key", .token, .strong), ("api-key", .token, .strong),
            ("accountkey", .token, .strong), ("secret", .token, .strong), ("secreto", .token, .weak),
            ("token", .token, .weak), ("authorization", .token, .strong), ("key", .token, .weak),
            ("pin", .pin, .strong), ("nip", .pin, .strong), ("otp", .pin, .strong), ("cvv", .pin, .strong),
            ("cvc", .pin, .strong),
        ]
        return table.map { (Array($0.0.utf8), $0.1, $0.2) }
    }()

    /// Words that may stand between a secret's name and its value in Spanish or English prose: "contraseña
    /// **provisoria** X", "la clave **quedó como** X", "your password **is now** X", "PIN **de acceso**: X".
    /// "usuario", "user", "cuenta" and "account" are not among them: what follows them is a user name.
    static let fillers: Set<[UInt8]> = Set([
        "es", "era", "sea", "será", "sera", "sería", "seria", "fue", "queda", "quedó", "quedo", "quedará", "quedara",
        "como", "en", "a", "al", "de", "del", "la", "el", "su", "tu", "mi", "que", "le", "les", "te", "se", "ahora",
        "sigue", "siendo", "nueva", "nuevo", "temporal", "temporales", "provisoria", "provisorio", "provisional",
        "inicial", "actual", "por", "defecto", "acceso", "cambiada", "cambiado", "cambió",
        "restablecida", "restablecido", "reseteada", "reseteado", "asignada", "asignado", "asignamos", "establecida",
        "generada", "generamos", "enviada", "enviamos", "entregada", "dimos", "para", "usar", "utilizar", "wifi",
        "vpn", "portal", "correo", "admin", "administrador", "root",
        "is", "was", "will", "be", "been", "has", "are", "now", "set", "to", "changed", "reset", "as", "the", "an",
        "new", "temporary", "temp", "initial", "default", "current", "one-time", "for", "your", "my", "of", "use",
        "using",
    ].map { Array($0.utf8) })

    /// At most this many fillers between a name and its value.
    static let maximumFillers = 5

    private static let authorization = Array("authorization".utf8)
    private static let authSchemes: [[UInt8]] = ["bearer", "basic", "digest", "token", "negotiate"].map { Array($0.utf8) }

    /// Walks the words of the text looking for secret keywords, `Bearer` and the names of identity numbers.
    mutating func scanWords() {
        var index = 0
        while index < bytes.count {
            guard isKeyByte(bytes[index]), index == 0 || !isKeyByte(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isKeyByte(bytes[end]) { end += 1 }
            if end - index == 6, matchesFolded(index..<end, Self.authSchemes[0]) {
                scanBearer(after: end)
            } else if let (kind, strength) = keyword(endingWord: index..<end) {
                scanKeyedValue(afterKey: end, kind: kind, strength: strength,
                               isAuthorization: matchesFolded(index..<end, Self.authorization))
            } else {
                scanIdentityAfterName(wordStart: index, wordEnd: end)
            }
            index = end
        }
    }

    /// The last two bytes of every keyword, lower-case: most words end otherwise and need no closer look.
    private static let keywordEndings: Set<UInt16> = Set(keywords.map { UInt16($0.0[$0.0.count - 2]) << 8 | UInt16($0.0.last!) })

    /// The keyword a word ends with, when it starts the word or follows `_` or `-`.
    private func keyword(endingWord range: Range<Int>) -> (Redactor.Finding.Kind, KeywordStrength)? {
        guard range.count >= 3,
              Self.keywordEndings.contains(UInt16(foldedByte(at: range.upperBound - 2)) << 8 | UInt16(foldedByte(at: range.upperBound - 1)))
        else { return nil }
        for (keyword, kind, strength) in Self.keywords where range.count >= keyword.count {
            let start = range.upperBound - keyword.count
            guard matchesFolded(start..<range.upperBound, keyword) else { continue }
            if start == range.lowerBound || bytes[start - 1] == ScanByte.underscore || bytes[start - 1] == ScanByte.dash {
                return (kind, strength)
            }
        }
        return nil
    }

    /// The end of the filler word at `cursor`, nil when the word there is not one.
    func fillerEnd(at cursor: Int) -> Int? {
        guard cursor < bytes.count, isKeyByte(bytes[cursor]) else { return nil }
        var end = cursor
        while end < bytes.count, isKeyByte(bytes[end]) { end += 1 }
        guard end - cursor <= 14 else { return nil }
        let folded = (cursor..<end).map { foldedByte(at: $0) }
        return Self.fillers.contains(folded) ? end : nil
    }

    /// Moves `cursor` past blanks, one `:`/`=`/`=>` and filler words after a name; returns the separator seen (if
    /// any) and how many fillers were skipped.
    func skipToValue(_ cursor: inout Int) -> (separator: UInt8?, fillers: Int) {
        var separator: UInt8?
        var fillers = 0
        while true {
            skipBlanks(&cursor)
            guard cursor < bytes.count else { break }
            let byte = bytes[cursor]
            if separator == nil, byte == ScanByte.colon || byte == ScanByte.equals {
                separator = byte
                cursor += 1
                if cursor < bytes.count, bytes[cursor] == ScanByte.greater { cursor += 1 }
                continue
            }
            if fillers < Self.maximumFillers, let end = fillerEnd(at: cursor) {
                cursor = end
                fillers += 1
                continue
            }
            break
        }
        return (separator, fillers)
    }

    private mutating func scanKeyedValue(afterKey keyEnd: Int, kind: Redactor.Finding.Kind, strength: KeywordStrength,
                                         isAuthorization: Bool) {
        var cursor = keyEnd
        if cursor < bytes.count, bytes[cursor] == ScanByte.doubleQuote || bytes[cursor] == ScanByte.singleQuote {
            cursor += 1
        }
        let (separator, fillers) = skipToValue(&cursor)
        if isAuthorization, let schemeEnd = authScheme(at: cursor) {
            cursor = schemeEnd
            skipBlanks(&cursor)
        }
        guard let value = valueRange(at: &cursor), !isPlaceholderValue(value) else { return }
        let accepted: Bool
        if kind == .pin {
            // `PIN 4821`: a short run of digits; anything else only after a separator and looking secret.
            let digits = bytes[value].allSatisfy(ScanByte.isDigit)
            accepted = digits ? (3...8).contains(value.count) : separator != nil && looksSecret(value)
        } else if separator == ScanByte.equals {
            accepted = true
        } else if separator == ScanByte.colon, fillers == 0 {
            accepted = strength == .strong && isLastWordOnLine(after: value.upperBound) || looksSecret(value)
        } else if separator == nil, fillers == 0 {
            // "use the password hunter2", "Contraseña Mnb77777": prose needs a blank and a value that cannot be a
            // word (`ghp_token@host` is one word, not a name and its value).
            accepted = value.lowerBound > keyEnd && ScanByte.isBlank(bytes[value.lowerBound - 1]) && value.count >= 4
                && hasDigitOrSymbol(value)
        } else {
            // A year after fillers is a date ("la contraseña de 2024"), not the password.
            let isYear = value.count == 4 && bytes[value].allSatisfy(ScanByte.isDigit)
                && (bytes[value.lowerBound] == UInt8(ascii: "1") || bytes[value.lowerBound] == UInt8(ascii: "2"))
            accepted = !isYear && value.count >= 4 && (hasDigitOrSymbol(value) || value.count >= 6 && looksSecret(value))
        }
        if accepted { add(value, kind, priority: Priority.keyedSecret) }
    }

    /// A digit or an ASCII symbol in `range`.
    func hasDigitOrSymbol(_ range: Range<Int>) -> Bool {
        bytes[range].contains { ScanByte.isDigit($0) || ($0 < 0x80 && !ScanByte.isLetter($0)) }
    }

    private mutating func scanBearer(after end: Int) {
        var cursor = end
        guard cursor < bytes.count, ScanByte.isBlank(bytes[cursor]) else { return }
        skipBlanks(&cursor)
        let start = cursor
        // RFC 6750 token characters; dots included so a whole JWT goes, not just its header.
        while cursor < bytes.count, isTokenByte(bytes[cursor]) || bytes[cursor] == ScanByte.slash
            || bytes[cursor] == ScanByte.dot { cursor += 1 }
        while cursor > start, bytes[cursor - 1] == ScanByte.dot { cursor -= 1 }
        guard cursor - start >= 8, looksSecret(start..<cursor) else { return }
        add(start..<cursor, .token, priority: Priority.bearer)
    }

    private func authScheme(at start: Int) -> Int? {
        var end = start
        while end < bytes.count, ScanByte.isLetter(bytes[end]) { end += 1 }
        guard end < bytes.count, ScanByte.isBlank(bytes[end]),
              Self.authSchemes.contains(where: { matchesFolded(start..<end, $0) }) else { return nil }
        return end
    }

    /// The value after a key: a quoted string, or a run up to whitespace with sentence punctuation trimmed
    /// (`!` and `?` stay: passwords end with them more often than sentences around a password do).
    func valueRange(at cursor: inout Int) -> Range<Int>? {
        guard cursor < bytes.count else { return nil }
        let quote = bytes[cursor]
        if quote == ScanByte.doubleQuote || quote == ScanByte.singleQuote || quote == ScanByte.backtick {
            let start = cursor + 1
            var end = start
            while end < bytes.count, bytes[end] != quote, bytes[end] != ScanByte.newline { end += 1 }
            guard end < bytes.count, bytes[end] == quote, end > start else { return nil }
            cursor = end + 1
            return start..<end
        }
        let start = cursor
        var end = start
        while end < bytes.count, !ScanByte.isWhitespace(bytes[end]), bytes[end] != ScanByte.doubleQuote,
              bytes[end] != ScanByte.singleQuote, bytes[end] != ScanByte.backtick, bytes[end] != ScanByte.ampersand,
              bytes[end] != ScanByte.less {
            end += 1
        }
        let trailing: [UInt8] = [ScanByte.dot, ScanByte.comma, ScanByte.semicolon, ScanByte.colon,
                                 ScanByte.closeParen, ScanByte.closeBracket, ScanByte.closeBrace]
        while end > start, trailing.contains(bytes[end - 1]) { end -= 1 }
        cursor = end
        return end > start ? start..<end : nil
    }

    /// Values that are already placeholders or masks (`[credencial]`, `<password>`, `****`, `(completar)`).
    private func isPlaceholderValue(_ range: Range<Int>) -> Bool {
        let first = bytes[range.lowerBound]
        if first == ScanByte.openBracket || first == ScanByte.less || first == ScanByte.openParen
            || first == ScanByte.openBrace { return true }
        return bytes[range].allSatisfy {
            $0 == ScanByte.asterisk || $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "X") || $0 == ScanByte.dot
        }
    }

    /// True when only blanks or sentence punctuation follow `end` on its line.
    private func isLastWordOnLine(after end: Int) -> Bool {
        var cursor = end
        while cursor < bytes.count, bytes[cursor] != ScanByte.newline {
            let byte = bytes[cursor]
            if !(ScanByte.isBlank(byte) || byte == ScanByte.dot || byte == ScanByte.comma || byte == ScanByte.semicolon
                || byte == ScanByte.carriageReturn || byte == ScanByte.closeParen) { return false }
            cursor += 1
        }
        return true
    }
}
