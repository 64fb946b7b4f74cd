import Foundation

/// The optional mapping file of a Zendesk import (`--mapping FILE.json`): names for ids, custom fields, channels.
///
/// Priorities and statuses are not here: they map through `policy.zendesk` in `kb/policy.json`.
public struct ZendeskImportMapping: Sendable, Equatable {
    /// Zendesk `via.channel` → kb channel, used for channels the mapping does not name.
    public static let defaultChannels: [String: Channel] = [
        "email": .correo, "web": .ticketera, "web_form": .ticketera, "web_widget": .ticketera, "api": .ticketera,
        "mobile": .ticketera, "mobile_sdk": .ticketera, "any_channel": .ticketera, "rule": .ticketera,
        "closed_ticket": .ticketera, "sample_ticket": .ticketera, "help_center": .ticketera,
        "chat": .chat, "native_messaging": .chat, "messaging": .chat, "sms": .chat, "whatsapp": .chat,
        "facebook": .chat, "twitter": .chat, "instagram_dm": .chat, "line": .chat, "telegram": .chat, "wechat": .chat,
        "voice": .telefono, "phone": .telefono,
    ]

    /// Organization id → customer name.
    public var organizations: [String: String] = [:]
    /// User id → the name kb shows for assignees and comment authors (else `zd-user:<id>`).
    public var users: [String: String] = [:]
    /// Custom field id → kb field.
    public var customFields: [String: ZendeskCustomField] = [:]
    /// `via.channel` → kb channel: the defaults with the mapping's entries over them.
    public var channels: [String: Channel] = ZendeskImportMapping.defaultChannels
    /// The Zendesk priority assumed for tickets without one (Zendesk allows an empty priority).
    public var missingPriority = "normal"

    public init() {}

    /// Reads a mapping file.
    public static func load(path: String) throws -> ZendeskImportMapping {
        let json: JSONValue
        do {
            json = try MappingFile.json(at: path)
        } catch let error as JSONParser.SyntaxError {
            throw ZendeskImportError.invalidMapping(source: path, path: "$", reason: error.description)
        }
        return try ZendeskImportMapping(json: json, source: path)
    }

    /// Reads the JSON form; unknown members are errors, members starting with `_` are notes.
    public init(json: JSONValue, source: String) throws(ZendeskImportError) {
        func fail(_ path: String, _ reason: String) -> ZendeskImportError { .invalidMapping(source: source, path: path, reason: reason) }
        guard let members = json.objectValue else { throw fail("$", "expected an object, found \(json.typeName)") }
        for (key, value) in members where !key.hasPrefix("_") {
            switch key {
            case "organizations", "users":
                guard let entries = value.objectValue else { throw fail(key, "expected an object of id → name") }
                var names: [String: String] = [:]
                for (id, name) in entries {
                    guard let text = name.stringValue, !text.isEmpty else { throw fail("\(key)[\"\(id)\"]", "expected a name") }
                    names[id] = text
                }
                if key == "users" { users = names } else { organizations = names }
            case "custom_fields":
                guard let entries = value.objectValue else { throw fail(key, "expected an object of field id → kb field") }
                for (id, entry) in entries where !id.hasPrefix("_") {
                    customFields[id] = try Self.customField(entry, path: "custom_fields[\"\(id)\"]", fail)
                }
            case "channels":
                guard let entries = value.objectValue else { throw fail(key, "expected an object of Zendesk channel → kb channel") }
                for (name, target) in entries {
                    guard let text = target.stringValue, let channel = Channel(rawValue: text) else {
                        throw fail("channels[\"\(name)\"]", "expected one of: \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    channels[name.lowercased()] = channel
                }
            case "missing_priority":
                guard let text = value.stringValue, !text.isEmpty else { throw fail(key, "expected a Zendesk priority such as \"normal\"") }
                missingPriority = text
            default:
                throw fail(key, "unknown member; expected organizations, users, custom_fields, channels or missing_priority")
            }
        }
    }

    private static func customField(_ entry: JSONValue, path: String, _ fail: (String, String) -> ZendeskImportError) throws(ZendeskImportError) -> ZendeskCustomField {
        let targets = ZendeskCustomField.targets.joined(separator: ", ")
        if let field = entry.stringValue {
            guard ZendeskCustomField.targets.contains(field) else { throw fail(path, "unknown kb field '\(field)'; fields: \(targets)") }
            return ZendeskCustomField(field: field)
        }
        guard let members = entry.objectValue, let field = entry["field"]?.stringValue else {
            throw fail(path, "expected a kb field name or {\"field\": …, \"values\": {…}}")
        }
        guard ZendeskCustomField.targets.contains(field) else { throw fail("\(path).field", "unknown kb field '\(field)'; fields: \(targets)") }
        var result = ZendeskCustomField(field: field)
        for (key, value) in members where !key.hasPrefix("_") {
            switch key {
            case "field":
                break
            case "values":
                guard let entries = value.objectValue else { throw fail("\(path).values", "expected an object of Zendesk value → kb value") }
                for (zendeskValue, native) in entries {
                    let valuePath = "\(path).values[\"\(zendeskValue)\"]"
                    switch field {
                    case "severity":
                        guard let number = native.intValue, (1...5).contains(number) else { throw fail(valuePath, "expected a severity 1 to 5") }
                    case "channel":
                        guard let text = native.stringValue, Channel(rawValue: text) != nil else {
                            throw fail(valuePath, "expected one of: \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                    default:
                        guard native.stringValue != nil else { throw fail(valuePath, "expected text") }
                    }
                    result.values[zendeskValue] = native
                }
            default:
                throw fail("\(path).\(key)", "unknown member; expected field or values")
            }
        }
        return result
    }
}
