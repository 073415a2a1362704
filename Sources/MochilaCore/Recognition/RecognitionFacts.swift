import Credentials
import Crypto
import Foundation
import LinkedData

/// What a rule is evaluated against: one submitted credential, as the node verified and read it.
///
/// The facts are read once, when the credential is submitted, and kept with the request and the
/// decision, so a decision can always be explained from what was known when it was made.
public struct RecognitionFacts: Sendable, Hashable, Codable {
    /// The credential's `id`; for a credential without one, the RFC 6920 `ni:///sha-384;…` URI of its bytes.
    public var credentialID: String
    /// Subresource Integrity of the exact bytes submitted (`sha384-` and the base64 of their
    /// SHA-384), as VCDM 2.0 §5.3 `relatedResource.digestSRI` has it.
    public var digest: String
    /// The issuer's id: a DID, or the URL some Open Badges issuers use.
    public var issuerDID: String
    public var issuerName: String
    /// Whether the node's verification report said the credential verified.
    public var verified: Bool
    /// Whether the issuer is in the network's trust registry and accredited for the credential's
    /// ISCED-F field and EQF level; `nil` when no registry was consulted.
    public var trustedForScope: Bool?
    public var issuedAt: Date?
    public var achievementID: String?
    public var achievementName: String
    public var eqfLevel: Int?
    /// ISCED-F 2013 code (`0715`).
    public var iscedField: String?
    public var workloadHours: Double?
    public var credits: [CreditValue]
    /// ESCO concept URIs the achievement is aligned to.
    public var skills: [String]

    public init(
        credentialID: String, digest: String, issuerDID: String, issuerName: String, verified: Bool,
        trustedForScope: Bool?, issuedAt: Date?, achievementID: String?, achievementName: String, eqfLevel: Int?,
        iscedField: String?, workloadHours: Double?, credits: [CreditValue], skills: [String]
    ) {
        self.credentialID = credentialID
        self.digest = digest
        self.issuerDID = issuerDID
        self.issuerName = issuerName
        self.verified = verified
        self.trustedForScope = trustedForScope
        self.issuedAt = issuedAt
        self.achievementID = achievementID
        self.achievementName = achievementName
        self.eqfLevel = eqfLevel
        self.iscedField = iscedField
        self.workloadHours = workloadHours
        self.credits = credits
        self.skills = skills
    }

    /// The ESCO namespace; skill, occupation and knowledge URIs live under it.
    static let escoPrefix = "http://data.europa.eu/esco/"

    /// `sha384-` and the base64 of the SHA-384 of `bytes` (W3C Subresource Integrity).
    public static func digestSRI(of bytes: [UInt8]) -> String {
        "sha384-" + Data(SHA384.hash(data: bytes)).base64EncodedString()
    }

    /// Reads an Open Badges 3.0 credential: as Mochila issues it (``OpenBadgeCredential``) and, as
    /// far as their fields allow, as others do.
    ///
    /// - Skills: alignments whose `targetUrl` is an ESCO URI (except ESCO's ISCED-F concepts), and
    ///   Mochila's `learningOutcome[].relatedSkill`.
    /// - EQF level: the alignment to the EQF (`targetCode`, else the level URI), or Mochila's `eqfLevel`.
    /// - ISCED-F field: the alignment to ISCED-F (`targetCode`, else the code ending an `isced-f` URI).
    /// - Workload: Mochila's `workloadHours`. Credits: Mochila's `credit` list, and
    ///   `creditsAvailable` (else `creditsEarned`) taken as ECTS when the list has no ECTS entry.
    ///   Note: OB 3.0 does not say which system `creditsAvailable` counts in; Mochila and European
    ///   issuers use ECTS, so that is the reading here.
    /// - Parameters:
    ///   - bytes: the exact bytes submitted, for ``digest``.
    ///   - verified: whether the verification report said `verified`.
    ///   - trustedForScope: the trust registry's answer for the issuer, field and level.
    public static func read(_ credential: JSONValue, bytes: [UInt8], verified: Bool, trustedForScope: Bool?) -> RecognitionFacts {
        let digest = digestSRI(of: bytes)
        let id = credential["id"]?.stringValue ?? "ni:///sha-384;" + Base64URL.encode(Array(SHA384.hash(data: bytes)))
        let issuer = credential["issuer"]
        let issuerID = issuer?.stringValue ?? issuer?["id"]?.stringValue ?? ""
        let dates = ["validFrom", "issuanceDate", "awardedDate"].lazy.compactMap { credential[$0]?.stringValue }
        let issuedAt = dates.compactMap { XSDDateTime($0)?.date }.first
        let subjects = credential["credentialSubject"]?.asArray ?? []
        let subject = subjects.first { $0["achievement"] != nil } ?? subjects.first ?? .null
        let achievement = subject["achievement"] ?? .null

        var eqfLevel: Int? = nil
        var iscedField: String? = nil
        var skills: [String] = []
        func addSkill(_ uri: String) {
            var uri = uri
            if uri.hasPrefix("https://data.europa.eu/esco/") { uri = "http://" + uri.dropFirst("https://".count) }
            guard uri.hasPrefix(escoPrefix), !uri.contains("/isced-f/"), !skills.contains(uri) else { return }
            skills.append(uri)
        }
        for alignment in achievement["alignment"]?.asArray ?? [] {
            let framework = alignment["targetFramework"]?.stringValue ?? ""
            let url = alignment["targetUrl"]?.stringValue ?? ""
            let code = alignment["targetCode"]?.stringValue
            if framework.contains("EQF") || framework.localizedCaseInsensitiveContains("European Qualifications Framework")
                || url.contains("/snb/eqf/")
            {
                eqfLevel = eqfLevel ?? code.flatMap { Int($0) } ?? level(fromURI: url)
            } else if framework.localizedCaseInsensitiveContains("ISCED") || url.contains("/isced-f/") {
                iscedField = iscedField ?? code ?? url.split(separator: "/").last.map(String.init)
            } else {
                addSkill(url)
            }
        }
        eqfLevel = eqfLevel ?? achievement["eqfLevel"]?.stringValue.flatMap(level(fromURI:))
        for outcome in achievement["learningOutcome"]?.asArray ?? [] {
            for skill in outcome["relatedSkill"]?.asArray ?? [] { skill.stringValue.map(addSkill) }
        }
        if let field = iscedField, !(field.count >= 2 && field.count <= 4 && field.allSatisfy(\.isASCIIDigit)) { iscedField = nil }
        if let level = eqfLevel, !(1...8).contains(level) { eqfLevel = nil }

        var credits: [CreditValue] = []
        for entry in (achievement["credit"] ?? subject["credit"])?.asArray ?? [] {
            guard let system = entry["creditSystem"]?.stringValue, let value = entry["creditValue"]?.numberValue else { continue }
            credits.append(CreditValue(system: system, value: value))
        }
        if !credits.contains(where: { $0.system == "ECTS" }),
            let ects = achievement["creditsAvailable"]?.numberValue ?? subject["creditsEarned"]?.numberValue
        {
            credits.append(CreditValue(system: "ECTS", value: ects))
        }
        let workload = (achievement["workloadHours"] ?? subject["workloadHours"])?.numberValue

        return RecognitionFacts(
            credentialID: id, digest: digest, issuerDID: issuerID, issuerName: text(issuer?["name"]) ?? issuerID,
            verified: verified, trustedForScope: trustedForScope, issuedAt: issuedAt,
            achievementID: achievement["id"]?.stringValue,
            achievementName: text(achievement["name"]) ?? text(credential["name"]) ?? "",
            eqfLevel: eqfLevel, iscedField: iscedField, workloadHours: workload, credits: credits, skills: skills)
    }

    /// The level at the end of an EQF URI (`http://data.europa.eu/snb/eqf/6`).
    static func level(fromURI uri: String) -> Int? {
        guard uri.contains("/eqf/"), let last = uri.split(separator: "/").last else { return nil }
        return Int(last)
    }

    /// A name: a string, a JSON-LD value object, or the first of a list of them.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let string)?: return string
        case .object(let object)?: return object["@value"]?.stringValue
        case .array(let items)?: return items.lazy.compactMap { text($0) }.first
        default: return nil
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
