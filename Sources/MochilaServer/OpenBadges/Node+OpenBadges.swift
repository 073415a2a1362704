import Credentials
import Foundation
import LinkedData
import MochilaCore
import MochilaStore

/// A credential as the Open Badges API carries it: JSON with an embedded proof, or a VC-JWT
/// as a compact JWS (OB 3.0, section 6.2.2, `GetOpenBadgeCredentialsResponse`).
enum OpenBadgesCredential: Sendable, Equatable {
    case json(JSONValue)
    case compactJWS(String)

    /// The form of a compact JWS (`CompactJws` in the OB 3.0 data model).
    static func isCompactJWS(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[2].isEmpty else { return false }
        return parts.allSatisfy { part in
            part.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F
            }
        }
    }

    /// A stored credential: JSON when it is a JSON object, a compact JWS otherwise.
    /// - Throws: ``StoreError`` `corrupt` for bytes that are neither.
    init(stored bytes: [UInt8]) throws {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("{") {
            self = .json(try JSONValue(parsing: bytes))
        } else if OpenBadgesCredential.isCompactJWS(text) {
            self = .compactJWS(text)
        } else {
            throw StoreError(.corrupt, "a stored credential is neither JSON nor a compact JWS")
        }
    }

    /// The credential's `id`; for a VC-JWT, the payload's `id` (VC-JOSE-COSE), else `vc.id` or
    /// `jti` (the VC 1.1 JWT encoding OB 3.0 describes).
    var id: String? {
        switch self {
        case .json(let credential): return credential["id"]?.stringValue
        case .compactJWS(let jws):
            let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, let bytes = try? Base64URL.decode(String(parts[1])),
                let payload = try? JSONValue(parsing: bytes)
            else { return nil }
            return payload["id"]?.stringValue ?? payload["vc"]?["id"]?.stringValue ?? payload["jti"]?.stringValue
        }
    }
}

/// The Open Badges 3.0 API's view of an institution: its issued credentials and its profile.
extension Node {
    /// One page of the institution's issued credentials, newest first, with the number on all
    /// pages together.
    ///
    /// - Parameter issuedAfter: only credentials issued strictly after this instant (`since`).
    /// Note: a store that does not page (not ``AwardPaging``) is paged here, in memory.
    func openBadgesCredentials(of institution: Institution, issuedAfter: Date?, limit: Int, offset: Int) async throws
        -> (credentials: [OpenBadgesCredential], total: Int)
    {
        let page: AwardPage
        if let paging = store as? any AwardPaging {
            page = try await paging.awards(institutionID: institution.id, issuedAfter: issuedAfter, limit: limit, offset: offset)
        } else {
            let all = try await store.awards(institutionID: institution.id, limit: Int(Int32.max))
                .filter { award in issuedAfter.map { award.issuedAt > $0 } ?? true }
                .sorted { ($0.issuedAt, $0.id.uuidString) > ($1.issuedAt, $1.id.uuidString) }
            page = AwardPage(awards: Array(all.dropFirst(offset).prefix(limit)), total: all.count)
        }
        return (try page.awards.map { try OpenBadgesCredential(stored: $0.credential) }, page.total)
    }

    /// The institution's OB 3.0 `Profile`, as its credentials name their issuer (see
    /// ``OpenBadgeCredential/unsigned()``), its texts in `language`.
    func openBadgesProfile(of institution: Institution, language: Language) -> JSONValue {
        var profile: JSONObject = [
            "@context": [.string(MochilaContext.openBadges)],
            "id": .string(institution.did),
            "type": ["Profile"],
            "name": .string(institution.name.text(language)),
        ]
        if let url = institution.url { profile["url"] = .string(url) }
        profile["address"] = [
            "type": ["Address"],
            "addressCountry": .string(reference.countryName(institution.country, language)),
            "addressCountryCode": .string(institution.country),
        ]
        return .object(profile)
    }

    /// The award of the institution whose credential is exactly `credential`, or `nil` when the
    /// institution has no credential with that id on this node.
    ///
    /// - Returns: the award and whether the stored credential equals the one given (as JSON
    ///   values, so that spacing and member order do not matter; a JWS as text).
    func ownAward(matching credential: OpenBadgesCredential, of institution: Institution) async throws -> (award: Award, equal: Bool)? {
        guard let id = credential.id, let award = try await store.award(credentialID: id), award.institutionID == institution.id
        else { return nil }
        return (award, try OpenBadgesCredential(stored: award.credential) == credential)
    }
}
