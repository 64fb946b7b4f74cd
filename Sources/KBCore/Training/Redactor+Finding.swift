extension Redactor {
    /// One piece of personal data found in a text, with where it is.
    public struct Finding: Sendable, Equatable {
        /// What kind of personal data it is; several kinds share one placeholder.
        public enum Kind: String, Sendable, CaseIterable, Codable {
            case email
            case phone
            case ipAddress = "ip_address"
            /// The `user:password` part of a URL (the host is kept).
            case urlCredentials = "url_credentials"
            /// The value after `password:`, `contraseña temporal`, `la clave quedó como` and the like.
            case password
            /// A PIN, one-time code or card security code after its name (`PIN 4821`).
            case pin
            /// Provider tokens (GitHub, GitLab, Slack, AWS, Google, SendGrid, Stripe…), JWTs, bearer tokens,
            /// `token: …` and `key=…` values and long random-looking strings.
            case token
            /// A PEM or PGP private key block, `-----BEGIN … PRIVATE KEY-----` through its end.
            case privateKey = "private_key"
            /// A payment card number (13–19 digits passing the Luhn check).
            case card
            /// Chilean RUT/RUN.
            case rut
            /// Mexican CURP.
            case curp
            /// Mexican RFC.
            case rfc
            /// Spanish DNI (with its control letter) or Peruvian DNI (after "DNI").
            case dni
            /// Spanish NIE.
            case nie
            /// Argentine CUIT or CUIL.
            case cuit
            /// Colombian cédula de ciudadanía (after "cédula" or "C.C.").
            case cedula
            case customerName = "customer_name"
            case agentName = "agent_name"

            /// Lower-case English description, for lint messages.
            public var label: String {
                switch self {
                case .email: "email address"
                case .phone: "phone number"
                case .ipAddress: "IP address"
                case .urlCredentials: "credentials in a URL"
                case .password: "password"
                case .pin: "PIN or one-time code"
                case .token: "token or API key"
                case .privateKey: "private key"
                case .card: "payment card number"
                case .rut: "Chilean RUT"
                case .curp: "Mexican CURP"
                case .rfc: "Mexican RFC"
                case .dni: "national identity number (DNI)"
                case .nie: "Spanish NIE"
                case .cuit: "Argentine CUIT/CUIL"
                case .cedula: "Colombian cédula"
                case .customerName: "customer name"
                case .agentName: "agent name"
                }
            }

            /// Secrets, as opposed to personal data: a ticket holding one never feeds customer material, even redacted.
            public var isSecret: Bool {
                switch self {
                case .urlCredentials, .password, .pin, .token, .privateKey: true
                default: false
                }
            }
        }

        public var kind: Kind
        /// Byte offsets into the text's UTF-8 (exactly the part the placeholder replaces).
        public var utf8Range: Range<Int>
        /// 1-based line of the start within the text.
        public var line: Int
        /// 1-based column of the start, counted in Unicode scalars.
        public var column: Int

        public init(kind: Kind, utf8Range: Range<Int>, line: Int, column: Int) {
            self.kind = kind
            self.utf8Range = utf8Range
            self.line = line
            self.column = column
        }

        /// The same range as string indices of `text` (the text the finding came from).
        public func range(in text: String) -> Range<String.Index> {
            let utf8 = text.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: utf8Range.lowerBound)
            let upper = utf8.index(lower, offsetBy: utf8Range.count)
            return lower..<upper
        }
    }
}

/// A piece of personal data found by `Redactor.findings(in:)`.
public typealias RedactionFinding = Redactor.Finding
