import Foundation
import Testing
@testable import KBCore

@Suite struct RedactorTests {
    static let redactor = Redactor(language: .spanish, customerNames: ["Banco Austral", "Acme", "Pérez y Cía"],
                                   agentNames: ["Ana María Soto", "Luis Ñúñez"])

    /// Text in, expected Spanish redaction out.
    @Test(arguments: [
        ("Escribir a ana.soto@acme-corp.cl para coordinar", "Escribir a [correo] para coordinar"),
        ("<juan_perez+soporte@mail.example.com>.", "<[correo]>."),
        ("Llamar al +56 9 1234 5678 hoy", "Llamar al [teléfono] hoy"),
        ("Móvil: +34 612 34 56 78.", "Móvil: [teléfono]."),
        ("fono (2) 2345 6789 oficina", "fono [teléfono] oficina"),
        ("anexo 555-1234 o 2345 6789", "anexo [teléfono] o [teléfono]"),
        ("+56912345678", "[teléfono]"),
        ("teléfono 912345678", "teléfono [teléfono]"),
        ("Servidor 192.168.10.25 caído", "Servidor [IP] caído"),
        ("ip=10.0.0.1:8080", "ip=[IP]:8080"),
        ("Desde 2001:db8::8a2e:370:7334 y fe80::1.", "Desde [IP] y [IP]."),
        ("host ::ffff:192.0.2.128 ok", "host [IP] ok"),
        ("https://admin:S3cr3t@portal.example.cl/login", "https://[credencial]@portal.example.cl/login"),
        ("git clone https://ghp_token@github.com/x/y", "git clone https://[credencial]@github.com/x/y"),
        ("password: hunter2", "password: [credencial]"),
        ("La contraseña: Verano2024!", "La contraseña: [credencial]"),
        ("La clave es: Verano2024.", "La clave es: [credencial]."),
        ("password: abc.", "password: [credencial]."),
        ("CONTRASEÑA=abc", "CONTRASEÑA=[credencial]"),
        ("clave: Xk29pq", "clave: [credencial]"),
        ("db_password=\"p@ss word\"", "db_password=\"[credencial]\""),
        ("{\"api_key\": \"abc123xyz\"}", "{\"api_key\": \"[credencial]\"}"),
        ("la contraseña es Hola2024 desde ayer", "la contraseña es [credencial] desde ayer"),
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
         "Authorization: Bearer [credencial]"),
        ("usar bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U.",
         "usar bearer [credencial]."),
        ("curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZA=='", "curl -H 'Authorization: Basic [credencial]'"),
        ("token: 4f9c2a7b1e", "token: [credencial]"),
        ("key AKIAIOSFODNN7EXAMPLE en el log", "key [credencial] en el log"),
        ("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", "stripe [credencial]"),
        ("hash 3f786850e387550fdab836ed7e6dc881de23001b", "hash [credencial]"),
        ("El cliente Banco Austral reportó", "El cliente [cliente] reportó"),
        ("Sitio https://portal.acme.cl caído", "Sitio https://portal.[cliente].cl caído"),
        ("Ticket de BANCO  austral y de acme.", "Ticket de [cliente] y de [cliente]."),
        ("Atendido por ana maria soto (N2)", "Atendido por [agente] (N2)"),
        ("escalado a Luis Nunez", "escalado a [agente]"),
        ("Pérez y Cía confirmó", "[cliente] confirmó"),
    ])
    func redacts(input: String, expected: String) {
        #expect(Self.redactor.redact(input) == expected)
    }

    /// Text that looks like personal data to a careless pattern but is not.
    @Test(arguments: [
        "Ticket T-000123 abierto el 2026-03-10 a las 10:30",
        "Error ERR-401 en la versión v2.3 del portal",
        "Actualizar a 3.10.12 o a Ubuntu 22.04.3",
        "Entre 2019 2020 2021 hubo 1.234.567 registros",
        "Fechas 10/03/2026, 10-03-2026 y 2026/03/10",
        "2026-03-10T09:14:00-03:00 y 2026-03-10 09:14",
        "Plan 12x5, horario 08:00-20:00, soporte 24/7",
        "Escalado a KB-0007 y a N2; severidad 1 en 15 min",
        "Escuchar en 127.0.0.1 o ::1 o 0.0.0.0",
        "Punto clave: revisar el certificado",
        "Ingrese su nueva contraseña: debe tener 8 caracteres",
        "El token expiró; pida uno nuevo",
        "Use un Bearer token en la cabecera",
        "Revisar kb/articles/portal/login-certificado.md",
        "UUID 550e8400-e29b-41d4-a716-446655440000",
        "Paquete x86_64-linux-gnu, ConfigurationManager",
        "tiempo 10:30:00, mac 00:1a:2b:3c:4d:5e",
        "std::vector y dead::beef",
        "contraseña: [credencial] ya redactada, password: ****",
        "Acmesoft no es un cliente; Austral tampoco",
        "Mencionar a @ana en el chat",
        "El monto fue $ 1.500.000 y 3,1415",
        "Dirección del portal: https://portal.example.com/login?next=/home",
    ])
    func leavesAlone(input: String) {
        #expect(Self.redactor.redact(input) == input)
        #expect(Self.redactor.findings(in: input).isEmpty)
    }

    @Test func englishPlaceholders() {
        let redactor = Redactor(language: .english, customerNames: ["Acme"], agentNames: ["Ana"])
        let text = "Acme: mail ana@x.io, call +1 415 555 0100, ip 10.1.2.3, password: p4ss, agent Ana"
        #expect(redactor.redact(text)
            == "[customer]: mail [email], call [phone], ip [IP], password: [secret], agent [agent]")
    }

    @Test func findingsCarryKindLineAndColumn() throws {
        let text = "Hola\nEscribe a ana@acme.cl\nÁrea: 10.0.0.7"
        let findings = Self.redactor.findings(in: text)
        #expect(findings.map(\.kind) == [.email, .ipAddress])
        let email = try #require(findings.first)
        #expect(email.line == 2 && email.column == 11)
        #expect(String(text[email.range(in: text)]) == "ana@acme.cl")
        let ip = try #require(findings.last)
        #expect(ip.line == 3 && ip.column == 7)
        #expect(String(text[ip.range(in: text)]) == "10.0.0.7")
    }

    @Test func customerNameInsideEmailIsOneEmailFinding() {
        #expect(Self.redactor.findings(in: "soporte@acme.cl").map(\.kind) == [.email])
    }

    @Test(arguments: [
        ("password: z", Redactor.Finding.Kind.password),
        ("https://u:p@h.io", .urlCredentials),
        ("Bearer abcdefgh12345", .token),
        ("+56 9 1234 5678", .phone),
        ("a@b.co", .email),
        ("Acme", .customerName),
        ("Luis Ñúñez", .agentName),
        ("fe80::1", .ipAddress),
    ])
    func kinds(input: String, kind: Redactor.Finding.Kind) {
        #expect(Self.redactor.findings(in: input).map(\.kind) == [kind])
    }

    @Test func oneLetterNamesAreIgnored() {
        let redactor = Redactor(customerNames: ["A", ""], agentNames: ["y"])
        #expect(redactor.redact("a y b") == "a y b")
    }

    @Test func findsEveryItemInThousandsOfTexts() {
        let paragraph = """
        El cliente Acme reportó que el portal no carga desde 192.168.1.20. Se contactó a Ana María Soto \
        al +56 9 8765 4321 y por correo a soporte@acme.cl. Versión v2.3, error ERR-401, ticket T-001042, \
        2026-03-10 10:30. Se reinició el balanceador y se renovó el certificado; la clave: Xk29pq fue rotada.
        """
        let texts = (0..<2_000).map { "\(paragraph) Caso \($0)." }
        var total = 0
        for text in texts { total += Self.redactor.findings(in: text).count }
        #expect(total == 2_000 * 6)
    }
}
