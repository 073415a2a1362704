/// The OAuth 2.0 scopes of the Open Badges 3.0 API (OB 3.0, section 6.2.1 "Scopes").
///
/// Note: the node offers three of the four. `profile.update` is not offered because
/// `PUT /ims/ob/v3p0/profile` is not allowed here (see ``Routes/putProfile(_:)``): a client cannot
/// register for it or be granted it.
enum OpenBadgesScope: String, Sendable, CaseIterable {
    /// `getCredentials`: read the OpenBadgeCredentials of the authenticated entity.
    case credentialReadonly = "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly"
    /// `upsertCredential`: create or update OpenBadgeCredentials of the authenticated entity.
    case credentialUpsert = "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert"
    /// `getProfile`: read the profile of the authenticated entity.
    case profileReadonly = "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly"
    /// `putProfile`: update the profile of the authenticated entity.
    case profileUpdate = "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update"

    /// The scopes a client of this node may hold.
    static let offered: [OpenBadgesScope] = [.credentialReadonly, .credentialUpsert, .profileReadonly]

    /// What the scope allows, for the service description.
    var summary: String {
        switch self {
        case .credentialReadonly: return "Permission to read the OpenBadgeCredentials the institution issued on this node."
        case .credentialUpsert:
            return "Permission to upsert OpenBadgeCredentials; this node accepts only a credential the institution issued here, unchanged."
        case .profileReadonly: return "Permission to read the institution's issuer profile."
        case .profileUpdate: return "Permission to update the institution's issuer profile (not offered by this node)."
        }
    }
}
