import KBCore

/// CSRF protection for the HTML forms: a signed double-submit token.
///
/// A browser gets a random nonce in the `kb_csrf` cookie (`SameSite=Strict`, `HttpOnly`); each form carries
/// `HMAC-SHA256(secret, nonce)` in the hidden field `csrf_token`, the secret being random per process. A POST
/// passes when its field is the MAC of its own cookie (compared in constant time) and, where the browser
/// says where the request comes from (`Sec-Fetch-Site`, `Origin`), it comes from this site. Another site can
/// neither read the cookie nor forge the MAC; a restarted server invalidates old forms (reload the page).
public struct CSRFProtection: Sendable {
    public static let cookieName = "kb_csrf"
    public static let fieldName = "csrf_token"
    private let secret: [UInt8]

    /// Protection with `secret` (tests pass a fixed one); `random()` for a server.
    public init(secret: [UInt8]) {
        precondition(secret.count >= 32, "a CSRF secret needs at least 32 bytes")
        self.secret = secret
    }

    /// Protection with a fresh 32-byte secret from the system's cryptographic generator.
    public static func random() -> CSRFProtection {
        CSRFProtection(secret: randomBytes(32))
    }

    /// What a page that shows a form needs: the hidden field's value, and the cookie to set when the
    /// browser has none yet (add `setCookie` to the response as a `Set-Cookie` header).
    public struct Token: Sendable, Equatable {
        public let fieldValue: String
        public let setCookie: String?

        /// `<input type="hidden" name="csrf_token" value="…">` (the value is base64url: nothing to escape).
        public var hiddenField: String {
            "<input type=\"hidden\" name=\"\(CSRFProtection.fieldName)\" value=\"\(fieldValue)\">"
        }

        /// Adds the cookie, if any, to `response`.
        public func apply(to response: inout HTTPResponse) {
            if let setCookie { response.headers.add("Set-Cookie", setCookie) }
        }
    }

    /// The token for a form on a page answering `request`, reusing the browser's nonce when it has one.
    public func token(for request: HTTPRequest) -> Token {
        if let nonce = request.cookies[Self.cookieName], Self.isNonce(nonce) {
            return Token(fieldValue: mac(nonce), setCookie: nil)
        }
        let nonce = Base64URL.encode(Self.randomBytes(16))
        return Token(fieldValue: mac(nonce),
                     setCookie: "\(Self.cookieName)=\(nonce); Path=/; HttpOnly; SameSite=Strict")
    }

    /// Checks a form POST; throws 403 naming what failed.
    public func verify(_ request: HTTPRequest, form: QueryParameters) throws(Problem) {
        if let site = request.headers["Sec-Fetch-Site"]?.lowercased(), site == "cross-site" || site == "same-site" {
            throw Problem.forbidden("problem.csrf_cross_site", field: "Sec-Fetch-Site")
        }
        if let origin = request.headers["Origin"], let host = request.headers["Host"] {
            let authority = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
            guard origin != "null", authority?.lowercased() == host.lowercased() else {
                throw Problem.forbidden("problem.csrf_cross_origin", ["origin": origin], field: "Origin")
            }
        }
        guard let nonce = request.cookies[Self.cookieName], Self.isNonce(nonce) else {
            throw Problem.forbidden("problem.csrf_no_cookie", field: Self.fieldName)
        }
        guard let submitted = form[Self.fieldName],
              ConstantTime.equals(Array(submitted.utf8), Array(mac(nonce).utf8)) else {
            throw Problem.forbidden("problem.csrf_mismatch", field: Self.fieldName)
        }
    }

    private func mac(_ nonce: String) -> String {
        Base64URL.encode(SHA256.hmac(key: secret, message: Array(("kb-csrf:" + nonce).utf8)))
    }

    /// 16 random bytes in base64url are 22 characters of the URL-safe alphabet.
    private static func isNonce(_ text: String) -> Bool {
        text.utf8.count == 22 && text.utf8.allSatisfy(Base64URL.isAlphabet)
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        // SystemRandomNumberGenerator reads getrandom(2) on Linux: cryptographically secure.
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
