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
        ("password: hunter2", "password: [contraseña]"),
        ("La contraseña: Verano2024!", "La contraseña: [contraseña]"),
        ("La clave es: Verano2024.", "La clave es: [contraseña]."),
        ("password: abc.", "password: [contraseña]."),
        ("CONTRASEÑA=abc", "CONTRASEÑA=[contraseña]"),
        ("clave: Xk29pq", "clave: [contraseña]"),
        ("db_password=\"p@ss word\"", "db_password=\"[contraseña]\""),
        ("{\"api_key\": \"abc123xyz\"}", "{\"api_key\": \"[token]\"}"),
        ("la contraseña es Hola2024 desde ayer", "la contraseña es [contraseña] desde ayer"),
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
         "Authorization: Bearer [token]"),
        ("usar bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U.",
         "usar bearer [token]."),
        ("curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZA=='", "curl -H 'Authorization: Basic [token]'"),
        ("token: 4f9c2a7b1e", "token: [token]"),
        ("key AKIAIOSFODNN7EXAMPLE en el log", "key [token] en el log"),
        ("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", "stripe [token]"),
        ("hash 3f786850e387550fdab836ed7e6dc881de23001b", "hash [token]"),
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

    /// Data written so a reader sees it but a byte pattern would not: character references, NFKC forms, zero-width
    /// and bidi controls, soft hyphens, Markdown escapes, defanged addresses. It is replaced whole, in the form written.
    @Test(arguments: [
        ("Escribir a juan&#64;entity.com hoy", "Escribir a [correo] hoy"),
        ("juan&#x40;entity.com y juan&#X40;b.org", "[correo] y [correo]"),
        ("juan&commat;entity&period;com", "[correo]"),
        ("juan&amp;#64;entity.com", "[correo]"),
        ("juan&#64entity.com", "[correo]"),
        ("servidor 10&#46;2&#46;2&#46;2 caído", "servidor [IP] caído"),
        ("juan＠fullwidth.com y １０.４.４.４", "[correo] y [IP]"),
        ("llamar al +56 9 5555 66\u{200B}77", "llamar al [teléfono]"),
        ("llamar al +56\u{00A0}9\u{00A0}5555\u{00A0}6677", "llamar al [teléfono]"),
        ("ana\u{00AD}.soto@acme\u{2060}.cl", "[correo]"),
        ("ana.soto@\u{202E}acme.cl\u{202C}", "[correo]\u{202C}"),
        ("\u{FEFF}ana@acme.cl", "\u{FEFF}[correo]"),
        ("𝐚𝐧𝐚@𝐚𝐜𝐦𝐞.𝐜𝐥", "[correo]"),
        ("juan [at] example [dot] com y 10[.]2[.]2[.]2", "[correo] y [IP]"),
        ("juan\\@x.com y 10\\.2\\.2\\.3", "[correo] y [IP]"),
        ("contrasen\u{0303}a: hunter2", "contrasen\u{0303}a: [contraseña]"),
        ("contrase&ntilde;a: hunter2", "contrase&ntilde;a: [contraseña]"),
        ("ＣＯＮＴＲＡＳＥÑＡ: Ｘｋ２９ｐｑ", "ＣＯＮＴＲＡＳＥÑＡ: [contraseña]"),
        ("PaSsWoRd: hunter2", "PaSsWoRd: [contraseña]"),
        ("Atendido por ana maria so\u{200B}to", "Atendido por [agente]"),
        ("Atendido por ANA&#32;MARÍA&nbsp;SOTO", "Atendido por [agente]"),
    ])
    func redactsObfuscatedData(input: String, expected: String) {
        #expect(Self.redactor.redact(input) == expected)
    }

    /// Provider tokens, keys, passwords and PINs in Spanish and English phrasing, identity numbers and cards, each
    /// with its own placeholder.
    @Test(arguments: [
        ("token glpat-Ab3dEfGh1jKlMn0pQrSt", "token [token]"),
        ("ghp_abcdefghijklmnopqrstuvwxyz0123456789 y gho_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", "[token] y [token]"),
        ("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRS", "[token]"),
        ("slack xoxb-123456789012-1234567890123-abcdefABCDEF y xoxp-1111-2222-3333-aaaa", "slack [token] y [token]"),
        ("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "https://hooks.slack.com/services/[token]"),
        ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [token]"),
        ("AWS: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY en el log", "AWS: [token] en el log"),
        ("AKIAIOSFODNN7EXAMPLE", "[token]"),
        ("clave AIzaSyA1234567890abcdefghijklmnopqrstuv", "clave [token]"),
        ("SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "[token]"),
        ("rk_live_4eC39HqLyjWDarjtT1zdp7dc", "[token]"),
        ("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U fin", "jwt [token] fin"),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\nfin", "[clave privada]\nfin"),
        ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n\nfin", "[clave privada]\n\nfin"),
        ("secret=c2VjcmV0LXZhbHVl", "secret=[token]"),
        ("password temporal P4ssw0rd!", "password temporal [contraseña]"),
        ("Contraseña provisoria Mnb77777", "Contraseña provisoria [contraseña]"),
        ("clave temporal: Qw3rty!2026", "clave temporal: [contraseña]"),
        ("la nueva clave quedó como Verano2026", "la nueva clave quedó como [contraseña]"),
        ("pass: Zz123456", "pass: [contraseña]"),
        ("su contraseña es Hola2026 y listo", "su contraseña es [contraseña] y listo"),
        ("use the password hunter22 now", "use the password [contraseña] now"),
        ("Your temporary password is: Xy12ab", "Your temporary password is: [contraseña]"),
        ("PIN 4821", "PIN [PIN]"),
        ("su PIN de acceso es 482193", "su PIN de acceso es [PIN]"),
        ("RUT 12.345.678-9 y 12.345.678-5 y 12345678-5", "RUT [RUT] y [RUT] y [RUT]"),
        ("tarjeta 4111 1111 1111 1111 y 4111-1111-1111-1111", "tarjeta [tarjeta] y [tarjeta]"),
        ("Amex 3782 822463 10005", "Amex [tarjeta]"),
        ("CURP GOMH800101HDFRRN09 y RFC GOMH800101AB1", "CURP [CURP] y RFC [RFC]"),
        ("DNI 12345678Z y NIE X-1234567-L", "DNI [DNI] y NIE [NIE]"),
        ("DNI 45678912 (Perú)", "DNI [DNI] (Perú)"),
        ("CUIT 20-12345678-6 y 20123456786", "CUIT [CUIT/CUIL] y [CUIT/CUIL]"),
        ("cédula de ciudadanía 1.020.304.050 y C.C. 52123456", "cédula de ciudadanía [cédula] y C.C. [cédula]"),
    ])
    func redactsSecretsAndIdentityNumbers(input: String, expected: String) {
        #expect(Self.redactor.redact(input) == expected)
    }

    @Test func englishLabelsForEveryKind() {
        let redactor = Redactor(language: .english)
        #expect(redactor.redact("card 4111 1111 1111 1111, password temporal P4ssw0rd!, cédula 52123456")
            == "card [card], password temporal [password], cédula [ID number]")
        #expect(Set(Redactor.Finding.Kind.allCases.map(redactor.placeholder)).count == Redactor.Finding.Kind.allCases.count)
    }

    @Test func findingsPointAtTheWrittenForm() throws {
        let text = "Hola\nEscribir a juan&#64;entity.com ya"
        let finding = try #require(Self.redactor.findings(in: text).first)
        #expect(finding.kind == .email && finding.line == 2 && finding.column == 12)
        #expect(String(text[finding.range(in: text)]) == "juan&#64;entity.com")
    }

    @Test func secretsAreToldFromPersonalData() {
        #expect(Self.redactor.containsSecret("entrar con la clave temporal Temporal123!"))
        #expect(Self.redactor.containsSecret("token ghp_abcdefghijklmnopqrstuvwxyz0123456789"))
        #expect(!Self.redactor.containsSecret("escribir a ana@acme.cl o llamar al +56 9 1234 5678"))
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
        "Cambiar la contraseña del usuario supervisor03 y de la cuenta agente12",
        "La contraseña de 2024 expiró; el token JWT va en la cabecera",
        "Cambio de contraseña del portal: se envió un enlace",
        "Tarjeta terminada en 1111; número 4111 1111 1111 1112 no pasa Luhn",
        "Tiempos 1700000000000 y 4000000000000 ms",
        "Pedido 12345678-9 (no es un RUT: el dígito verificador no cuadra) y la cédula no la tenemos",
        "Pedido no 2024-01-31 y DNI pendiente",
        "AT&T, R&D, Smith & Wesson; &copy; 2026 — ¿Qué tal? ñandú, acción, Übersicht",
        "Emoji 👩‍👩‍👧 y 👍🏽 y 🇨🇱 sin cambios",
        "日本語のテキスト、Ελληνικά, русский текст",
    ])
    func leavesAlone(input: String) {
        #expect(Self.redactor.redact(input) == input)
        #expect(Self.redactor.findings(in: input).isEmpty)
    }

    @Test func englishPlaceholders() {
        let redactor = Redactor(language: .english, customerNames: ["Acme"], agentNames: ["Ana"])
        let text = "Acme: mail ana@x.io, call +1 415 555 0100, ip 10.1.2.3, password: p4ss, agent Ana"
        #expect(redactor.redact(text)
            == "[customer]: mail [email], call [phone], ip [IP], password: [password], agent [agent]")
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
