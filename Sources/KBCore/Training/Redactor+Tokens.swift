extension Redactor.PatternScanner {
    // MARK: Provider tokens, JWTs, webhooks, AWS secret keys and private key blocks

    /// What may follow a provider prefix.
    enum TokenBody {
        /// Letters and digits.
        case alphanumeric
        /// Letters, digits and `_`.
        case word
        /// Letters, digits, `_` and `-` (base64url).
        case base64URL
        /// Hex digits.
        case hex
        /// Capital letters and digits.
        case upperAlphanumeric

        func allows(_ byte: UInt8) -> Bool {
            switch self {
            case .alphanumeric: ScanByte.isAlphanumeric(byte)
            case .word: ScanByte.isAlphanumeric(byte) || byte == ScanByte.underscore
            case .base64URL: ScanByte.isAlphanumeric(byte) || byte == ScanByte.underscore || byte == ScanByte.dash
            case .hex: ScanByte.isHexDigit(byte)
            case .upperAlphanumeric: ScanByte.isUpper(byte) || ScanByte.isDigit(byte)
            }
        }
    }

    /// A provider's token format: a fixed prefix and a body of at least (and at most) so many characters. The
    /// lengths are a little looser than the providers' own so a truncated or reformatted token still goes.
    struct TokenRule {
        var prefix: [UInt8]
        var body: TokenBody
        var minimum: Int
        var maximum: Int

        init(_ prefix: String, _ body: TokenBody, _ minimum: Int, _ maximum: Int = 400) {
            self.prefix = Array(prefix.utf8)
            self.body = body
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    /// Provider token formats (after the rule sets of gitleaks and detect-secrets), indexed by the first byte of
    /// the prefix.
    static let tokenRules: [[TokenRule]] = {
        let rules: [TokenRule] = [
            // GitHub: classic personal, OAuth, user-to-server, server-to-server, refresh; fine-grained.
            TokenRule("ghp_", .alphanumeric, 30), TokenRule("gho_", .alphanumeric, 30), TokenRule("ghu_", .alphanumeric, 30),
            TokenRule("ghs_", .alphanumeric, 30), TokenRule("ghr_", .alphanumeric, 30), TokenRule("github_pat_", .word, 40),
            // GitLab personal, deploy, runner, CI job, trigger, feed, incoming mail, agent, OAuth, SCIM tokens.
            TokenRule("glpat-", .base64URL, 20), TokenRule("gldt-", .base64URL, 20), TokenRule("glrt-", .base64URL, 20),
            TokenRule("glcbt-", .base64URL, 20), TokenRule("glptt-", .base64URL, 20), TokenRule("glft-", .base64URL, 20),
            TokenRule("glimt-", .base64URL, 20), TokenRule("glagent-", .base64URL, 20), TokenRule("gloas-", .base64URL, 20),
            TokenRule("glsoat-", .base64URL, 20),
            // Slack bot, user, app-level, refresh, legacy workspace and configuration tokens.
            TokenRule("xoxb-", .base64URL, 10), TokenRule("xoxp-", .base64URL, 10), TokenRule("xoxa-", .base64URL, 10),
            TokenRule("xoxr-", .base64URL, 10), TokenRule("xoxs-", .base64URL, 10), TokenRule("xoxo-", .base64URL, 10),
            TokenRule("xoxe-", .base64URL, 10), TokenRule("xoxe.xoxp-", .base64URL, 10), TokenRule("xapp-", .base64URL, 10),
            // AWS access key ids (user, temporary, and the other key types) are exactly 20 characters.
            TokenRule("AKIA", .upperAlphanumeric, 16, 16), TokenRule("ASIA", .upperAlphanumeric, 16, 16),
            TokenRule("ABIA", .upperAlphanumeric, 16, 16), TokenRule("ACCA", .upperAlphanumeric, 16, 16),
            TokenRule("AGPA", .upperAlphanumeric, 16, 16), TokenRule("AIDA", .upperAlphanumeric, 16, 16),
            TokenRule("AROA", .upperAlphanumeric, 16, 16), TokenRule("AIPA", .upperAlphanumeric, 16, 16),
            TokenRule("ANPA", .upperAlphanumeric, 16, 16), TokenRule("ANVA", .upperAlphanumeric, 16, 16),
            TokenRule("APKA", .upperAlphanumeric, 16, 16), TokenRule("A3T", .upperAlphanumeric, 17, 17),
            // Google API keys and OAuth access tokens.
            TokenRule("AIza", .base64URL, 30), TokenRule("ya29.", .base64URL, 30),
            // Stripe secret, restricted, publishable and webhook keys.
            TokenRule("sk_live_", .alphanumeric, 10), TokenRule("sk_test_", .alphanumeric, 10),
            TokenRule("rk_live_", .alphanumeric, 10), TokenRule("rk_test_", .alphanumeric, 10),
            TokenRule("pk_live_", .alphanumeric, 10), TokenRule("whsec_", .alphanumeric, 20),
            // OpenAI and Anthropic keys.
            TokenRule("sk-proj-", .base64URL, 20), TokenRule("sk-ant-", .base64URL, 20), TokenRule("sk-svcacct-", .base64URL, 20),
            // npm, PyPI, Shopify, DigitalOcean, HashiCorp Vault, Postman, Linear, Grafana, New Relic, Sentry,
            // Databricks, Heroku, age, Doppler, Twilio, Mailgun.
            TokenRule("npm_", .alphanumeric, 30), TokenRule("pypi-", .base64URL, 50),
            TokenRule("shpat_", .hex, 32), TokenRule("shpss_", .hex, 32), TokenRule("shpca_", .hex, 32), TokenRule("shppa_", .hex, 32),
            TokenRule("dop_v1_", .hex, 64), TokenRule("doo_v1_", .hex, 64), TokenRule("dor_v1_", .hex, 64),
            TokenRule("hvs.", .base64URL, 24), TokenRule("hvb.", .base64URL, 24), TokenRule("PMAK-", .base64URL, 30),
            TokenRule("lin_api_", .alphanumeric, 30), TokenRule("glsa_", .word, 30), TokenRule("glc_", .base64URL, 30),
            TokenRule("NRAK-", .alphanumeric, 27), TokenRule("sntrys_", .base64URL, 30), TokenRule("dapi", .hex, 32, 32),
            TokenRule("HRKU-", .base64URL, 30), TokenRule("AGE-SECRET-KEY-1", .upperAlphanumeric, 50),
            TokenRule("dp.pt.", .alphanumeric, 40), TokenRule("SK", .hex, 32, 32), TokenRule("key-", .alphanumeric, 32, 32),
        ]
        var byFirstByte = [[TokenRule]](repeating: [], count: 256)
        for rule in rules { byFirstByte[Int(rule.prefix[0])].append(rule) }
        return byFirstByte
    }()

    mutating func scanProviderTokens() {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if !Self.tokenRules[Int(byte)].isEmpty, startsWord(index) {
                for rule in Self.tokenRules[Int(byte)] where matchesExactly(index, rule.prefix) {
                    if let end = tokenEnd(after: index + rule.prefix.count, rule) {
                        add(index..<end, .token, priority: Priority.providerToken)
                        break
                    }
                }
            }
            if byte == UInt8(ascii: "S"), startsWord(index) { scanSendGrid(at: index) }
            if byte == UInt8(ascii: "e"), startsWord(index) { scanJWT(at: index) }
            if byte == UInt8(ascii: "h") || byte == UInt8(ascii: "d") { scanWebhook(at: index) }
            if ScanByte.isDigit(byte), startsWord(index) { scanTelegramToken(at: index) }
            if byte == ScanByte.slash || byte == ScanByte.plus || ScanByte.isAlphanumeric(byte), index == 0
                || !isBase64Byte(bytes[index - 1]) { scanAWSSecret(at: index) }
            index += 1
        }
    }

    /// True when `word` (case-sensitive) starts at `start`.
    private func matchesExactly(_ start: Int, _ word: [UInt8]) -> Bool {
        start + word.count <= bytes.count && bytes[start..<(start + word.count)].elementsEqual(word)
    }

    /// The end of a token body of `rule` starting at `start`, nil when it is too short or too long.
    private func tokenEnd(after start: Int, _ rule: TokenRule) -> Int? {
        var end = start
        while end < bytes.count, rule.body.allows(bytes[end]), end - start <= rule.maximum { end += 1 }
        let length = end - start
        guard length >= rule.minimum, length <= rule.maximum, endsWord(end) else { return nil }
        // A key ends where its characters end; letters or digits glued on make it some other word.
        if end < bytes.count, bytes[end] == ScanByte.dash || bytes[end] == ScanByte.underscore,
           rule.body != .base64URL, rule.body != .word { return nil }
        return end
    }

    private static let sendGridPrefix = Array("SG.".utf8)
    private static let jwtHeader = Array("eyJ".utf8)
    private static let jwtPayload = Array("ey".utf8)
    private static let webhookPaths = ["hooks.slack.com/services/", "hooks.slack.com/workflows/", "hooks.slack.com/triggers/",
                                       "discord.com/api/webhooks/", "discordapp.com/api/webhooks/"].map { Array($0.utf8) }
    private static let awsNames = [Array("aws".utf8), Array("secret".utf8)]

    /// SendGrid: `SG.` + 16 or more base64url + `.` + 16 or more base64url (22 and 43 in practice).
    private mutating func scanSendGrid(at start: Int) {
        guard matchesExactly(start, Self.sendGridPrefix) else { return }
        var cursor = start + 3
        let first = cursor
        while cursor < bytes.count, TokenBody.base64URL.allows(bytes[cursor]) { cursor += 1 }
        guard cursor - first >= 16, cursor < bytes.count, bytes[cursor] == ScanByte.dot else { return }
        cursor += 1
        let second = cursor
        while cursor < bytes.count, TokenBody.base64URL.allows(bytes[cursor]) { cursor += 1 }
        guard cursor - second >= 16 else { return }
        add(start..<cursor, .token, priority: Priority.providerToken)
    }

    /// A JSON Web Token: `eyJ…` header, `.`, `eyJ…` payload, and an optional `.` signature.
    private mutating func scanJWT(at start: Int) {
        guard matchesExactly(start, Self.jwtHeader) else { return }
        var cursor = start
        var parts = 0
        while parts < 3 {
            let partStart = cursor
            while cursor < bytes.count, TokenBody.base64URL.allows(bytes[cursor]) || bytes[cursor] == ScanByte.plus
                || bytes[cursor] == ScanByte.slash || bytes[cursor] == ScanByte.equals { cursor += 1 }
            if parts < 2 {
                guard cursor - partStart >= 8, matchesExactly(partStart, parts == 0 ? Self.jwtHeader : Self.jwtPayload) else { return }
            }
            parts += 1
            guard parts < 3, cursor < bytes.count, bytes[cursor] == ScanByte.dot,
                  cursor + 1 < bytes.count, TokenBody.base64URL.allows(bytes[cursor + 1]) else { break }
            cursor += 1
        }
        guard parts >= 2 else { return }
        add(start..<cursor, .token, priority: Priority.providerToken)
    }

    /// Slack and Discord incoming webhooks: the URL's secret path (`hooks.slack.com/services/T…/B…/…`).
    private mutating func scanWebhook(at start: Int) {
        for prefix in Self.webhookPaths {
            guard matchesFolded(start..<min(bytes.count, start + prefix.count), prefix) else { continue }
            var end = start + prefix.count
            while end < bytes.count, TokenBody.base64URL.allows(bytes[end]) || bytes[end] == ScanByte.slash { end += 1 }
            guard end - start - prefix.count >= 8 else { return }
            add((start + prefix.count)..<end, .token, priority: Priority.providerToken)
            return
        }
    }

    /// Telegram bot tokens: `123456789:AA…` (8–10 digits, `:`, 35 base64url characters).
    private mutating func scanTelegramToken(at start: Int) {
        var cursor = start
        while cursor < bytes.count, ScanByte.isDigit(bytes[cursor]) { cursor += 1 }
        guard (8...10).contains(cursor - start), cursor < bytes.count, bytes[cursor] == ScanByte.colon else { return }
        cursor += 1
        let body = cursor
        while cursor < bytes.count, TokenBody.base64URL.allows(bytes[cursor]) { cursor += 1 }
        guard cursor - body >= 30, endsWord(cursor), hasLetterAndDigit(body..<cursor) else { return }
        add(start..<cursor, .token, priority: Priority.providerToken)
    }

    private func isBase64Byte(_ byte: UInt8) -> Bool {
        ScanByte.isAlphanumeric(byte) || byte == ScanByte.slash || byte == ScanByte.plus
    }

    private func hasLetterAndDigit(_ range: Range<Int>) -> Bool {
        bytes[range].contains(where: ScanByte.isDigit) && bytes[range].contains(where: ScanByte.isLetter)
    }

    /// An AWS secret access key: exactly 40 characters of `A–Z a–z 0–9 / +` mixing cases and digits, with "aws" or
    /// "secret" (any case) in the 100 bytes before it.
    private mutating func scanAWSSecret(at start: Int) {
        var end = start
        while end < bytes.count, isBase64Byte(bytes[end]), end - start <= 40 { end += 1 }
        guard end - start == 40, end == bytes.count || !(isBase64Byte(bytes[end]) || bytes[end] == ScanByte.equals),
              hasLetterAndDigit(start..<end), bytes[start..<end].contains(where: ScanByte.isUpper),
              bytes[start..<end].contains(where: ScanByte.isLower) else { return }
        let window = max(0, start - 100)..<start
        guard window.count >= 3, Self.awsNames.contains(where: { name in
            window.count >= name.count && (window.lowerBound...(window.upperBound - name.count)).contains {
                matchesFolded($0..<($0 + name.count), name)
            }
        }) else { return }
        add(start..<end, .token, priority: Priority.providerToken)
    }

    /// `-----BEGIN … PRIVATE KEY-----` (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP … KEY BLOCK) through its `-----END …-----`
    /// line; a block never closed runs to the first blank line (or the end of the text).
    mutating func scanPrivateKeys() {
        let begin = Array("-----begin ".utf8)
        let end = Array("-----end ".utf8)
        let privateKey = Array("private key".utf8)
        var index = 0
        while index + begin.count <= bytes.count {
            guard bytes[index] == ScanByte.dash, matchesFolded(index..<(index + begin.count), begin) else {
                index += 1
                continue
            }
            var lineEnd = index
            while lineEnd < bytes.count, bytes[lineEnd] != ScanByte.newline { lineEnd += 1 }
            guard contains(privateKey, in: index..<lineEnd) else {
                index = lineEnd
                continue
            }
            var blockEnd = bytes.count
            var cursor = lineEnd
            while cursor < bytes.count {
                if bytes[cursor] == ScanByte.dash, cursor + end.count <= bytes.count,
                   matchesFolded(cursor..<(cursor + end.count), end) {
                    // The END line's label and closing dashes go with it.
                    var close = cursor + end.count
                    while close < bytes.count, bytes[close] != ScanByte.newline, bytes[close] != ScanByte.dash { close += 1 }
                    while close < bytes.count, bytes[close] == ScanByte.dash { close += 1 }
                    blockEnd = close
                    break
                }
                if bytes[cursor] == ScanByte.newline, cursor + 1 < bytes.count, isBlankLine(startingAt: cursor + 1) {
                    blockEnd = cursor
                    break
                }
                cursor += 1
            }
            add(index..<blockEnd, .privateKey, priority: Priority.privateKey)
            index = blockEnd
        }
    }

    private func contains(_ word: [UInt8], in range: Range<Int>) -> Bool {
        guard range.count >= word.count else { return false }
        return (range.lowerBound...(range.upperBound - word.count)).contains { matchesFolded($0..<($0 + word.count), word) }
    }

    private func isBlankLine(startingAt start: Int) -> Bool {
        var cursor = start
        while cursor < bytes.count, bytes[cursor] != ScanByte.newline {
            guard ScanByte.isWhitespace(bytes[cursor]) else { return false }
            cursor += 1
        }
        return true
    }
}
