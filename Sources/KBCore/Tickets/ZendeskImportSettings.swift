/// Everything a Zendesk import needs besides the export: the policy's maps, the mapping file, the comments.
public struct ZendeskImportSettings: Sendable {
    /// Priority → severity and status → status, from `policy.zendesk` (`workspace.loadPolicy().zendesk`).
    public var policy: ZendeskMapping
    /// Names for ids, custom fields and channels.
    public var mapping: ZendeskImportMapping
    /// Comments: a folder of `<ticket id>.json` files, or one JSON file mapping ticket ids to comment arrays.
    public var commentsPath: String?

    public init(policy: ZendeskMapping = Policy.default.zendesk, mapping: ZendeskImportMapping = ZendeskImportMapping(),
                commentsPath: String? = nil) {
        self.policy = policy
        self.mapping = mapping
        self.commentsPath = commentsPath
    }
}
