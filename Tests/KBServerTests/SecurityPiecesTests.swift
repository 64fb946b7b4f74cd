import Foundation
import KBCore
import KBServer
import Testing

@Suite("Tokens, constant-time comparison, signatures, CSRF")
struct SecurityPiecesTests {
    /// A byte collection that counts how many elements were read through it.
    final class Counter: @unchecked Sendable {
        var reads = 0
    }

    struct CountingBytes: Collection {
        let bytes: [UInt8]
        let counter: Counter
        var startIndex: Int { 0 }
        var endIndex: Int { bytes.count }
        func index(after i: Int) -> Int { i + 1 }
        subscript(position: Int) -> UInt8 {
            counter.reads += 1
            return bytes[position]
        }
    }

    @Test func constantTimeReadsEveryByteWhereverTheInputsDiffer() {
        let secret = [UInt8](repeating: 0x41, count: 32)
        var differFirst = secret
        differFirst[0] = 0
        var differLast = secret
        differLast[31] = 0
        var readsPerCase: [Int] = []
        for (other, equal) in [(secret, true), (differFirst, false), (differLast, false)] {
            let counter = Counter()
            #expect(ConstantTime.equals(CountingBytes(bytes: secret, counter: counter), other) == equal)
            readsPerCase.append(counter.reads)
        }
        #expect(readsPerCase == [32, 32, 32])
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([UInt8](), [UInt8]()))
    }

    @Test func tokensAuthenticateByDigestAndNeverPrintThemselves() {
        let tokens = AccessTokens([
            AccessToken(role: .read, token: "aaaaaaaaaaaaaaaa", name: "agents"),
            AccessToken(role: .write, token: "aaaaaaaaaaaaaaab"),
        ])
        #expect(tokens.authenticate("aaaaaaaaaaaaaaaa")?.name == "agents")
        #expect(tokens.authenticate("aaaaaaaaaaaaaaab")?.role == .write)
        #expect(tokens.authenticate("aaaaaaaaaaaaaaab")?.name == "write")
        #expect(tokens.authenticate("aaaaaaaaaaaaaaa") == nil)
        #expect(tokens.authenticate("aaaaaaaaaaaaaaaaa") == nil)
        #expect(tokens.authenticate("") == nil)
        #expect(!String(describing: tokens).contains("aaaaaaaaaaaaaaaa"))
    }

    @Test func rolesPermitRoutes() {
        #expect(AccessRole.read.permits(.read))
        #expect(!AccessRole.read.permits(.write))
        #expect(AccessRole.write.permits(.read))
        #expect(AccessRole.write.permits(.write))
        #expect(AccessRole.read.permits(.open))
    }

    @Test func bearerHeaderParsing() {
        #expect(AccessTokens.bearer(in: "Bearer abc") == "abc")
        #expect(AccessTokens.bearer(in: "bearer   abc  ") == "abc")
        #expect(AccessTokens.bearer(in: "Basic abc") == nil)
        #expect(AccessTokens.bearer(in: "Bearer ") == nil)
        #expect(AccessTokens.bearer(in: "Bearerabc") == nil)
    }

    @Test func tokensFileInLines() throws {
        let text = """
            # kb serve tokens
            read  0123456789abcdef0123  agents
            write fedcba9876543210fedc helpdesk   # the Zendesk webhook

            read  another-read-token-1
            """
        let tokens = try AccessTokens.parse(text, source: "tokens")
        #expect(tokens.tokens.map(\.name) == ["agents", "helpdesk", "read"])
        #expect(tokens.authenticate("fedcba9876543210fedc")?.role == .write)
    }

    @Test func tokensInJSONAndInTheEnvironment() throws {
        let json = #"[{"role":"read","token":"0123456789abcdef0123","name":"agents"},{"role":"write","token":"fedcba9876543210fedc"}]"#
        let tokens = try AccessTokens.parse(json, source: "tokens.json")
        #expect(tokens.tokens.map(\.description) == ["agents (read)", "write (write)"])
        let environment = try AccessTokens.parse("read 0123456789abcdef0123, write fedcba9876543210fedc", source: "KB_TOKENS", commaSeparates: true)
        #expect(environment.tokens.map(\.role) == [.read, .write])
    }

    @Test(arguments: [
        ("read 0123456789abcdef0123\nadmin 0123456789abcdef0124", "tokens:2: error: role must be read or write, found 'admin'"),
        ("read short", "tokens:1: error: token shorter than 16 characters; generate one with 'openssl rand -hex 32'"),
        ("read", "tokens:1: error: expected 'ROLE TOKEN [NAME]', found 1 fields"),
        ("read a b c", "tokens:1: error: expected 'ROLE TOKEN [NAME]', found 4 fields"),
        ("read 0123456789abcdef0123\nwrite 0123456789abcdef0123", "tokens:2: error: the same token is already on line 1"),
        ("read 0123456789abcdéf0123", "tokens:1: error: a token is visible ASCII without spaces"),
        ("[{\"role\":\"read\"}]", "tokens:1: error: entry 0 needs string members \"role\" and \"token\""),
        ("[{\"role\":\"root\",\"token\":\"0123456789abcdef0123\"}]", "tokens:1: error: entry 0: role must be read or write, found 'root'"),
        ("[1,", "tokens:1: error: invalid JSON: "),
    ])
    func badTokenFilesNameTheLine(text: String, message: String) {
        #expect { try AccessTokens.parse(text, source: "tokens") } throws: { String(describing: $0).hasPrefix(message) }
    }

    @Test func missingTokensFile() {
        #expect { try AccessTokens.load(path: "/nonexistent/tokens") } throws: {
            String(describing: $0).hasPrefix("/nonexistent/tokens: error: cannot read the tokens file")
        }
    }

    // Expected values computed independently: printf '%s' "$TIMESTAMP$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64
    static let zendeskSecret = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ=="
    static let zendeskBody = #"{"ticket":{"id":35436,"subject":"No carga el portal"}}"#
    static let zendeskTimestamp = "2026-11-01T12:00:00Z"

    @Test func zendeskSignatureMatchesAnIndependentHMAC() throws {
        let signer = ZendeskWebhookSignature(secret: Self.zendeskSecret)
        #expect(signer.signature(body: Array(Self.zendeskBody.utf8), timestamp: Self.zendeskTimestamp) == "k46VONQKEMW4AKrVQ/7Kw4+Dky7ANx/ToMSNI3MnYpg=")
    }

    @Test func zendeskSignatureVerification() throws {
        let signer = ZendeskWebhookSignature(secret: Self.zendeskSecret)
        let now = try #require(Timestamp(iso8601: "2026-11-01T12:02:00Z"))
        func request(signature: String?, timestamp: String?, body: String = Self.zendeskBody) throws -> HTTPRequest {
            var headers = HTTPHeaders()
            if let signature { headers.add(ZendeskWebhookSignature.signatureHeader, signature) }
            if let timestamp { headers.add(ZendeskWebhookSignature.timestampHeader, timestamp) }
            return try HTTPRequest(method: .post, target: "/api/webhooks/zendesk", headers: headers, body: Array(body.utf8))
        }
        let good = signer.signature(body: Array(Self.zendeskBody.utf8), timestamp: Self.zendeskTimestamp)
        try signer.verify(request(signature: good, timestamp: Self.zendeskTimestamp), now: now)
        let cases: [(HTTPRequest, String)] = [
            (try request(signature: good, timestamp: Self.zendeskTimestamp, body: Self.zendeskBody + " "), ZendeskWebhookSignature.signatureHeader),
            (try request(signature: good, timestamp: "2026-11-01T12:00:01Z"), ZendeskWebhookSignature.signatureHeader),
            (try request(signature: nil, timestamp: Self.zendeskTimestamp), ZendeskWebhookSignature.signatureHeader),
            (try request(signature: good, timestamp: nil), ZendeskWebhookSignature.timestampHeader),
            (try request(signature: good, timestamp: "yesterday"), ZendeskWebhookSignature.timestampHeader),
            (try request(signature: signer.signature(body: Array(Self.zendeskBody.utf8), timestamp: "2026-11-01T11:00:00Z"),
                         timestamp: "2026-11-01T11:00:00Z"), ZendeskWebhookSignature.timestampHeader),
        ]
        for (bad, field) in cases {
            #expect { try signer.verify(bad, now: now) } throws: { ($0 as? Problem)?.status == 401 && ($0 as? Problem)?.field == field }
        }
    }

    @Test func csrfTokensDependOnTheSecretAndTheCookie() throws {
        let one = CSRFProtection(secret: [UInt8](repeating: 1, count: 32))
        let two = CSRFProtection(secret: [UInt8](repeating: 2, count: 32))
        let first = one.token(for: try HTTPRequest(method: .get, target: "/"))
        let cookie = try #require(first.setCookie?.split(separator: ";").first.map(String.init))
        let withCookie = try HTTPRequest(method: .get, target: "/", headers: ["Cookie": cookie])
        #expect(one.token(for: withCookie).fieldValue == first.fieldValue)
        #expect(one.token(for: withCookie).setCookie == nil)
        #expect(two.token(for: withCookie).fieldValue != first.fieldValue)
        let post = try HTTPRequest(method: .post, target: "/", headers: ["Cookie": cookie])
        try one.verify(post, form: QueryParameters(pairs: [("csrf_token", first.fieldValue)]))
        #expect(throws: Problem.self) { try two.verify(post, form: QueryParameters(pairs: [("csrf_token", first.fieldValue)])) }
        #expect(first.hiddenField == "<input type=\"hidden\" name=\"csrf_token\" value=\"\(first.fieldValue)\">")
    }
}
