import LinkedData

/// The named checks of a verification report (DESIGN.md, "verification report").
public enum CheckName: String, Sendable, Hashable, CaseIterable, Codable {
    case format, proof, issuer, validity, status, trust, schema
    /// For presentations: the holder signed it and is the subject of its credentials.
    case holder
}

/// The outcome of one check. `unknown` means the check could not tell, and never counts as passed.
public enum CheckStatus: String, Sendable, Hashable, Codable {
    case passed, failed, skipped, unknown
}

/// One check's outcome and its reason.
public struct CheckResult: Sendable, Hashable {
    public var check: CheckName
    public var status: CheckStatus
    public var message: Message

    public init(_ check: CheckName, _ status: CheckStatus, _ message: Message) {
        self.check = check
        self.status = status
        self.message = message
    }
}

/// What verification found, check by check.
///
/// A credential is verified only when every check passed or was skipped as not applicable, and
/// the proof passed: a check that could not tell (`unknown`) fails closed.
public struct VerificationReport: Sendable {
    public var checks: [CheckResult]
    /// Whether the issuer is trusted by the registry consulted; `nil` when none was.
    public var trusted: Bool?
    /// The credential as read, when it could be read.
    public var credential: JSONValue?
    /// Whether verification also requires the issuer to be trusted (`--require-trusted`).
    public var requireTrusted: Bool

    public init(checks: [CheckResult], trusted: Bool? = nil, credential: JSONValue? = nil, requireTrusted: Bool = false) {
        self.checks = checks
        self.trusted = trusted
        self.credential = credential
        self.requireTrusted = requireTrusted
    }

    /// Whether the credential verified: every check other than trust passed or was skipped, the
    /// proof passed, and, when trust is required, the issuer is trusted.
    public var verified: Bool {
        checks.allSatisfy { $0.check == .trust || $0.status == .passed || $0.status == .skipped }
            && checks.contains { $0.check == .proof && $0.status == .passed }
            && (!requireTrusted || trusted == true)
    }

    /// The result of the named check, if it was run.
    public func result(_ check: CheckName) -> CheckResult? {
        checks.first { $0.check == check }
    }

    /// The report as the command line and the API print it:
    /// `{"input": ..., "verified": ..., "trusted": ..., "checks": [{"check", "status", "message"}]}`.
    public func json(input: String?, language: Language = .en) -> JSONValue {
        var object = JSONObject()
        if let input { object["input"] = .string(input) }
        object["verified"] = .bool(verified)
        object["trusted"] = trusted.map { .bool($0) } ?? .null
        object["checks"] = .array(
            checks.map {
                [
                    "check": .string($0.check.rawValue), "status": .string($0.status.rawValue),
                    "message": .string($0.message.text(language)),
                ]
            })
        return .object(object)
    }
}
