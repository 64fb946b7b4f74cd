extension TicketGenerator {
    /// A customer company of the demo data: its contract plan and time zone feed `kb/policy.json`.
    public struct Customer: Sendable {
        /// Company name, as written in the tickets' `customer` field.
        public let name: String
        /// Contract plan: `12x5` or `24x7`.
        public let plan: String
        /// Time zone of the customer's operation; its `identifier` goes into tickets and the policy.
        public let zone: Zone
        /// Mail domain of its people (personal data the redaction must catch).
        let domain: String
        /// Relative ticket volume: large customers open more tickets.
        let weight: Int
        let contacts: [Contact]
    }

    /// A person at a customer who opens and follows tickets.
    struct Contact: Sendable {
        let name: String
        let email: String
        let phone: String
    }

    /// A support engineer: `ana`, level `N1`.
    public struct Agent: Sendable {
        /// Lower-case first name, as written in `assignee` and event authors.
        public let name: String
        /// `N1`, `N2` or `N3`.
        public let level: String
    }

    /// An external provider tickets are escalated to as `vendor:ID`.
    public struct Vendor: Sendable {
        /// Identifier used in escalations (`vendor:telco-andina`).
        public let id: String
        /// Display name used in ticket texts.
        public let name: String
        /// Prefix of the provider's own case numbers (`TA-48213`).
        let casePrefix: String
    }

    /// The demo customers, in a fixed order.
    public static let customers: [Customer] = {
        let table: [(String, String, Zone, Int)] = [
            ("Transportes Andinos", "24x7", .santiago, 9),
            ("Clínica San Rafael", "24x7", .santiago, 7),
            ("Viña Los Robles", "12x5", .santiago, 2),
            ("Retail Austral", "12x5", .santiago, 6),
            ("Seguros Cordillera", "24x7", .santiago, 5),
            ("Constructora Pehuén", "12x5", .santiago, 2),
            ("Universidad del Pacífico", "12x5", .santiago, 4),
            ("Farmacias Bienestar", "24x7", .santiago, 6),
            ("Minera Atacama Norte", "24x7", .santiago, 3),
            ("Banco Cafetero", "24x7", .bogota, 8),
            ("Aerolíneas del Caribe", "24x7", .bogota, 6),
            ("Distribuidora El Dorado", "12x5", .bogota, 3),
            ("Energía del Magdalena", "24x7", .bogota, 3),
            ("Fundación Educativa Nueva Granada", "12x5", .bogota, 2),
            ("Cobranzas Medellín", "12x5", .bogota, 5),
            ("Hotel Cartagena Real", "12x5", .bogota, 2),
            ("Logística Azteca", "24x7", .mexicoCity, 7),
            ("Aseguradora Quetzal", "24x7", .mexicoCity, 5),
            ("Grupo Comercial Tenochtitlan", "12x5", .mexicoCity, 4),
            ("Laboratorios Maya", "12x5", .mexicoCity, 3),
            ("Autopartes del Bajío", "12x5", .mexicoCity, 3),
            ("Hospital Santa Fe de Monterrey", "24x7", .mexicoCity, 4),
            ("Mueblería Jalisco", "12x5", .mexicoCity, 1),
            ("Cooperativa Inti", "12x5", .lima, 3),
            ("Pesquera Humboldt", "24x7", .lima, 3),
            ("Clínica Miraflores", "24x7", .lima, 4),
            ("Textiles Arequipa", "12x5", .lima, 2),
            ("Financiera Amazonas", "24x7", .lima, 5),
            ("Agroexportadora Ica", "12x5", .lima, 2),
            ("Lácteos La Pampa", "12x5", .buenosAires, 3),
            ("Seguros del Plata", "24x7", .buenosAires, 6),
            ("Editorial Rioplatense", "12x5", .buenosAires, 1),
            ("Turismo Patagonia", "24x7", .buenosAires, 3),
            ("Bodegas Mendoza Sur", "12x5", .buenosAires, 2),
            ("Expreso Pampeano", "24x7", .buenosAires, 4),
            ("Distribuciones Ibéricas", "12x5", .madrid, 3),
            ("Clínica Dental Castellana", "12x5", .madrid, 1),
            ("Energías del Cantábrico", "24x7", .madrid, 3),
            ("Viajes Mediterráneo", "12x5", .madrid, 2),
            ("Inmobiliaria Sol de Levante", "12x5", .madrid, 1),
        ]
        return table.enumerated().map { index, row in
            let (name, plan, zone, weight) = row
            let domain = mailDomain(name, zone: zone)
            let contacts = (0..<2).map { contact(customer: index, number: $0, domain: domain, zone: zone) }
            return Customer(name: name, plan: plan, zone: zone, domain: domain, weight: weight, contacts: contacts)
        }
    }()

    /// The support team; `agents[i].level` is the level the agent works at.
    public static let agents: [Agent] =
        ["ana", "luis", "camila", "jorge", "valentina", "diego", "sofia", "matias", "fernanda", "tomas"]
            .map { Agent(name: $0, level: "N1") }
        + ["carolina", "andres", "paula", "felipe", "javiera"].map { Agent(name: $0, level: "N2") }
        + ["rodrigo", "daniela", "ignacio"].map { Agent(name: $0, level: "N3") }

    static let levelOneAgents = agents.indices.filter { agents[$0].level == "N1" }
    static let levelTwoAgents = agents.indices.filter { agents[$0].level == "N2" }
    static let levelThreeAgents = agents.indices.filter { agents[$0].level == "N3" }

    /// External providers; families that depend on one escalate to the same one every time.
    public static let vendors: [Vendor] = [
        Vendor(id: "telco-andina", name: "Telco Andina", casePrefix: "TA"),
        Vendor(id: "cloudsms", name: "CloudSMS", casePrefix: "CS"),
        Vendor(id: "certificadora", name: "Certificadora Andes", casePrefix: "CERT"),
        Vendor(id: "nubehost", name: "NubeHost", casePrefix: "NH"),
        Vendor(id: "correo-seguro", name: "CorreoSeguro", casePrefix: "CSG"),
        Vendor(id: "mensajeria-latam", name: "Mensajería Latam", casePrefix: "ML"),
    ]

    static func vendorIndex(_ id: String) -> Int? {
        vendors.firstIndex { $0.id == id }
    }

    /// Logins of end users mentioned in tickets.
    static let endUsers = [
        "jperez", "mrojas", "cgonzalez", "supervisor03", "agente12", "lmunoz", "asilva", "pcastro",
        "operador.turno2", "kdiaz", "rfuentes", "admin.contact", "vtorres", "agente27", "mlopez",
    ]

    static func cumulative(_ weights: [Int]) -> [Int] {
        var total = 0
        return weights.map { total += $0; return total }
    }

    private static let firstNames = [
        "Marcela", "Juan", "Patricia", "Rodrigo", "Carolina", "Andrés", "Lucía", "Héctor", "Verónica", "Sebastián",
        "Claudia", "Mauricio", "Daniela", "Gonzalo", "Natalia", "Ricardo", "Ximena", "Julián", "Paola", "Esteban",
        "Lorena", "Iván", "Gabriela", "Álvaro", "Mónica", "Raúl", "Silvia", "Fabián", "Catalina", "Ignacio", "Beatriz",
    ]
    private static let lastNames = [
        "Pérez", "González", "Muñoz", "Rojas", "Díaz", "Soto", "Contreras", "Silva", "Martínez", "Sepúlveda",
        "Morales", "Rodríguez", "López", "Fuentes", "Hernández", "Torres", "Araya", "Flores", "Espinoza", "Castillo",
        "Ramírez", "Gutiérrez", "Vargas", "Ortiz", "Núñez", "Castro", "Jiménez", "Ríos", "Salazar",
    ]

    private static func contact(customer: Int, number: Int, domain: String, zone: Zone) -> Contact {
        var random = Random(seed: 0x6B62_2D64_656D_6F00, stream: UInt64(customer * 2 + number))
        let first = firstNames[random.below(firstNames.count)]
        let last = lastNames[random.below(lastNames.count)]
        let email = asciiLower(first) + "." + asciiLower(last) + "@" + domain
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(random.below(10))) })
        }
        let phone: String
        switch zone {
        case .santiago: phone = "+56 9 \(digits(4)) \(digits(4))"
        case .bogota: phone = "+57 3\(digits(2)) \(digits(3)) \(digits(4))"
        case .mexicoCity: phone = "+52 55 \(digits(4)) \(digits(4))"
        case .lima: phone = "+51 9\(digits(2)) \(digits(3)) \(digits(3))"
        case .buenosAires: phone = "+54 9 11 \(digits(4))-\(digits(4))"
        case .madrid: phone = "+34 6\(digits(2)) \(digits(3)) \(digits(3))"
        }
        return Contact(name: first + " " + last, email: email, phone: phone)
    }

    private static func mailDomain(_ name: String, zone: Zone) -> String {
        let words = name.split(separator: " ").map { asciiLower(String($0)) }
            .filter { !["de", "del", "la", "los", "el"].contains($0) }
        let tld: String
        switch zone {
        case .santiago: tld = "cl"
        case .bogota: tld = "com.co"
        case .mexicoCity: tld = "com.mx"
        case .lima: tld = "com.pe"
        case .buenosAires: tld = "com.ar"
        case .madrid: tld = "es"
        }
        return words.prefix(2).joined() + "." + tld
    }

    /// Lower-case ASCII of a Spanish word (`Muñoz` → `munoz`), for mail addresses.
    static func asciiLower(_ word: String) -> String {
        var output = [UInt8]()
        let bytes = Array(word.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0xC3, index + 1 < bytes.count, let plain = Writer.plainLetter(bytes[index + 1]) {
                output.append(plain | 0x20)
                index += 2
                continue
            }
            if byte < 0x80, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) {
                output.append(byte | 0x20)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
