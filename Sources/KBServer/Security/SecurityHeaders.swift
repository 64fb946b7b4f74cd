/// Headers on every response: the documents' strict Content-Security-Policy (no scripts, no external
/// resources; inline styles and data: images only), extended for forms and framing, plus nosniff, no
/// referrer and no caching of answers that may carry ticket data.
public enum SecurityHeaders {
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// Adds the headers a handler did not set itself.
    public static func apply(to headers: inout HTTPHeaders) {
        headers.setDefault("Content-Security-Policy", contentSecurityPolicy)
        headers.setDefault("X-Content-Type-Options", "nosniff")
        headers.setDefault("Referrer-Policy", "no-referrer")
        headers.setDefault("X-Frame-Options", "DENY")
        headers.setDefault("Cross-Origin-Resource-Policy", "same-origin")
        headers.setDefault("Cache-Control", "no-store")
    }
}
