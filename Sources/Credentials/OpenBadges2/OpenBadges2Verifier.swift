import Foundation
import LinkedData

/// An Open Badges 2.0 assertion as a learner brings it: a URL, JSON or a JWS.
public enum OpenBadges2Input: Sendable, Hashable {
    /// The URL of a hosted assertion.
    case url(String)
    /// An assertion as JSON (uploaded, or baked into an image with its JSON).
    case json(JSONValue)
    /// A signed assertion: a compact JWS whose payload is the assertion.
    case jws(String)

    /// Reads what a learner uploads: a baked PNG or SVG, or the text of a URL, a JWS or JSON.
    /// - Throws: ``CredentialsError/Code/invalidDocument`` when the bytes are none of these, or an
    ///   image carries no Open Badges 2.0 assertion.
    public init(bytes: [UInt8], limits: JSONLimits = .credential) throws {
        let content: OpenBadges2Baked.Content
        if let baked = try OpenBadges2Baked.extract(from: bytes) {
            content = baked
        } else {
            guard bytes.count <= limits.maxBytes else {
                throw CredentialsError(.invalidDocument, "the input is \(bytes.count) bytes, more than \(limits.maxBytes)")
            }
            content = try OpenBadges2Baked.classify(String(decoding: bytes, as: UTF8.self))
        }
        switch content {
        case .url(let url): self = .url(url)
        case .jws(let token): self = .jws(token)
        case .json(let text):
            do {
                self = .json(try JSONValue(parsing: Array(text.utf8), limits: limits))
            } catch {
                throw CredentialsError(.invalidDocument, "the assertion is not valid JSON: \(error)")
            }
        }
    }
}

/// Which URLs an Open Badges 2.0 verification may fetch.
public enum OpenBadges2URLPolicy: Sendable, Hashable {
    /// HTTPS only: what a node verifying what strangers import uses.
    case httpsOnly
    /// HTTPS, and plain HTTP to this machine's loopback address (`localhost`, `127.0.0.1`, `[::1]`).
    case allowLoopbackHTTP
    /// HTTPS and plain HTTP anywhere: tests only.
    case allowHTTP

    /// Whether a document may be fetched from `url`.
    public func permits(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else { return false }
        switch (scheme, self) {
        case ("https", _), ("http", .allowHTTP): return true
        case ("http", .allowLoopbackHTTP): return ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased())
        default: return false
        }
    }
}

/// What an Open Badges 2.0 verification found: the report, check by check, and the documents read.
public struct OpenBadges2Verification: Sendable {
    /// How an assertion proves itself (Open Badges 2.0, "Verification").
    public enum Method: String, Sendable, Hashable {
        /// `HostedBadge`: the issuer serves the assertion at its `id`.
        case hosted
        /// `SignedBadge`: a JWS signed with a key of the issuer.
        case signed
    }

    /// The checks, in the form and with the statuses of every other verification.
    public var report: VerificationReport
    /// The verification method the assertion declares, once it could be read.
    public var method: Method?
    /// The assertion as read: the hosted copy for hosted assertions, the JWS payload for signed ones.
    public var assertion: JSONObject?
    /// The BadgeClass, fetched or embedded.
    public var badgeClass: JSONObject?
    /// The issuer Profile, fetched or embedded.
    public var issuer: JSONObject?

    /// Whether the assertion verified (see ``VerificationReport/verified``).
    public var verified: Bool { report.verified }

    /// Whether `identifier` (an email address, URL or telephone number) is the assertion's
    /// recipient; `false` when the assertion could not be read.
    public func isRecipient(_ identifier: String, type: String? = nil) -> Bool {
        guard let recipient = assertion?["recipient"] else { return false }
        return OpenBadges2Recipient.matches(recipient, identifier: identifier, type: type)
    }
}

/// Verifies Open Badges 2.0 assertions, hosted or signed, as they are imported into a backpack.
///
/// Follows the verification steps of Open Badges 2.0 and 1EdTech's reference validator
/// (openbadges-validator-core):
///
/// - hosted (`HostedBadge`): the assertion is fetched from its `id`, must carry that `id` and be
///   the assertion presented; its `id` must lie within the issuer's verification policy
///   (`verification.startsWith` and `verification.allowedOrigins` of the issuer Profile, by
///   default the origin of the issuer's `id`); the hosted copy must not say `revoked: true`;
/// - signed (`SignedBadge`): the JWS (`RS256`, or `ES256`) is checked with the `publicKeyPem` of
///   the `CryptographicKey` that `verification.creator` names; the key's `owner` must be the
///   issuer, the issuer's `publicKey` must list it, and the issuer's `revocationList` must not
///   list the assertion;
/// - both: `issuedOn` not in the future, `expires` not past.
///
/// Nothing here reaches for the network or the clock: documents come from the injected
/// ``DocumentResolver`` and "now" is a parameter. Verification fails closed: a document that
/// cannot be fetched, is too large, or is not allowed by the ``OpenBadges2URLPolicy`` makes its
/// check `unknown`, never `passed`.
public struct OpenBadges2Verifier: Sendable {
    public var documents: any DocumentResolver
    /// Which URLs may be fetched: HTTPS only unless the caller allows more.
    public var urlPolicy: OpenBadges2URLPolicy
    /// The most documents one verification fetches (assertion, badge class, issuer, policy, key,
    /// revocation list).
    public var maxFetches = 6
    /// The largest document accepted, in bytes of compact JSON.
    public var maxDocumentBytes = 1 << 20
    /// Tolerated clock difference when `issuedOn` lies in the future, in seconds.
    public var clockSkew: Double = 300

    public init(documents: any DocumentResolver, urlPolicy: OpenBadges2URLPolicy = .httpsOnly) {
        self.documents = documents
        self.urlPolicy = urlPolicy
    }

    /// Verifies what a learner uploads: a baked PNG or SVG, a URL, a JWS or JSON.
    public func verify(bytes: [UInt8], at now: Date) async -> OpenBadges2Verification {
        do {
            return await verify(try OpenBadges2Input(bytes: bytes), at: now)
        } catch {
            return OpenBadges2Verification(
                report: report([CheckResult(.format, .failed, Message("ob2.format.unreadable", "\(error)"))]))
        }
    }

    /// Verifies an assertion.
    public func verify(_ input: OpenBadges2Input, at now: Date) async -> OpenBadges2Verification {
        var session = Session(verifier: self)
        switch input {
        case .jws(let token):
            return await verifySigned(token, session: &session, at: now)
        case .json(let value):
            guard let assertion = value.objectValue else {
                return failure(.format, .failed, Message("ob2.format.notObject"))
            }
            return await verifyAssertion(assertion, presentedAt: nil, session: &session, at: now)
        case .url(let url):
            let fetched: JSONValue
            switch await session.fetch(url) {
            case .success(let value): fetched = value
            case .failure(let reason):
                return failure(.format, .unknown, Message("ob2.format.unavailable", url, reason.text()))
            }
            // A URL may serve a signed assertion.
            if let token = fetched.stringValue, CredentialVerifier.looksLikeJWT(Array(token.utf8)) {
                return await verifySigned(token, session: &session, at: now)
            }
            guard let assertion = fetched.objectValue else {
                return failure(.format, .failed, Message("ob2.format.notObject"))
            }
            return await verifyAssertion(assertion, presentedAt: url, session: &session, at: now)
        }
    }

    // MARK: - Hosted

    /// Verifies an assertion given as JSON (`presentedAt` is the URL it was fetched from, if any).
    func verifyAssertion(
        _ presented: JSONObject, presentedAt: String?, session: inout Session, at now: Date
    ) async -> OpenBadges2Verification {
        let format = checkFormat(presented)
        guard format.status == .passed else { return failure(format) }
        switch Self.method(of: presented) {
        case .signed:
            // The JSON of a signed assertion without its JWS carries no proof.
            var result = failure(format)
            result.report.checks.append(CheckResult(.proof, .failed, Message("ob2.proof.signedWithoutSignature")))
            result.method = .signed
            result.assertion = presented
            return result
        case nil:
            return failure(.format, .failed, Message("ob2.format.verificationType", presented["verification"]?["type"]?.stringValue ?? ""))
        case .hosted:
            break
        }
        var result = OpenBadges2Verification(report: report([format]), method: .hosted, assertion: presented)
        let id = presented["id"]!.stringValue!

        // Proof: the issuer serves this very assertion at its id.
        let proof: CheckResult
        var hosted: JSONObject? = nil
        if !Self.isWebURL(id) {
            proof = CheckResult(.proof, .failed, Message("ob2.proof.hostedIdNotURL", id))
        } else if let presentedAt, presentedAt != id {
            proof = CheckResult(.proof, .failed, Message("ob2.proof.idMismatch", presentedAt, id))
        } else {
            switch await session.object(id) {
            case .document(let document):
                hosted = document
                if document != presented {
                    proof = CheckResult(.proof, .failed, Message("ob2.proof.hostedDiffers", id))
                } else {
                    proof = CheckResult(.proof, .passed, Message("ob2.proof.hosted", id))
                }
            case .invalid(let reason):
                proof = CheckResult(.proof, .failed, reason)
            case .unavailable(let reason):
                proof = CheckResult(.proof, .unknown, Message("ob2.proof.hostedUnavailable", id, reason.text()))
            }
        }
        result.report.checks.append(proof)
        // From here on the hosted copy is the assertion, when there is one.
        let assertion = hosted ?? presented
        result.assertion = assertion

        // Issuer: the badge class and the issuer profile, and the assertion within the issuer's policy.
        let (badgeClass, issuer, issuerCheck) = await badgeClassAndIssuer(of: assertion, session: &session)
        result.badgeClass = badgeClass
        result.issuer = issuer
        if let issuerCheck {
            result.report.checks.append(issuerCheck)
        } else if let issuer {
            result.report.checks.append(await checkHostedScope(id, issuer: issuer, session: &session))
        }

        result.report.checks.append(checkValidity(assertion, at: now))
        // Status: a revoked hosted assertion says so (and is usually served with 410 Gone).
        if hosted == nil {
            result.report.checks.append(CheckResult(.status, .unknown, Message("ob2.status.hostedUnavailable")))
        } else if assertion["revoked"]?.boolValue == true {
            let reason = assertion["revocationReason"]?.stringValue ?? ""
            result.report.checks.append(CheckResult(.status, .failed, Message("ob2.status.revoked", reason)))
        } else {
            result.report.checks.append(CheckResult(.status, .passed, Message("ob2.status.hosted")))
        }
        result.report.checks.append(CheckResult(.trust, .skipped, Message("trust.noRegistry")))
        return result
    }

    /// Whether the hosted assertion's id lies within the issuer's verification policy.
    func checkHostedScope(_ id: String, issuer: JSONObject, session: inout Session) async -> CheckResult {
        let issuerID = issuer["id"]?.stringValue ?? ""
        var policy: JSONObject? = nil
        switch issuer["verification"] {
        case .object(let object)?: policy = object
        case .string(let url)?:
            switch await session.object(url) {
            case .document(let document): policy = document
            case .invalid(let reason): return CheckResult(.issuer, .failed, reason)
            case .unavailable(let reason): return CheckResult(.issuer, .unknown, reason)
            }
        case nil, .null?: break
        default: return CheckResult(.issuer, .failed, Message("ob2.issuer.policyMalformed", issuerID))
        }
        let startsWith = (policy?["startsWith"]?.asArray ?? []).compactMap(\.stringValue)
        if !startsWith.isEmpty, !startsWith.contains(where: { id.hasPrefix($0) }) {
            return CheckResult(.issuer, .failed, Message("ob2.issuer.startsWith", id, startsWith.joined(separator: ", ")))
        }
        var origins = (policy?["allowedOrigins"]?.asArray ?? []).compactMap(\.stringValue).map { $0.lowercased() }
        if policy?["allowedOrigins"] == nil, let origin = Self.authority(of: issuerID) { origins = [origin] }
        guard let origin = Self.authority(of: id), origins.contains(origin) else {
            return CheckResult(.issuer, .failed, Message("ob2.issuer.origin", id, origins.joined(separator: ", "), issuerID))
        }
        return CheckResult(.issuer, .passed, Message("ob2.issuer.hosted", issuerID, origin))
    }

    // MARK: - Signed

    /// Verifies a signed assertion.
    func verifySigned(_ token: String, session: inout Session, at now: Date) async -> OpenBadges2Verification {
        let jws: CompactJWS
        do {
            jws = try CompactJWS(parsing: token.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            return failure(.format, .failed, Message("ob2.format.jws", "\(error)"))
        }
        guard let payload = try? JSONValue(parsing: jws.payload), let assertion = payload.objectValue else {
            return failure(.format, .failed, Message("ob2.format.jwsPayload"))
        }
        let format = checkFormat(assertion)
        guard format.status == .passed else { return failure(format) }
        guard Self.method(of: assertion) == .signed else {
            var result = failure(format)
            result.report.checks.append(CheckResult(.proof, .failed, Message("ob2.proof.notSigned")))
            result.assertion = assertion
            return result
        }
        var result = OpenBadges2Verification(report: report([format]), method: .signed, assertion: assertion)

        // Proof: the signature under the key that verification.creator names.
        var key: JSONObject? = nil
        let proof: CheckResult
        let algorithmName = jws.algorithmName ?? ""
        if let algorithm = JOSEAlgorithm(headerValue: algorithmName), [.rs256, .es256].contains(algorithm) {
            if let creator = assertion["verification"]?["creator"]?.stringValue {
                switch await session.object(creator) {
                case .document(let document):
                    key = document
                    proof = Self.checkSignature(jws, algorithm: algorithm, key: document, keyID: creator)
                case .invalid(let reason):
                    proof = CheckResult(.proof, .failed, reason)
                case .unavailable(let reason):
                    proof = CheckResult(.proof, .unknown, Message("ob2.proof.keyUnavailable", creator, reason.text()))
                }
            } else {
                proof = CheckResult(.proof, .failed, Message("ob2.proof.noCreator"))
            }
        } else {
            proof = CheckResult(.proof, .failed, Message("ob2.proof.algorithm", algorithmName))
        }
        result.report.checks.append(proof)

        // Issuer: the key belongs to the issuer, who lists it.
        let (badgeClass, issuer, issuerCheck) = await badgeClassAndIssuer(of: assertion, session: &session)
        result.badgeClass = badgeClass
        result.issuer = issuer
        if let issuerCheck {
            result.report.checks.append(issuerCheck)
        } else if let issuer {
            result.report.checks.append(Self.checkKeyOwnership(key, issuer: issuer))
        }

        result.report.checks.append(checkValidity(assertion, at: now))
        result.report.checks.append(await checkRevocationList(assertion, issuer: issuer, session: &session))
        result.report.checks.append(CheckResult(.trust, .skipped, Message("trust.noRegistry")))
        return result
    }

    /// The signature check with the key document's `publicKeyPem`.
    static func checkSignature(_ jws: CompactJWS, algorithm: JOSEAlgorithm, key: JSONObject, keyID: String) -> CheckResult {
        guard let pem = key["publicKeyPem"]?.stringValue else {
            return CheckResult(.proof, .failed, Message("ob2.proof.keyMalformed", keyID, "no publicKeyPem"))
        }
        let publicKey: PublicKey
        do {
            publicKey = try OpenBadges2Key.publicKey(pem: pem, type: algorithm.keyType)
        } catch {
            return CheckResult(.proof, .failed, Message("ob2.proof.keyMalformed", keyID, "\(error)"))
        }
        guard algorithm.isValidSignature(jws.signature, for: jws.signingInput, key: publicKey) else {
            return CheckResult(.proof, .failed, Message("ob2.proof.signature", algorithm.rawValue, keyID))
        }
        return CheckResult(.proof, .passed, Message("proof.passed", algorithm.rawValue, keyID))
    }

    /// Whether the signing key is the issuer's: its `owner` is the issuer and the issuer's
    /// `publicKey` lists it.
    static func checkKeyOwnership(_ key: JSONObject?, issuer: JSONObject) -> CheckResult {
        let issuerID = issuer["id"]?.stringValue ?? ""
        guard let key, let keyID = key["id"]?.stringValue else {
            return CheckResult(.issuer, .unknown, Message("issuer.noProof"))
        }
        let owner = key["owner"]?.stringValue ?? key["owner"]?["id"]?.stringValue ?? ""
        guard owner == issuerID else {
            return CheckResult(.issuer, .failed, Message("issuer.mismatch", owner, issuerID))
        }
        let listed = (issuer["publicKey"]?.asArray ?? []).compactMap { $0.stringValue ?? $0["id"]?.stringValue }
        guard listed.contains(keyID) else {
            return CheckResult(.issuer, .failed, Message("ob2.issuer.keyNotListed", issuerID, keyID))
        }
        return CheckResult(.issuer, .passed, Message("issuer.passed", issuerID))
    }

    /// Whether the issuer's revocation list leaves the assertion out.
    func checkRevocationList(_ assertion: JSONObject, issuer: JSONObject?, session: inout Session) async -> CheckResult {
        guard let issuer else { return CheckResult(.status, .unknown, Message("ob2.status.noIssuer")) }
        guard let list = issuer["revocationList"] else {
            return CheckResult(.status, .skipped, Message("ob2.status.noRevocationList"))
        }
        let document: JSONObject
        switch await session.node(list) {
        case .document(let found): document = found
        case .invalid(let reason): return CheckResult(.status, .unknown, reason)
        case .unavailable(let reason): return CheckResult(.status, .unknown, reason)
        }
        guard let entries = document["revokedAssertions"]?.arrayValue else {
            return CheckResult(.status, .unknown, Message("ob2.status.listMalformed", document["id"]?.stringValue ?? ""))
        }
        let id = assertion["id"]?.stringValue
        let uid = assertion["uid"]?.stringValue
        for entry in entries {
            let revoked: Bool
            if let text = entry.stringValue {
                revoked = text == id
            } else {
                revoked = (id != nil && entry["id"]?.stringValue == id) || (uid != nil && entry["uid"]?.stringValue == uid)
            }
            if revoked {
                return CheckResult(.status, .failed, Message("ob2.status.revoked", entry["revocationReason"]?.stringValue ?? ""))
            }
        }
        return CheckResult(.status, .passed, Message("ob2.status.notRevoked", document["id"]?.stringValue ?? ""))
    }

    // MARK: - Shared

    /// The assertion's badge class and its issuer profile, each fetched or embedded; the check
    /// is `nil` when both were obtained, else the issuer check that says why not.
    func badgeClassAndIssuer(
        of assertion: JSONObject, session: inout Session
    ) async -> (JSONObject?, JSONObject?, CheckResult?) {
        let badgeClass: JSONObject
        switch await session.node(assertion["badge"]) {
        case .document(let document): badgeClass = document
        case .invalid(let reason): return (nil, nil, CheckResult(.issuer, .failed, reason))
        case .unavailable(let reason):
            return (nil, nil, CheckResult(.issuer, .unknown, Message("ob2.issuer.badgeUnavailable", reason.text())))
        }
        let issuer: JSONObject
        switch await session.node(badgeClass["issuer"]) {
        case .document(let document): issuer = document
        case .invalid(let reason): return (badgeClass, nil, CheckResult(.issuer, .failed, reason))
        case .unavailable(let reason):
            return (badgeClass, nil, CheckResult(.issuer, .unknown, Message("ob2.issuer.profileUnavailable", reason.text())))
        }
        guard let issuerID = issuer["id"]?.stringValue, Self.isWebURL(issuerID) else {
            return (badgeClass, issuer, CheckResult(.issuer, .failed, Message("ob2.issuer.noId")))
        }
        return (badgeClass, issuer, nil)
    }

    /// The members every assertion has (Open Badges 2.0, "Assertion").
    func checkFormat(_ assertion: JSONObject) -> CheckResult {
        if assertion["verification"] == nil, assertion["verify"] != nil {
            return CheckResult(.format, .failed, Message("ob2.format.legacy"))
        }
        if assertion["type"].map({ !$0.asArray.contains("Assertion") }) ?? true {
            return CheckResult(.format, .failed, Message("ob2.format.member", "type"))
        }
        for member in ["id", "issuedOn"] where assertion[member]?.stringValue == nil {
            return CheckResult(.format, .failed, Message("ob2.format.member", member))
        }
        guard let recipient = assertion["recipient"]?.objectValue, recipient["identity"]?.stringValue != nil,
            recipient["type"]?.stringValue != nil
        else {
            return CheckResult(.format, .failed, Message("ob2.format.member", "recipient"))
        }
        guard assertion["badge"]?.stringValue != nil || assertion["badge"]?.objectValue != nil else {
            return CheckResult(.format, .failed, Message("ob2.format.member", "badge"))
        }
        guard assertion["verification"]?["type"]?.stringValue != nil else {
            return CheckResult(.format, .failed, Message("ob2.format.member", "verification"))
        }
        return CheckResult(.format, .passed, Message("ob2.format.passed"))
    }

    /// `issuedOn` not in the future (beyond ``clockSkew``), `expires` not past.
    func checkValidity(_ assertion: JSONObject, at now: Date) -> CheckResult {
        guard let issuedText = assertion["issuedOn"]?.stringValue, let issued = XSDDateTime(issuedText) else {
            return CheckResult(.validity, .failed, Message("ob2.validity.unreadable", "issuedOn"))
        }
        if issued.date.timeIntervalSince(now) > clockSkew {
            return CheckResult(.validity, .failed, Message("ob2.validity.future", issuedText))
        }
        if let expiresValue = assertion["expires"], !expiresValue.isNull {
            guard let expiresText = expiresValue.stringValue, let expires = XSDDateTime(expiresText) else {
                return CheckResult(.validity, .failed, Message("ob2.validity.unreadable", "expires"))
            }
            if now >= expires.date {
                return CheckResult(.validity, .failed, Message("validity.expired", expiresText))
            }
            return CheckResult(.validity, .passed, Message("validity.window", issuedText, expiresText))
        }
        return CheckResult(.validity, .passed, Message("validity.since", issuedText))
    }

    /// The verification method the assertion declares; `nil` for any other value.
    static func method(of assertion: JSONObject) -> OpenBadges2Verification.Method? {
        switch assertion["verification"]?["type"]?.stringValue {
        case "hosted", "HostedBadge": return .hosted
        case "signed", "SignedBadge": return .signed
        default: return nil
        }
    }

    /// Whether `url` is an absolute http(s) URL with a host.
    static func isWebURL(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else { return false }
        return ["http", "https"].contains(components.scheme?.lowercased() ?? "")
    }

    /// The authority of a URL as 1EdTech's validator compares origins: the host, lowercased, and
    /// the port when one is given.
    static func authority(of url: String) -> String? {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased(), !host.isEmpty else {
            return nil
        }
        return components.port.map { "\(host):\($0)" } ?? host
    }

    func report(_ checks: [CheckResult]) -> VerificationReport {
        VerificationReport(checks: checks)
    }

    func failure(_ check: CheckName, _ status: CheckStatus, _ message: Message) -> OpenBadges2Verification {
        failure(CheckResult(check, status, message))
    }

    func failure(_ check: CheckResult) -> OpenBadges2Verification {
        OpenBadges2Verification(report: report([check]))
    }
}

extension OpenBadges2Verifier {
    /// A node the verification needs, or why it is missing.
    enum Node {
        case document(JSONObject)
        /// The issuer published something wrong: the check fails.
        case invalid(Message)
        /// It could not be obtained: the check is unknown.
        case unavailable(Message)
    }

    /// The fetches of one verification: bounded in number and size, and kept so that no URL is
    /// fetched twice.
    struct Session {
        let verifier: OpenBadges2Verifier
        var fetched: [String: JSONValue] = [:]
        var count = 0

        /// The document at `url`.
        mutating func fetch(_ url: String) async -> Result<JSONValue, Message> {
            if let value = fetched[url] { return .success(value) }
            guard verifier.urlPolicy.permits(url) else { return .failure(Message("ob2.fetch.insecure", url)) }
            guard count < verifier.maxFetches else { return .failure(Message("ob2.fetch.limit", "\(verifier.maxFetches)", url)) }
            count += 1
            let value: JSONValue?
            do {
                value = try await verifier.documents.document(at: url)
            } catch {
                return .failure(Message("ob2.fetch.error", url, "\(error)"))
            }
            guard let value else { return .failure(Message("ob2.fetch.missing", url)) }
            let size = value.serialized().count
            guard size <= verifier.maxDocumentBytes else {
                return .failure(Message("ob2.fetch.tooLarge", url, "\(verifier.maxDocumentBytes)"))
            }
            fetched[url] = value
            return .success(value)
        }

        /// The JSON object at `url`, which must carry `url` as its `id`.
        mutating func object(_ url: String) async -> Node {
            switch await fetch(url) {
            case .failure(let reason): return .unavailable(reason)
            case .success(let value):
                guard let object = value.objectValue else { return .invalid(Message("ob2.fetch.notObject", url)) }
                guard object["id"]?.stringValue == url else {
                    return .invalid(Message("ob2.fetch.idMismatch", url, object["id"]?.stringValue ?? ""))
                }
                return .document(object)
            }
        }

        /// A node given by its URL (fetched) or embedded as an object.
        mutating func node(_ value: JSONValue?) async -> Node {
            switch value {
            case .string(let url)?: return await object(url)
            case .object(let object)?: return .document(object)
            default: return .invalid(Message("ob2.fetch.noNode"))
            }
        }
    }
}
