import Foundation
import KBCore
import KBServer

extension ServeCommand {
    /// The server's configuration from the options and the environment: every file named is read as a user file
    /// kept inside the workspace (a token or secret file linked out of it is refused), and the result is validated.
    func configuration(_ context: CommandContext, log: @Sendable (String) -> Void) throws -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = UInt16(port)
        configuration.threads = threads
        configuration.queueWaitSeconds = Double(queueWait)
        configuration.readerMemoryMapMiB = mmapMB
        if let path = tokens {
            let tokensFile = try UserFile(path: path, relativeTo: context.currentDirectory, allowEmpty: true)
            _ = try context.input(path, kind: "tokens")
            configuration.tokens = try AccessTokens.parse(try tokensFile.readText(limit: 1 << 20, allowEmpty: true), source: path)
            let file = tokensFile.url.path
            if let mode = (try? FileManager.default.attributesOfItem(atPath: file))?[.posixPermissions] as? NSNumber,
               mode.intValue & 0o077 != 0 {
                log("warning: \(path) is readable by other users; restrict it with 'chmod 600 \(path)'")
            }
        } else if let text = context.environment["KB_TOKENS"], !text.isEmpty {
            configuration.tokens = try AccessTokens.parse(text, source: "KB_TOKENS", commaSeparates: true)
        }
        if let path = zendeskSecretFile {
            let secretFile = try UserFile(path: path, relativeTo: context.currentDirectory, allowEmpty: true)
            _ = try context.input(path, kind: "secrets")
            configuration.zendeskSigningSecret = try secretFile.readText(limit: 1 << 16, allowEmpty: true)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        } else if let secret = context.environment["KB_ZENDESK_SECRET"], !secret.isEmpty {
            configuration.zendeskSigningSecret = secret
        }
        if configuration.zendeskSigningSecret?.isEmpty == true {
            throw UsageError("the Zendesk signing secret is empty")
        }
        if let path = zendeskMapping {
            configuration.zendeskMapping = try ZendeskImportMapping.load(path: context.input(path, kind: "mappings").path)
        }
        try configuration.validate()
        return configuration
    }
}
