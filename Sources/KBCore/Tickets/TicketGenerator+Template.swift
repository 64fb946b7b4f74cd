extension TicketGenerator {
    /// A text with `{slot}` placeholders, split once into JSON-escaped literal bytes and slots
    /// so filling it in the hot loop is a byte copy.
    struct Template: Sendable, ExpressibleByStringLiteral {
        enum Piece: Sendable {
            case literal([UInt8])
            case slot(Slot)
        }

        /// Values a template can mention; `TicketGenerator.Writer` knows how to write each one.
        enum Slot: String, Sendable, CaseIterable {
            case cliente, contacto, email, telefono, ip, agente, nivel, proveedor, caso, n, hora, fecha, version, usuario
        }

        let pieces: [Piece]
        /// Placeholder names that match no slot (a typo in the data tables; tests check there are none).
        let unknownSlots: [String]
        let text: String

        init(stringLiteral text: String) {
            self.init(text)
        }

        init(_ text: String) {
            self.text = text
            var pieces = [Piece]()
            var unknown = [String]()
            var literal = [UInt8]()
            let bytes = Array(text.utf8)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "{"),
                   let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) {
                    let name = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                    if let slot = Slot(rawValue: name) {
                        if !literal.isEmpty { pieces.append(.literal(literal)) }
                        literal.removeAll()
                        pieces.append(.slot(slot))
                        index = close + 1
                        continue
                    }
                    unknown.append(name)
                }
                Writer.appendEscaped(byte, to: &literal)
                index += 1
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            self.pieces = pieces
            self.unknownSlots = unknown
        }
    }
}
