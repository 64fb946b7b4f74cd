extension Redactor.PatternScanner {
    // MARK: Payment cards and national identity numbers

    /// A card number: 13–19 digits, in groups of 3–6 split by single spaces or dashes (one kind throughout) or in
    /// one run, starting with 2–6 (the card networks' ranges), passing the Luhn check.
    mutating func scanCard(at start: Int) {
        var cursor = start
        var digits: [UInt8] = []
        var separator: UInt8?
        var groups = 0
        while cursor < bytes.count {
            let groupStart = cursor
            while cursor < bytes.count, ScanByte.isDigit(bytes[cursor]), digits.count < 20 {
                digits.append(bytes[cursor] - 48)
                cursor += 1
            }
            let length = cursor - groupStart
            guard length > 0, digits.count <= 19 else { return }
            groups += 1
            guard cursor + 1 < bytes.count, bytes[cursor] == ScanByte.space || bytes[cursor] == ScanByte.dash,
                  separator == nil || separator == bytes[cursor], ScanByte.isDigit(bytes[cursor + 1]),
                  digits.count < 13 || bytes[(cursor + 1)...].prefix(while: ScanByte.isDigit).count >= 3 else { break }
            separator = bytes[cursor]
            cursor += 1
        }
        guard (13...19).contains(digits.count), (2...6).contains(digits[0]), isPhoneEndBoundary(cursor) else { return }
        if groups > 1 {
            // Every group 3–6 digits long: `4111 1111 1111 1111`, `3782 822463 10005`.
            var lengths: [Int] = []
            var run = 0
            for byte in bytes[start..<cursor] {
                if ScanByte.isDigit(byte) { run += 1 } else { lengths.append(run); run = 0 }
            }
            lengths.append(run)
            guard lengths.allSatisfy({ (3...6).contains($0) }) else { return }
        }
        guard Self.passesLuhn(digits) else { return }
        add(start..<cursor, .card, priority: Priority.card)
    }

    static func passesLuhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    /// Numbers that are identity codes by their shape and check digit alone: a Chilean RUT written with dots
    /// (`12.345.678-5`), or with a dash and a valid check digit (`12345678-5`); an Argentine CUIT/CUIL with a valid
    /// check digit (`20-12345678-6`, `20123456786`); a Spanish DNI with its control letter (`12345678Z`).
    mutating func scanDigitIdentity(at start: Int) {
        if let end = chileanRUT(at: start, requireCheckDigit: true) {
            add(start..<end, .rut, priority: Priority.identity)
        }
        if let end = argentineCUIT(at: start) {
            add(start..<end, .cuit, priority: Priority.identity)
        }
        if let end = spanishDNI(at: start) {
            add(start..<end, .dni, priority: Priority.identity)
        }
    }

    /// The end of a RUT at `start`: `1–2 digits . 3 digits . 3 digits - DV` always; `7–8 digits - DV` when the check
    /// digit is right (or `requireCheckDigit` is false, after the word RUT).
    func chileanRUT(at start: Int, requireCheckDigit: Bool) -> Int? {
        var cursor = start
        var digits: [Int] = []
        var dotted = 0
        var groupLength = 0
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if ScanByte.isDigit(byte) {
                digits.append(Int(byte - 48))
                groupLength += 1
            } else if byte == ScanByte.dot, cursor + 1 < bytes.count, ScanByte.isDigit(bytes[cursor + 1]) {
                guard dotted == 0 ? (1...3).contains(groupLength) : groupLength == 3 else { return nil }
                dotted += 1
                groupLength = 0
            } else {
                break
            }
            cursor += 1
        }
        guard (7...8).contains(digits.count), dotted == 0 || (dotted == 2 && groupLength == 3) else { return nil }
        // The check digit: after a dash (or a space), a digit or K.
        guard cursor + 1 < bytes.count, bytes[cursor] == ScanByte.dash || bytes[cursor] == ScanByte.space else {
            return nil
        }
        let check = bytes[cursor + 1]
        guard ScanByte.isDigit(check) || check == UInt8(ascii: "k") || check == UInt8(ascii: "K"), endsWord(cursor + 2)
        else { return nil }
        if dotted == 0, bytes[cursor] == ScanByte.space, requireCheckDigit { return nil }
        if requireCheckDigit, dotted == 0, Self.rutCheckDigit(digits) != ScanByte.lowercased(check) { return nil }
        return cursor + 2
    }

    /// The RUT check digit (module 11, weights 2–7 from the right), `k` for 10.
    static func rutCheckDigit(_ digits: [Int]) -> UInt8 {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() { sum += digit * (2 + offset % 6) }
        let value = 11 - sum % 11
        return value == 11 ? UInt8(ascii: "0") : value == 10 ? UInt8(ascii: "k") : UInt8(48 + value)
    }

    /// The end of a CUIT/CUIL at `start`: type (20, 23, 24, 27, 30, 33, 34), 8 digits, check digit, optionally split
    /// by dashes or spaces, the check digit right.
    private func argentineCUIT(at start: Int) -> Int? {
        var cursor = start
        var digits: [Int] = []
        var separators = 0
        while cursor < bytes.count, digits.count < 11 {
            let byte = bytes[cursor]
            if ScanByte.isDigit(byte) {
                digits.append(Int(byte - 48))
            } else if (byte == ScanByte.dash || byte == ScanByte.space) && (digits.count == 2 || digits.count == 10) {
                separators += 1
            } else {
                break
            }
            cursor += 1
        }
        guard digits.count == 11, separators == 0 || separators == 2, endsWord(cursor),
              [20, 23, 24, 27, 30, 33, 34].contains(digits[0] * 10 + digits[1]) else { return nil }
        let weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        var check = 11 - sum % 11
        if check == 11 { check = 0 }
        guard check == digits[10] else { return nil }
        return cursor
    }

    private static let dniLetters = Array("TRWAGMYFPDXBNJZSQVHLCKE".utf8)

    /// The end of a Spanish DNI at `start`: 8 digits, an optional dash or space, the control letter (any case).
    private func spanishDNI(at start: Int) -> Int? {
        var cursor = start
        var value = 0
        while cursor < bytes.count, ScanByte.isDigit(bytes[cursor]), cursor - start < 9 {
            value = value * 10 + Int(bytes[cursor] - 48)
            cursor += 1
        }
        guard cursor - start == 8 else { return nil }
        return controlLetterEnd(at: cursor, value: value)
    }

    /// After the digits of a DNI or NIE: the end of its control letter when it is the right one.
    private func controlLetterEnd(at position: Int, value: Int) -> Int? {
        var cursor = position
        if cursor < bytes.count, bytes[cursor] == ScanByte.dash || bytes[cursor] == ScanByte.space { cursor += 1 }
        guard cursor < bytes.count, ScanByte.isLetter(bytes[cursor]), endsWord(cursor + 1),
              bytes[cursor] & 0xDF == Self.dniLetters[value % 23] else { return nil }
        return cursor + 1
    }

    /// Codes that start with letters: a Spanish NIE (`X1234567L`), a Mexican CURP (`GOMH800101HDFRRN09`) or RFC
    /// (`GOMH800101AB1`, `ABC800101AB1`), in any case.
    mutating func scanIdentityCodes() {
        var index = 0
        while index < bytes.count {
            guard ScanByte.isLetter(bytes[index]), startsWord(index) else {
                index += 1
                continue
            }
            if let end = spanishNIE(at: index) {
                add(index..<end, .nie, priority: Priority.identity)
            } else if let end = mexicanCURP(at: index) {
                add(index..<end, .curp, priority: Priority.identity)
            } else if let end = mexicanRFC(at: index) {
                add(index..<end, .rfc, priority: Priority.identity)
            }
            index += 1
            while index < bytes.count, ScanByte.isAlphanumeric(bytes[index]) { index += 1 }
        }
    }

    private func spanishNIE(at start: Int) -> Int? {
        guard let prefix = "XYZ".utf8.firstIndex(of: bytes[start] & 0xDF) else { return nil }
        var cursor = start + 1
        if cursor < bytes.count, bytes[cursor] == ScanByte.dash || bytes[cursor] == ScanByte.space { cursor += 1 }
        let digitsStart = cursor
        var value = "XYZ".utf8.distance(from: "XYZ".utf8.startIndex, to: prefix)
        while cursor < bytes.count, ScanByte.isDigit(bytes[cursor]), cursor - digitsStart < 8 {
            value = value * 10 + Int(bytes[cursor] - 48)
            cursor += 1
        }
        guard cursor - digitsStart == 7 else { return nil }
        return controlLetterEnd(at: cursor, value: value)
    }

    /// Six digits at `start` forming a plausible `YYMMDD` date.
    private func isBirthDate(at start: Int) -> Bool {
        guard start + 6 <= bytes.count, bytes[start..<(start + 6)].allSatisfy(ScanByte.isDigit) else { return false }
        let month = Int(bytes[start + 2] - 48) * 10 + Int(bytes[start + 3] - 48)
        let day = Int(bytes[start + 4] - 48) * 10 + Int(bytes[start + 5] - 48)
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// CURP: 4 letters, birth date, H/M/X, 2 letters (state), 3 consonants, 1 letter or digit, 1 digit.
    private func mexicanCURP(at start: Int) -> Int? {
        let end = start + 18
        guard end <= bytes.count, endsWord(end), bytes[start..<(start + 4)].allSatisfy(ScanByte.isLetter),
              isBirthDate(at: start + 4), "HMX".utf8.contains(bytes[start + 10] & 0xDF),
              bytes[(start + 11)..<(start + 16)].allSatisfy(ScanByte.isLetter),
              ScanByte.isAlphanumeric(bytes[start + 16]), ScanByte.isDigit(bytes[start + 17]) else { return nil }
        return end
    }

    /// RFC: 3 (companies) or 4 (people) letters, the date, and a 3-character homoclave of letters and digits.
    private func mexicanRFC(at start: Int) -> Int? {
        var letters = 0
        while letters < 4, start + letters < bytes.count, ScanByte.isLetter(bytes[start + letters])
            || bytes[start + letters] == ScanByte.ampersand { letters += 1 }
        guard letters >= 3, isBirthDate(at: start + letters) else { return nil }
        let end = start + letters + 9
        guard end <= bytes.count, endsWord(end),
              bytes[(start + letters + 6)..<end].allSatisfy(ScanByte.isAlphanumeric) else { return nil }
        return end
    }

    // MARK: Numbers named by the words before them

    private static let identityNames: [([UInt8], Redactor.Finding.Kind)] = [(String, Redactor.Finding.Kind)]([
        ("rut", .rut), ("dni", .dni), ("cuit", .cuit), ("cuil", .cuit), ("cédula", .cedula),
        ("cedula", .cedula), ("cc", .cedula),
    ]).map { (Array($0.0.utf8), $0.1) }

    /// Words between an identity number's name and the number ("cédula **de ciudadanía N°** 1.020.304.050").
    private static let identityFillers: Set<[UInt8]> = Set([
        "de", "del", "la", "el", "su", "es", "identidad", "ciudadanía", "ciudadania", "extranjería", "extranjeria",
        "número", "numero", "nro", "no", "n", "nº", "n°", "num", "cliente", "titular", "usuario", "nacional",
        "is", "number", "of", "the",
    ].map { Array($0.utf8) })

    /// After RUT, DNI, CUIT, CUIL, cédula or C.C.: the number that follows (6–12 digits, dots, dashes, a final
    /// check digit or letter), whatever its check digit. `C.C.` is read as one name.
    mutating func scanIdentityAfterName(wordStart: Int, wordEnd: Int) {
        // Every name starts with c, d or r and is at most 7 bytes long (`cédula`).
        let first = ScanByte.lowercased(bytes[wordStart])
        guard wordEnd - wordStart <= 7, first == UInt8(ascii: "c") || first == UInt8(ascii: "d") || first == UInt8(ascii: "r")
        else { return }
        var nameEnd = wordEnd
        var kind: Redactor.Finding.Kind?
        if wordEnd - wordStart == 1, ScanByte.lowercased(bytes[wordStart]) == UInt8(ascii: "c"), wordEnd + 1 < bytes.count,
           bytes[wordEnd] == ScanByte.dot, ScanByte.lowercased(bytes[wordEnd + 1]) == UInt8(ascii: "c") {
            nameEnd = wordEnd + 2
            if nameEnd < bytes.count, bytes[nameEnd] == ScanByte.dot { nameEnd += 1 }
            kind = .cedula
        } else if let entry = Self.identityNames.first(where: { matchesFolded(wordStart..<wordEnd, $0.0) }) {
            kind = entry.1
        } else if wordEnd - wordStart == 1, ScanByte.lowercased(bytes[wordStart]) == UInt8(ascii: "d"),
                  matchesFolded(wordStart..<min(bytes.count, wordStart + 6), Array("d.n.i.".utf8)) {
            nameEnd = wordStart + 6
            kind = .dni
        }
        guard let kind else { return }
        var cursor = nameEnd
        var fillers = 0
        while fillers <= 4 {
            while cursor < bytes.count, ScanByte.isBlank(bytes[cursor]) || bytes[cursor] == ScanByte.colon
                || bytes[cursor] == ScanByte.hash || bytes[cursor] == ScanByte.dot { cursor += 1 }
            guard cursor < bytes.count, !ScanByte.isDigit(bytes[cursor]) else { break }
            var end = cursor
            while end < bytes.count, isKeyByte(bytes[end]) || bytes[end] == 0xC2 { end += 1 }
            guard end > cursor, Self.identityFillers.contains((cursor..<end).map { foldedByte(at: $0) }) else { return }
            cursor = end
            fillers += 1
        }
        guard cursor < bytes.count, ScanByte.isDigit(bytes[cursor]) else { return }
        let start = cursor
        var end = cursor
        var groups: [Int] = [0]
        var value = 0
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if ScanByte.isDigit(byte) {
                groups[groups.count - 1] += 1
                value = (value * 10 + Int(byte - 48)) % 1_000_000_007
                cursor += 1
                end = cursor
                continue
            }
            let next = cursor + 1 < bytes.count ? bytes[cursor + 1] : 0
            if byte == ScanByte.dot || byte == ScanByte.dash || byte == ScanByte.space, ScanByte.isDigit(next) {
                groups.append(0)
                cursor += 1
                continue
            }
            // A final check letter after a group of digits (not after a check digit): `12.345.678-K`, `12345678Z`,
            // and after a space only a RUT's K or a DNI's letter (`12345678 Z`), never the next word.
            let digits = groups.reduce(0, +)
            let afterGroup = digits >= 6 && (groups.last ?? 0) >= 3
            let spacedLetter = byte == ScanByte.space
                && (kind == .dni ? next & 0xDF == Self.dniLetters[value % 23] : next & 0xDF == UInt8(ascii: "K"))
            if afterGroup, byte == ScanByte.dash || spacedLetter, ScanByte.isLetter(next), endsWord(cursor + 2) {
                end = cursor + 2
            } else if afterGroup, ScanByte.isLetter(byte), endsWord(cursor + 1) {
                end = cursor + 1
            }
            break
        }
        let digits = groups.reduce(0, +)
        // `2024-01-31` after "no" is a date, not identity numbers.
        guard (6...12).contains(digits), endsWord(end), groups != [4, 2, 2], groups != [2, 2, 4] else { return }
        add(start..<end, kind, priority: Priority.identity)
    }
}
