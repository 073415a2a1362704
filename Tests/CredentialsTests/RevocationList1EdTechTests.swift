import Foundation
import LinkedData
import Testing

@testable import Credentials

/// OB 3.0's `1EdTechRevocationList` status: an unsigned list of revoked credential ids that the
/// issuer publishes at the status entry's `id`.
@Suite struct RevocationList1EdTechTests {
    let now = XSDDateTime("2026-06-01T00:00:00Z")!.date
    /// 1EdTech's validator fixture: its list lives on 1EdTech's demo server and is not bundled.
    let credential: JSONObject
    let listURL = "https://dc.1edtech.org/wellspring2022/wellspring-portal/api/revocations/da1e96e9-afcc-4eed-b9a2-2ddf7353214c"
    let issuer = "did:web:dc.1edtech.org:wellspring2022:wellspring-portal:org:da1e96e9-afcc-4eed-b9a2-2ddf7353214c"
    let credentialID = "https://dc.1edtech.org/wellspring2022/wellspring-portal/credential/54418d3f-ec01-4652-800a-861c890a51a1"

    init() throws {
        credential = try Fixtures.json("bitstring-status-list/1edtech-revocation-list/credential-status-revoked.json").objectValue!
    }

    func check(_ documents: [String: JSONValue], credential: JSONObject? = nil) async -> CheckResult {
        let checker = StatusChecker(documents: PreloadedDocuments(documents)) { _ in
            VerificationReport(checks: [CheckResult(.proof, .unknown, Message("unused"))])
        }
        return await checker.check(credential ?? self.credential, at: now)
    }

    func list(_ revoked: [JSONValue], issuer: String? = nil) -> [String: JSONValue] {
        var list: JSONObject = ["id": .string(listURL), "revokedCredentials": .array(revoked)]
        list["issuer"] = .string(issuer ?? self.issuer)
        return [listURL: .object(list)]
    }

    @Test func offlineTheStatusIsUnknownWithItsReason() async throws {
        let result = await check([:])
        #expect(result.status == .unknown && result.message.key == "statusList.rl.unavailable")
        #expect(result.message.text(.en).contains("not bundled"))
        #expect(result.message.text(.es).contains("no viene incluida"))
    }

    @Test func aListedCredentialIsRevoked() async throws {
        let revoked = await check(list([.object(["id": .string(credentialID), "revoked": true])]))
        #expect(revoked.status == .failed && revoked.message.key == "statusList.rl.revoked")
        // `revoked` absent means revoked; a reason is reported.
        let reason = await check(list([.object(["id": .string(credentialID), "revocationReason": "No final payment"])]))
        #expect(reason.status == .failed && reason.message.text(.pt).contains("No final payment"))
        // Some lists write "true" as a string.
        let text = await check(list([.object(["id": .string(credentialID), "revoked": "true"])]))
        #expect(text.status == .failed)
    }

    @Test func anUnlistedOrUnrevokedCredentialPasses() async throws {
        let other = await check(list([.object(["id": "urn:uuid:someone-else"])]))
        #expect(other.status == .passed && other.message.key == "statusList.rl.notRevoked")
        let reinstated = await check(list([.object(["id": .string(credentialID), "revoked": false])]))
        #expect(reinstated.status == .passed)
        // The list's issuer may be written as an object, as credentials write it.
        var documents = list([])
        documents[listURL]!["issuer"] = .object(["id": .string(issuer), "type": "Profile"])
        #expect(await check(documents).status == .passed)
    }

    @Test func whatCannotBeReadIsUnknown() async throws {
        let otherIssuer = await check(list([], issuer: "did:web:elsewhere.example"))
        #expect(otherIssuer.status == .unknown && otherIssuer.message.key == "statusList.rl.issuerMismatch")
        let noArray = await check([listURL: .object(["id": .string(listURL)])])
        #expect(noArray.status == .unknown && noArray.message.key == "statusList.rl.malformed")
        let badEntry = await check(list([.string(credentialID)]))
        #expect(badEntry.status == .unknown)
        let badFlag = await check(list([.object(["id": .string(credentialID), "revoked": "yes"])]))
        #expect(badFlag.status == .unknown)
        var anonymous = credential
        anonymous["id"] = nil
        let noID = await check(list([]), credential: anonymous)
        #expect(noID.status == .unknown && noID.message.key == "statusList.rl.noCredentialID")
        let down = await StatusChecker(documents: FailingResolver()) { _ in VerificationReport(checks: []) }.check(credential, at: now)
        #expect(down.status == .unknown && down.message.key == "statusList.rl.retrieval")
    }
}
