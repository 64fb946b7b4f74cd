extension TicketGenerator {
    /// Builds one JSON line in a byte buffer: no `JSONEncoder`, no intermediate strings.
    struct Writer {
        var bytes: [UInt8] = []
        private var cachedDays: Int64 = .min
        private var cachedDate = (year: 1970, month: 1, day: 1)

        init(capacity: Int = 8192) {
            bytes.reserveCapacity(capacity)
        }

        mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        /// Appends one byte of text, escaped for a JSON string (UTF-8 continuation bytes pass through).
        static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
            switch byte {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\\")); output.append(byte)
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\")); output.append(byte)
            case 0x0A: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "t"))
            case 0x00..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30])
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }

        /// Appends a JSON string value.
        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            escaped(text, deaccent: false)
            bytes.append(UInt8(ascii: "\""))
        }

        mutating func escaped(_ text: String, deaccent: Bool) {
            var text = text
            text.withUTF8 { buffer in
                if deaccent {
                    var escapedBytes = [UInt8]()
                    escapedBytes.reserveCapacity(buffer.count + 8)
                    for byte in buffer { Writer.appendEscaped(byte, to: &escapedBytes) }
                    appendDeaccented(escapedBytes[...])
                } else if buffer.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                    for byte in buffer { Writer.appendEscaped(byte, to: &bytes) }
                } else {
                    bytes.append(contentsOf: buffer)
                }
            }
        }

        /// Copies already-escaped UTF-8, writing Spanish accented letters as plain ones and dropping
        /// the opening `¿` and `¡`, the way people type in a hurry ("contrasena", "sesion").
        mutating func appendDeaccented(_ source: ArraySlice<UInt8>) {
            var index = source.startIndex
            while index < source.endIndex {
                let byte = source[index]
                let nextIndex = index + 1
                if (byte == 0xC3 || byte == 0xC2), nextIndex < source.endIndex {
                    let next = source[nextIndex]
                    if byte == 0xC2 {
                        if next == 0xBF || next == 0xA1 {
                            index += 2
                            continue
                        }
                    } else if let plain = Writer.plainLetter(next) {
                        bytes.append(plain)
                        index += 2
                        continue
                    }
                }
                bytes.append(byte)
                index += 1
            }
        }

        /// The ASCII letter for the second byte of a `C3 xx` UTF-8 sequence, for the accents Spanish uses.
        static func plainLetter(_ second: UInt8) -> UInt8? {
            switch second {
            case 0xA1: UInt8(ascii: "a")
            case 0xA9: UInt8(ascii: "e")
            case 0xAD: UInt8(ascii: "i")
            case 0xB3: UInt8(ascii: "o")
            case 0xBA, 0xBC: UInt8(ascii: "u")
            case 0xB1: UInt8(ascii: "n")
            case 0x81: UInt8(ascii: "A")
            case 0x89: UInt8(ascii: "E")
            case 0x8D: UInt8(ascii: "I")
            case 0x93: UInt8(ascii: "O")
            case 0x9A: UInt8(ascii: "U")
            case 0x91: UInt8(ascii: "N")
            default: nil
            }
        }

        /// Appends a template as a JSON string value, its slots filled from the ticket.
        mutating func template(_ template: Template, _ context: Context, deaccent: Bool = false) {
            openString()
            templateBody(template, context, deaccent: deaccent)
            closeString()
        }

        mutating func openString() {
            bytes.append(UInt8(ascii: "\""))
        }

        mutating func closeString() {
            bytes.append(UInt8(ascii: "\""))
        }

        /// Appends a template's text inside an open JSON string.
        mutating func templateBody(_ template: Template, _ context: Context, deaccent: Bool) {
            for piece in template.pieces {
                switch piece {
                case .literal(let literal):
                    if deaccent { appendDeaccented(literal[...]) } else { bytes.append(contentsOf: literal) }
                case .slot(let slot):
                    self.slot(slot, context, deaccent: deaccent)
                }
            }
        }

        mutating func slot(_ slot: Template.Slot, _ context: Context, deaccent: Bool) {
            switch slot {
            case .cliente: escaped(context.customer.name, deaccent: deaccent)
            case .contacto: escaped(context.contact.name, deaccent: deaccent)
            case .email: escaped(context.contact.email, deaccent: false)
            case .telefono: escaped(context.contact.phone, deaccent: false)
            case .agente: escaped(TicketGenerator.agents[context.agent].name, deaccent: false)
            case .nivel: escaped(TicketGenerator.agents[context.agent].level, deaccent: false)
            case .proveedor: escaped(context.vendor.name, deaccent: deaccent)
            case .usuario: escaped(context.endUser, deaccent: false)
            case .caso:
                escaped(context.vendor.casePrefix, deaccent: false)
                bytes.append(UInt8(ascii: "-"))
                int(context.caseNumber)
            case .n: int(context.number)
            case .ip:
                for shift in stride(from: 24, through: 0, by: -8) {
                    int(Int((context.ip >> UInt32(shift)) & 0xFF))
                    if shift > 0 { bytes.append(UInt8(ascii: ".")) }
                }
            case .hora:
                padded(context.localHour, width: 2)
                bytes.append(UInt8(ascii: ":"))
                padded(context.localMinute, width: 2)
            case .fecha:
                padded(context.localDay, width: 2)
                bytes.append(UInt8(ascii: "/"))
                padded(context.localMonth, width: 2)
                bytes.append(UInt8(ascii: "/"))
                int(context.localYear)
            case .version:
                bytes.append(UInt8(ascii: "v"))
                int(context.version.major)
                bytes.append(UInt8(ascii: "."))
                int(context.version.minor)
                bytes.append(UInt8(ascii: "."))
                int(context.version.patch)
            }
        }

        mutating func int(_ value: Int) {
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            let magnitude = value.magnitude
            var divisor: UInt = 1
            while divisor <= magnitude / 10 { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(truncatingIfNeeded: 48 + magnitude / divisor % 10))
                divisor /= 10
            }
        }

        /// Two decimal digits (00–99), the common case of dates and times.
        mutating func twoDigits(_ value: Int) {
            bytes.append(UInt8(truncatingIfNeeded: 48 + value / 10))
            bytes.append(UInt8(truncatingIfNeeded: 48 + value % 10))
        }

        mutating func padded(_ value: Int, width: Int) {
            if width == 2, (0..<100).contains(value) { return twoDigits(value) }
            var digits = 1, limit = 10
            while value >= limit { digits += 1; limit *= 10 }
            for _ in digits..<max(width, digits) { bytes.append(48) }
            int(value)
        }

        /// Appends an ISO 8601 time with offset as a JSON string: `"2026-03-02T09:14:00-03:00"`.
        mutating func time(_ seconds: Int64, offset: Int32) {
            let local = seconds + Int64(offset)
            let days = TicketGenerator.floorDiv(local, 86_400)
            let secondOfDay = Int(local - days * 86_400)
            if days != cachedDays {
                // A timeline's events mostly fall on the same day: skip the calendar arithmetic then.
                cachedDays = days
                cachedDate = Timestamp.civilFromDays(days)
            }
            let (year, month, day) = cachedDate
            bytes.append(UInt8(ascii: "\""))
            twoDigits(year / 100 % 100)
            twoDigits(year % 100)
            bytes.append(UInt8(ascii: "-"))
            twoDigits(month)
            bytes.append(UInt8(ascii: "-"))
            twoDigits(day)
            bytes.append(UInt8(ascii: "T"))
            twoDigits(secondOfDay / 3600)
            bytes.append(UInt8(ascii: ":"))
            twoDigits(secondOfDay % 3600 / 60)
            bytes.append(UInt8(ascii: ":"))
            twoDigits(secondOfDay % 60)
            if offset == 0 {
                bytes.append(UInt8(ascii: "Z"))
            } else {
                let magnitude = Int(offset.magnitude)
                bytes.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
                twoDigits(magnitude / 3600)
                bytes.append(UInt8(ascii: ":"))
                twoDigits(magnitude % 3600 / 60)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
