import Crypto
import Foundation
import LinkedData

/// Checks a credential's `credentialStatus` entries against their status lists.
///
/// `BitstringStatusListEntry` follows section 3.2 "Validate Algorithm" of
/// [Bitstring Status List v1.0](https://www.w3.org/TR/vc-bitstring-status-list/#validate-algorithm);
/// `1EdTechRevocationList` follows the 1EdTech Revocation List Status Method (see
/// ``RevocationList1EdTech``). It fails closed: a list that cannot be fetched, read, verified
/// or decoded gives `unknown`, never "not revoked". Where the spec raises an error
/// (`STATUS_RETRIEVAL_ERROR`, `STATUS_VERIFICATION_ERROR`, `STATUS_LIST_LENGTH_ERROR`,
/// `RANGE_ERROR`, `MALFORMED_VALUE_ERROR`), the result is `unknown` and its message names the error.
///
/// Results: `skipped` without `credentialStatus`; `failed` when a revocation or suspension status
/// is set; `passed` when every entry was read and none is; otherwise `unknown`.
public struct StatusChecker: Sendable {
    /// Where status lists come from.
    public var documents: any DocumentResolver
    /// The full verification of a status list credential (proof, issuer, validity); it is given
    /// the list as resolved, a JSON object or a compact JWT string. For a JWT, the report's
    /// `credential` must be its payload.
    public var verifyList: @Sendable (JSONValue) async -> VerificationReport
    public var limits: BitstringStatusList.Limits
    /// Section 3.2 (2): lists with fewer statuses are refused (`STATUS_LIST_LENGTH_ERROR`).
    public var minimumEntries: Int
    /// Where lists that were verified and decoded are remembered, by URL and content (the
    /// verifier's; see ``VerificationMemo``). Only a list given as JSON whose proofs do not
    /// expire is remembered; its issuer and validity period are checked on every use.
    var memo: VerificationMemo? = nil

    /// How far a status list's `validFrom` may lie ahead of the verifier's clock. Lists are
    /// made when they are fetched, so one can start after verification began, and its issuer's
    /// clock may run a little ahead of ours.
    public static let listClockSkew: TimeInterval = 300

    /// The instant to verify a status list at: `now`, or the list's `validFrom` when that is at
    /// most ``listClockSkew`` ahead of `now`.
    public static func listInstant(_ list: JSONValue, now: Date) -> Date {
        guard let text = list["validFrom"]?.stringValue, let start = XSDDateTime(text) else { return now }
        let ahead = start.secondsSince1970 - now.timeIntervalSince1970
        return ahead > 0 && ahead <= listClockSkew ? Date(timeIntervalSince1970: start.secondsSince1970) : now
    }

    public init(
        documents: any DocumentResolver, limits: BitstringStatusList.Limits = .default,
        minimumEntries: Int = BitstringStatusList.minimumEntries,
        verifyList: @escaping @Sendable (JSONValue) async -> VerificationReport
    ) {
        self.documents = documents
        self.verifyList = verifyList
        self.limits = limits
        self.minimumEntries = minimumEntries
    }

    /// The status check of `credential` at the instant `now`, all its entries together: the first
    /// `failed` entry, else the first `unknown` one, else `passed`.
    public func check(_ credential: JSONObject, at now: Date) async -> CheckResult {
        let results = await checkEntries(credential, at: now)
        guard !results.isEmpty else { return CheckResult(.status, .skipped, Message("statusList.none")) }
        if let failed = results.first(where: { $0.status == .failed }) { return failed }
        if let unknown = results.first(where: { $0.status != .passed }) { return unknown }
        if results.count == 1 { return results[0] }
        // Several entries passed: a message or refresh status says more than "none is set".
        if let informative = results.first(where: { ["statusList.message", "statusList.refresh"].contains($0.message.key) }) {
            return informative
        }
        return CheckResult(.status, .passed, Message("statusList.allPassed", String(results.count)))
    }

    /// One result for each `credentialStatus` entry, in order; empty without `credentialStatus`.
    public func checkEntries(_ credential: JSONObject, at now: Date) async -> [CheckResult] {
        let entries = credential["credentialStatus"]?.asArray ?? []
        var lists: [String: Result<LoadedList, StatusFailure>] = [:]
        var results: [CheckResult] = []
        for entry in entries {
            guard let object = entry.objectValue else {
                results.append(unknown("statusList.entryMalformed", "credentialStatus must be an object"))
                continue
            }
            let types = object["type"]?.asArray.compactMap(\.stringValue) ?? []
            if types.contains(BitstringStatusListEntry.type) {
                results.append(await checkBitstringEntry(object, of: credential, at: now, lists: &lists))
            } else if types.contains(RevocationList1EdTech.type) {
                results.append(await RevocationList1EdTech.check(object, of: credential, documents: documents))
            } else {
                results.append(unknown("statusList.unsupportedType", types.isEmpty ? "?" : types.joined(separator: ", ")))
            }
        }
        return results
    }

    /// A status list that was fetched, verified and decoded.
    struct LoadedList {
        var credential: BitstringStatusListCredential
        var bitstring: [UInt8]
    }

    /// Why a list or an entry could not be used: the `unknown` result to report.
    struct StatusFailure: Error {
        var result: CheckResult
    }

    func unknown(_ key: String, _ arguments: String...) -> CheckResult {
        CheckResult(.status, .unknown, Message(key: key, arguments: arguments))
    }

    func checkBitstringEntry(
        _ json: JSONObject, of credential: JSONObject, at now: Date, lists: inout [String: Result<LoadedList, StatusFailure>]
    ) async -> CheckResult {
        // 3.2 (1), (3), (7): the entry, its purpose and index.
        let entry: BitstringStatusListEntry
        do {
            entry = try BitstringStatusListEntry(json: json)
        } catch {
            return unknown("statusList.entryMalformed", "\(error)")
        }
        guard entry.statusSize <= BitstringStatusList.maximumStatusSize else {
            return unknown("statusList.statusSizeUnsupported", String(entry.statusSize))
        }
        let url = entry.statusListCredential
        if lists[url] == nil { lists[url] = await loadList(url, for: credential, at: now) }
        let loaded: LoadedList
        switch lists[url]! {
        case .success(let list): loaded = list
        case .failure(let failure): return failure.result
        }
        // 3.2 (5): the list must serve the entry's purpose.
        guard loaded.credential.statusPurposes.contains(entry.statusPurpose) else {
            return unknown(
                "statusList.purposeMismatch", entry.statusPurpose, loaded.credential.statusPurposes.joined(separator: ", "), url)
        }
        // 3.2 (8), (9): the bitstring must hold at least the minimum number of statuses.
        let list: BitstringStatusList
        do {
            list = try BitstringStatusList(bitstring: loaded.bitstring, statusSize: entry.statusSize)
        } catch {
            return unknown("statusList.entryMalformed", "\(error)")
        }
        guard list.count >= minimumEntries else {
            return unknown("statusList.tooShort", url, String(list.count), String(minimumEntries))
        }
        // 3.2 (10): the status at statusListIndex × statusSize.
        let status: Int
        do {
            status = try list.get(entry.statusListIndex)
        } catch {
            return unknown("statusList.range", String(entry.statusListIndex), url, String(list.count))
        }
        // 3.2 (11)-(14): valid when the status is 0; what that means depends on the purpose.
        return result(status: status, of: entry)
    }

    func result(status: Int, of entry: BitstringStatusListEntry) -> CheckResult {
        let url = entry.statusListCredential
        let index = String(entry.statusListIndex)
        switch entry.statusPurpose {
        case BitstringStatusListEntry.Purpose.revocation:
            return status == 0
                ? CheckResult(.status, .passed, Message("statusList.notRevoked", url, index))
                : CheckResult(.status, .failed, Message("statusList.revoked", url, index))
        case BitstringStatusListEntry.Purpose.suspension:
            return status == 0
                ? CheckResult(.status, .passed, Message("statusList.notSuspended", url, index))
                : CheckResult(.status, .failed, Message("statusList.suspended", url, index))
        case BitstringStatusListEntry.Purpose.refresh:
            // A refresh status does not invalidate the credential.
            return status == 0
                ? CheckResult(.status, .passed, Message("statusList.noRefresh", url, index))
                : CheckResult(.status, .passed, Message("statusList.refresh", url, index))
        case BitstringStatusListEntry.Purpose.message:
            let value = "0x" + String(status, radix: 16)
            guard let message = entry.message(for: status) else {
                return unknown("statusList.messageUndefined", value, url)
            }
            return CheckResult(.status, .passed, Message("statusList.message", value, message))
        default:
            // A purpose the spec does not define: unset means nothing happened; set means
            // something this verifier cannot interpret.
            return status == 0
                ? CheckResult(.status, .passed, Message("statusList.otherUnset", entry.statusPurpose, url))
                : unknown("statusList.otherSet", entry.statusPurpose, "0x" + String(status, radix: 16), url)
        }
    }

    /// 3.2 (4): dereferences the list, verifies it, reads it and expands its bitstring.
    func loadList(_ url: String, for credential: JSONObject, at now: Date) async -> Result<LoadedList, StatusFailure> {
        func fail(_ key: String, _ arguments: String...) -> Result<LoadedList, StatusFailure> {
            .failure(StatusFailure(result: CheckResult(.status, .unknown, Message(key: key, arguments: arguments))))
        }
        let resolved: JSONValue?
        do {
            resolved = try await documents.document(at: url)
        } catch {
            return fail("statusList.retrieval", url, "\(error)")
        }
        guard let resolved else { return fail("statusList.unavailable", url) }
        // The same list (URL and content) verified and decoded before, by this verifier.
        var memoKey: SHA256Digest? = nil
        if let memo, case .object(let object) = resolved, StatusChecker.isMemorable(object) {
            let key = VerificationMemo.digest(resolved, prefix: "status-list " + url + " \(limits.maxCompressedBytes) \(limits.maxBitstringBytes)")
            if let known = memo.statusLists.value(for: key) {
                // A remembered list, after the checks that depend on the credential and the time.
                return checkUse(known.credential, url: url, for: credential, at: now).map { known }
            }
            memoKey = key
        }
        let report: VerificationReport
        let document: JSONObject
        switch resolved {
        case .object(let object):
            report = await verifyList(resolved)
            document = object
        case .string(let text) where CredentialVerifier.looksLikeJWT(Array(text.utf8)):
            report = await verifyList(resolved)
            guard let payload = StatusChecker.payload(of: report.credential) else { return fail("statusList.notCredential", url) }
            document = payload
        default:
            return fail("statusList.notCredential", url)
        }
        if let failure = StatusChecker.verificationFailure(report) { return fail(failure, url) }
        let list: BitstringStatusListCredential
        do {
            list = try BitstringStatusListCredential(json: document)
        } catch {
            return fail("statusList.listMalformed", url, "\(error)")
        }
        if case .failure(let failure) = checkUse(list, url: url, for: credential, at: now) { return .failure(failure) }
        // 3.2 (6), (8): the Bitstring Expansion Algorithm.
        do {
            let bitstring = try BitstringStatusList(encodedList: list.encodedList, limits: limits)
            let loaded = LoadedList(credential: list, bitstring: bitstring.bytes)
            if let memo, let memoKey { memo.statusLists.store(loaded, for: memoKey, cost: loaded.bitstring.count) }
            return .success(loaded)
        } catch let error as CredentialsError where error.code == .sizeLimit {
            return fail("statusList.tooLarge", url, error.message)
        } catch {
            return fail("statusList.undecodable", url, "\(error)")
        }
    }

    /// The checks of a verified list that depend on the credential and the time: the list must
    /// come from the credential's issuer and be valid at `now`.
    func checkUse(
        _ list: BitstringStatusListCredential, url: String, for credential: JSONObject, at now: Date
    ) -> Result<Void, StatusFailure> {
        func fail(_ key: String, _ arguments: String...) -> Result<Void, StatusFailure> {
            .failure(StatusFailure(result: CheckResult(.status, .unknown, Message(key: key, arguments: arguments))))
        }
        // Note: the spec allows a list issued by another party than the credential's issuer;
        // Mochila accepts only lists from the credential's own issuer.
        guard let issuer = CredentialVerifier.issuerID(of: credential), issuer == list.issuer else {
            return fail("statusList.issuerMismatch", url, list.issuer, CredentialVerifier.issuerID(of: credential) ?? "?")
        }
        let instant = now.timeIntervalSince1970
        // See ``listClockSkew``.
        if let text = list.validFrom, let date = XSDDateTime(text), date.secondsSince1970 > instant + Self.listClockSkew {
            return fail("statusList.listNotYetValid", url, text)
        }
        if let text = list.validUntil, let date = XSDDateTime(text), date.secondsSince1970 < instant {
            return fail("statusList.listExpired", url, text)
        }
        return .success(())
    }

    /// Whether a verified list may be remembered: its verification must not depend on the time
    /// beyond its validity period, which is checked on every use, so none of its proofs may
    /// carry `expires`.
    static func isMemorable(_ list: JSONObject) -> Bool {
        !(list["proof"]?.asArray ?? []).contains { $0["expires"] != nil }
    }

    /// The message key for the first check that keeps the list from counting as verified, if any:
    /// its proof must pass, and its format, issuer, validity and own status must pass or not apply.
    static func verificationFailure(_ report: VerificationReport) -> String? {
        guard report.result(.proof)?.status == .passed else { return "statusList.listProof" }
        let keys: [(CheckName, String)] = [
            (.format, "statusList.listFormat"), (.issuer, "statusList.listIssuerKey"),
            (.validity, "statusList.listValidity"), (.status, "statusList.listStatus"),
        ]
        for (check, key) in keys {
            if let result = report.result(check), result.status != .passed, result.status != .skipped { return key }
        }
        return nil
    }

    /// The credential a JWT verification returned: the payload, or its `vc` claim (VC-JWT 1.1).
    static func payload(of credential: JSONValue?) -> JSONObject? {
        guard let object = credential?.objectValue else { return nil }
        if object["type"] == nil, var vc = object["vc"]?.objectValue {
            if vc["issuer"] == nil, let iss = object["iss"] { vc["issuer"] = iss }
            return vc
        }
        return object
    }
}
