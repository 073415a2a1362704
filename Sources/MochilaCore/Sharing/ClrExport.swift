import Credentials
import Foundation
import LinkedData

/// A whole backpack as a 1EdTech Comprehensive Learner Record 2.0 `ClrCredential`: a record the
/// learner issues about themself, signed with their holder key (`did:key`), whose parts are the
/// institutions' own signed credentials, embedded unchanged so that each still verifies on its own.
///
/// CLR 2.0, ClrCredential: https://www.imsglobal.org/spec/clr/v2p0/#clrcredential
/// and ClrSubject: https://www.imsglobal.org/spec/clr/v2p0/#clrsubject
///
/// Only Open Badges 3.0 credentials in JSON can be embedded (`ClrSubject.verifiableCredential`
/// is a list of `AchievementCredential`s); every other item is left out, and
/// ``exclusion(of:)`` says why.
///
/// Note: CLR 2.0 describes `ClrSubject.achievement` as "the set of achievements the CLR issuer
/// expects the learner to achieve"; in a record the learner issues, that is the achievements of
/// the embedded credentials, each once. No `association` is written: a backpack does not know how
/// its achievements relate to one another.
public enum ClrExport {
    public static let clrContext = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
    public static let clrSchema = SchemaRegistry.clrCredential

    /// Why an item of the backpack cannot go into a CLR.
    public enum Exclusion: Error, Sendable, Hashable, CustomStringConvertible {
        /// Not a JSON credential (a JWT, an Open Badges 2.0 assertion, a Europass credential).
        case format(BackpackItem.Format)
        /// The bytes are not a JSON object.
        case unreadable(String)
        /// Not an Open Badges 3.0 `AchievementCredential` / `OpenBadgeCredential`.
        case notAchievementCredential
        /// A VC Data Model 1.1 credential: CLR 2.0 embeds VC 2.0 credentials.
        case notVC2
        /// No embedded proof: inside the record it could not be verified on its own.
        case noProof
        /// It breaks the Open Badges 3.0 AchievementCredential schema (the first violation).
        case schema(String)
        /// Its JSON-LD cannot be read with the bundled contexts, so the record could not be signed.
        case linkedData(String)

        public var description: String {
            switch self {
            case .format(let format):
                return "a \(format.rawValue) credential: a CLR embeds Open Badges 3.0 credentials in JSON only"
            case .unreadable(let reason): return "the credential is not a JSON object (\(reason))"
            case .notAchievementCredential: return "not an Open Badges 3.0 credential (AchievementCredential or OpenBadgeCredential)"
            case .notVC2: return "a VC Data Model 1.1 credential: CLR 2.0 embeds VC 2.0 credentials only"
            case .noProof: return "the credential has no embedded proof, so it could not be verified inside the record"
            case .schema(let violation): return "the credential breaks the Open Badges 3.0 schema: \(violation)"
            case .linkedData(let reason): return "the credential's JSON-LD cannot be read with the bundled contexts: \(reason)"
            }
        }
    }

    /// The unsigned `ClrCredential` of a backpack; sign it with ``signed(_:holderKey:at:)``.
    ///
    /// - Parameters:
    ///   - holderDID: the learner's `did:key`: the record's issuer and its subject.
    ///   - holderName: the name the record carries, if any.
    ///   - items: the backpack, in the order the record lists them.
    ///   - id: the record's id, a URI (`urn:uuid:…`).
    ///   - issuedAt: the record's `validFrom`.
    /// - Returns: the credential, and the items left out (``exclusion(of:)`` says why). When some
    ///   are left out, the record says it is `partial`.
    /// - Throws: ``ValidationError`` for an id or DID that is not a URI, and when no item can be
    ///   included (field `items`).
    public static func credential(
        holderDID: String, holderName: String?, items: [BackpackItem], id: String, issuedAt: Date
    ) throws -> (credential: JSONObject, excluded: [BackpackItem]) {
        var validator = Validator()
        validator.require(holderDID.hasPrefix("did:") && !holderDID.contains(where: \.isWhitespace), "holderDID", "must be a DID")
        validator.require(isURI(id), "id", "must be a URI, such as urn:uuid:…")
        try validator.check()

        var credentials: [JSONValue] = []
        var excluded: [BackpackItem] = []
        for item in items {
            switch candidate(item) {
            case .success(let credential): credentials.append(.object(credential))
            case .failure: excluded.append(item)
            }
        }
        guard !credentials.isEmpty else {
            throw ValidationError(
                field: "items",
                items.isEmpty
                    ? "the backpack is empty: a learning record needs at least one credential"
                    : "no credential in the backpack can go into a learning record: it takes Open Badges 3.0 credentials in JSON (VC 2.0) with an embedded proof")
        }

        // Each achievement once, in the order of the credentials.
        var achievements: [JSONValue] = []
        var seen: Set<String> = []
        for credential in credentials {
            for subject in credential["credentialSubject"]?.asArray ?? [] {
                for achievement in subject["achievement"]?.asArray ?? [] {
                    if let achievementID = achievement["id"]?.stringValue, !seen.insert(achievementID).inserted { continue }
                    achievements.append(achievement)
                }
            }
        }

        let trimmed = holderName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let name: String? = trimmed.isEmpty ? nil : trimmed
        var issuer: JSONObject = ["id": .string(holderDID), "type": ["Profile"]]
        if let name { issuer["name"] = .string(name) }
        let subject: JSONObject = [
            "type": ["ClrSubject"],
            "id": .string(holderDID),
            "verifiableCredential": .array(credentials),
            "achievement": .array(achievements),
        ]
        let record: JSONObject = [
            "@context": .array(context(of: credentials)),
            "id": .string(id),
            "type": ["VerifiableCredential", "ClrCredential"],
            "issuer": .object(issuer),
            "name": .string(name.map { "Registro de aprendizajes de \($0)" } ?? "Registro de aprendizajes"),
            "description": "Registro declarado por su titular: cada credencial incluida está firmada por la institución que la emitió.",
            "validFrom": .string(XSDDateTime.format(issuedAt)),
            // CLR 2.0: `partial` is true when the record leaves out achievements its issuer knows of.
            "partial": .bool(!excluded.isEmpty),
            "credentialSubject": .object(subject),
            "credentialSchema": [["id": .string(clrSchema), "type": .string(SchemaCheck.validatorType)]],
        ]
        return (record, excluded)
    }

    /// Signs a record with the learner's holder key (`eddsa-rdfc-2022`, proof purpose
    /// `assertionMethod`, the key's `did:key` verification method), the proof as a list as
    /// 1EdTech's schemas prefer.
    /// - Throws: ``ValidationError`` when the key is not the record issuer's; ``CredentialsError``
    ///   when the record cannot be signed.
    public static func signed(_ record: JSONObject, holderKey: SigningKey, at date: Date) throws -> JSONObject {
        let method = Multikey(didKeyFor: holderKey)
        guard CredentialVerifier.issuerID(of: record) == method.controller else {
            throw ValidationError(field: "issuer", "the holder key is not the key of the record's issuer")
        }
        return try CredentialIssuer.sign(record, key: holderKey, verificationMethod: method.id, at: date)
    }

    /// Why `item` cannot go into a CLR; `nil` when it can.
    public static func exclusion(of item: BackpackItem) -> Exclusion? {
        if case .failure(let exclusion) = candidate(item) { return exclusion }
        return nil
    }

    /// The credential of an item that can be embedded, or why it cannot.
    static func candidate(_ item: BackpackItem) -> Result<JSONObject, Exclusion> {
        guard item.format == .vcJSON else { return .failure(.format(item.format)) }
        let credential: JSONObject
        do {
            guard let object = try JSONValue(parsing: item.credential, limits: .credential).objectValue else {
                return .failure(.unreadable("not an object"))
            }
            credential = object
        } catch {
            return .failure(.unreadable("\(error)"))
        }
        let types = credential["type"]?.asArray.compactMap(\.stringValue) ?? []
        guard types.contains("AchievementCredential") || types.contains("OpenBadgeCredential") else {
            return .failure(.notAchievementCredential)
        }
        guard credential["@context"]?.asArray.first?.stringValue == CredentialVerifier.vc2Context else {
            return .failure(.notVC2)
        }
        guard let proofs = credential["proof"]?.asArray, !proofs.isEmpty, proofs.allSatisfy({ $0.objectValue != nil }) else {
            return .failure(.noProof)
        }
        if let schema = try? SchemaRegistry.bundled.schema(for: SchemaRegistry.openBadgesAchievementCredential),
            let violation = schema.validate(.object(credential), maximumViolations: 1).first
        {
            return .failure(.schema(violation.description))
        }
        do {
            _ = try JSONLDProcessor(options: .credential).toRDF(.object(credential))
        } catch {
            return .failure(.linkedData("\(error)"))
        }
        return .success(credential)
    }

    /// The record's `@context`: VC 2.0, CLR 2.0 and OB 3.0 as CLR 2.0 requires, then the other
    /// contexts of the embedded credentials (Mochila's terms, OB extensions), each once, so that
    /// their achievements, copied into the record, mean what they mean in their credentials.
    ///
    /// Note: other versions of the VC 2.0, OB 3.0 and CLR 2.0 contexts are not repeated; they
    /// protect the same terms, and the embedded credentials keep their own `@context`.
    static func context(of credentials: [JSONValue]) -> [JSONValue] {
        var context: [JSONValue] = [
            .string(CredentialVerifier.vc2Context), .string(clrContext), .string(MochilaContext.openBadges),
        ]
        for credential in credentials {
            for entry in credential["@context"]?.asArray ?? [] where !context.contains(entry) {
                if let url = entry.stringValue,
                    url == CredentialVerifier.vc2Context || url.hasPrefix("https://purl.imsglobal.org/spec/ob/v3p0/context")
                        || url.hasPrefix("https://purl.imsglobal.org/spec/clr/v2p0/context")
                {
                    continue
                }
                context.append(entry)
            }
        }
        return context
    }

    static func isURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex else {
            return false
        }
        let scheme = text[..<colon]
        return scheme.first!.isLetter && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && !text.contains(where: \.isWhitespace)
    }
}
