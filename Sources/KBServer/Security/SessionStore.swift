import Foundation
import KBCore

/// Signed-in browsers. A browser cannot send a bearer token, so on a server with tokens the web pages take one once,
/// in the sign-in form (`/entrar`), and keep a session: a random id in an `HttpOnly; SameSite=Strict` cookie that
/// maps, here on the server, to the token's role and name until it expires. The cookie holds no token and no
/// role: a stolen cookie dies with its session, and signing out (or a restart) ends it.
///
/// Only pages accept a session; the JSON API keeps bearer tokens, so no cross-site request can ride a cookie there.
///
/// Crosses threads: every field under `lock`.
public final class SessionStore: @unchecked Sendable {
    public static let cookieName = "kb_session"
    /// A session lasts a working day from sign-in, then the browser signs in again.
    public static let lifetimeSeconds: Int64 = 10 * 3_600
    /// Sessions kept at most: the oldest go first, so signing in again and again cannot grow memory without bound.
    public static let maximumSessions = 10_000

    private struct Entry {
        let token: AccessToken
        let expiresAt: Int64
    }

    private let tokens: AccessTokens
    private let lock = NSLock()
    /// By SHA-256 of the session id: the table never holds an id a reader of memory could replay as a cookie.
    private var sessions: [[UInt8]: Entry] = [:]

    public init(tokens: AccessTokens) {
        self.tokens = tokens
    }

    /// Whether pages need a sign-in: the server has tokens.
    public var isEnabled: Bool { !tokens.isEmpty }

    /// A new session for the presented token (checked in constant time by `AccessTokens.authenticate`), or nil
    /// when it is not one of the server's tokens.
    public func signIn(presented: String, now: Timestamp) -> (id: String, token: AccessToken)? {
        guard let token = tokens.authenticate(String(presented.trimmingSpaces)) else { return nil }
        let id = Base64URL.encode(CSRFProtection.randomBytes(32))
        lock.lock()
        defer { lock.unlock() }
        sessions = sessions.filter { $0.value.expiresAt > now.seconds }
        if sessions.count >= Self.maximumSessions,
           let oldest = sessions.min(by: { $0.value.expiresAt < $1.value.expiresAt })?.key {
            sessions[oldest] = nil
        }
        sessions[Self.key(id)] = Entry(token: token, expiresAt: now.seconds + Self.lifetimeSeconds)
        return (id, token)
    }

    /// The token a live session signed in with, or nil for an unknown, malformed or expired id.
    public func caller(sessionID: String, now: Timestamp) -> AccessToken? {
        guard Self.isSessionID(sessionID) else { return nil }
        let key = Self.key(sessionID)
        lock.lock()
        defer { lock.unlock() }
        guard let entry = sessions[key] else { return nil }
        guard entry.expiresAt > now.seconds else {
            sessions[key] = nil
            return nil
        }
        return entry.token
    }

    /// Ends a session (signing out); an unknown id is ignored.
    public func signOut(sessionID: String) {
        guard Self.isSessionID(sessionID) else { return }
        lock.lock()
        sessions[Self.key(sessionID)] = nil
        lock.unlock()
    }

    /// Live and expired sessions not yet dropped.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return sessions.count
    }

    /// The `Set-Cookie` value for a new session: the browser sends it back to this server only, never to
    /// scripts, never with a request another site starts; `Secure` when the request came over HTTPS (a proxy
    /// in front that says `X-Forwarded-Proto: https`).
    public static func cookie(id: String, secure: Bool) -> String {
        "\(cookieName)=\(id); Path=/; Max-Age=\(lifetimeSeconds); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that makes the browser drop its session cookie.
    public static func expiredCookie(secure: Bool) -> String {
        "\(cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// Whether the request reached the server over HTTPS through a proxy.
    static func isSecure(_ request: HTTPRequest) -> Bool {
        request.headers["X-Forwarded-Proto"]?.trimmingSpaces.lowercased() == "https"
    }

    /// 32 random bytes in base64url are 43 characters of the URL-safe alphabet.
    static func isSessionID(_ text: String) -> Bool {
        text.utf8.count == 43 && text.utf8.allSatisfy(Base64URL.isAlphabet)
    }

    private static func key(_ id: String) -> [UInt8] {
        SHA256.digest(of: Array(id.utf8))
    }
}
