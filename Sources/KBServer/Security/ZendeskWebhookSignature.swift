import Foundation
import KBCore

/// Zendesk's webhook signature: `base64(HMAC-SHA256(secret, timestamp + body))` in
/// `X-Zendesk-Webhook-Signature`, the timestamp in `X-Zendesk-Webhook-Signature-Timestamp`.
///
/// The webhook route accepts either a write token or this signature (the helpdesk cannot always send a
/// bearer token). A timestamp far from the server's clock is refused, so a captured request cannot be
/// replayed later.
public struct ZendeskWebhookSignature: Sendable {
    public static let signatureHeader = "X-Zendesk-Webhook-Signature"
    public static let timestampHeader = "X-Zendesk-Webhook-Signature-Timestamp"
    private let secret: [UInt8]
    /// How far the signed timestamp may be from now, either way.
    public var maximumSkewSeconds: Int64

    /// `secret` is the webhook's signing secret as Zendesk shows it.
    public init(secret: String, maximumSkewSeconds: Int64 = 300) {
        self.secret = Array(secret.utf8)
        self.maximumSkewSeconds = maximumSkewSeconds
    }

    /// The signature Zendesk sends for `body` signed at `timestamp`.
    public func signature(body: [UInt8], timestamp: String) -> String {
        Data(SHA256.hmac(key: secret, message: Array(timestamp.utf8) + body)).base64EncodedString()
    }

    /// Checks `request`'s signature headers against its body; throws 401 naming the header at fault.
    public func verify(_ request: HTTPRequest, now: Timestamp) throws(Problem) {
        guard let presented = request.headers[Self.signatureHeader] else {
            throw Problem.unauthorized("problem.webhook_unsigned", ["header": Self.signatureHeader], field: Self.signatureHeader)
        }
        guard let timestamp = request.headers[Self.timestampHeader] else {
            throw Problem.unauthorized("problem.webhook_no_timestamp", ["header": Self.timestampHeader], field: Self.timestampHeader)
        }
        guard let signedAt = Timestamp(iso8601: timestamp) ?? Int64(timestamp).map({ Timestamp(seconds: $0) }) else {
            throw Problem.unauthorized("problem.webhook_bad_timestamp", ["header": Self.timestampHeader], field: Self.timestampHeader)
        }
        guard abs(signedAt.seconds - now.seconds) <= maximumSkewSeconds else {
            throw Problem.unauthorized("problem.webhook_skew", ["time": timestamp, "seconds": String(maximumSkewSeconds)],
                                       field: Self.timestampHeader)
        }
        let expected = signature(body: request.body, timestamp: timestamp)
        guard ConstantTime.equals(Array(presented.utf8), Array(expected.utf8)) else {
            throw Problem.unauthorized("problem.webhook_signature", field: Self.signatureHeader)
        }
    }
}
