import Foundation

/// The `did:web` method (W3C CCG did:web Method Specification): a DID whose document is served
/// over HTTPS at a URL derived from the DID.
///
/// `did:web:example.com` → `https://example.com/.well-known/did.json`;
/// `did:web:example.com:user:alice` → `https://example.com/user/alice/did.json`;
/// a port is percent-encoded: `did:web:localhost%3A8443`.
public enum DIDWeb {
    /// The HTTPS URL of a `did:web` DID's document.
    /// - Throws: ``CredentialsError/Code/invalidDID`` when the DID is not a well-formed `did:web`.
    public static func documentURL(for didURL: String) throws -> String {
        let did = DIDURL.did(of: didURL)
        guard did.hasPrefix("did:web:") else { throw CredentialsError(.invalidDID, "\(did) is not a did:web DID") }
        let parts = did.dropFirst("did:web:".count).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let hostPart = parts.first, !hostPart.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else {
            throw CredentialsError(.invalidDID, "\(did) is not a well-formed did:web DID")
        }
        // 3.2.2 (2): percent-decode the host (a port is written %3A).
        guard let host = hostPart.removingPercentEncoding, isValidHost(host) else {
            throw CredentialsError(.invalidDID, "\(did) does not name a valid host")
        }
        let path = parts.dropFirst()
        for segment in path where segment.contains("/") || segment == "." || segment == ".." || segment.contains("%2F") || segment.contains("%2f") {
            throw CredentialsError(.invalidDID, "\(did) has an invalid path segment \"\(segment)\"")
        }
        if path.isEmpty { return "https://\(host)/.well-known/did.json" }
        return "https://\(host)/" + path.joined(separator: "/") + "/did.json"
    }

    /// The `did:web` DID of an HTTPS base URL and path, e.g. for a node's institutions.
    public static func did(host: String, path: [String] = []) -> String {
        let encodedHost = host.replacingOccurrences(of: ":", with: "%3A")
        return (["did:web:" + encodedHost] + path).joined(separator: ":")
    }

    static func isValidHost(_ host: String) -> Bool {
        guard host.count <= 253 else { return false }
        let allowed = host.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == ":"
        }
        return allowed && !host.hasPrefix(".") && !host.hasPrefix("-")
    }
}
