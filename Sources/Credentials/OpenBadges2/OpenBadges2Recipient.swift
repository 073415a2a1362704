import Crypto
import Foundation
import LinkedData

/// The recipient of an Open Badges 2.0 assertion: an `IdentityObject` with `type` (`email`,
/// `url`, `telephone`…), `identity`, `hashed` and `salt`.
public enum OpenBadges2Recipient {
    /// Whether `identifier` (a learner's email address, URL or telephone number) is the recipient.
    ///
    /// A hashed identity is `sha256$<hex>` or `md5$<hex>` of the identifier followed by the salt
    /// (Open Badges 2.0, "IdentityHash"); hexadecimal is compared in either case. Email addresses
    /// compare without regard to case, as issuers commonly lowercase them before hashing: a hashed
    /// email is tried as given and lowercased. When `type` is given, the recipient's type must be
    /// it. An identity that is neither plain nor a hash this reads never matches.
    public static func matches(_ recipient: JSONValue, identifier: String, type: String? = nil) -> Bool {
        guard let identity = recipient["identity"]?.stringValue, let recipientType = recipient["type"]?.stringValue else {
            return false
        }
        if let type, type != recipientType { return false }
        let isEmail = recipientType == "email"
        guard recipient["hashed"]?.boolValue == true else {
            return isEmail ? identity.lowercased() == identifier.lowercased() : identity == identifier
        }
        let salt = recipient["salt"]?.stringValue ?? ""
        let candidates = isEmail && identifier.lowercased() != identifier ? [identifier, identifier.lowercased()] : [identifier]
        return candidates.contains { hash(of: $0, salt: salt, like: identity) == identity.lowercased() }
    }

    /// `identifier + salt` hashed with the algorithm `identity` names, in its `alg$hex` form; `nil`
    /// for another algorithm.
    static func hash(of identifier: String, salt: String, like identity: String) -> String? {
        let input = Array((identifier + salt).utf8)
        switch identity.split(separator: "$", maxSplits: 1).first?.lowercased() {
        case "sha256": return "sha256$" + Hex.encode(SHA256.hash(data: input))
        case "md5": return "md5$" + Hex.encode(Insecure.MD5.hash(data: input))
        default: return nil
        }
    }

    /// A hashed identity for `identifier` as issuers write it: `sha256$` and the hexadecimal
    /// SHA-256 of the identifier followed by the salt.
    public static func hashedIdentity(_ identifier: String, salt: String) -> String {
        "sha256$" + Hex.encode(SHA256.hash(data: Array((identifier + salt).utf8)))
    }
}
