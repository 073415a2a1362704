import Foundation
import LinkedData
import Testing

@testable import Credentials

/// Inputs found in the libFuzzer campaign (Fuzz/, the FuzzJWT harness), each fed to the API the
/// harness calls: `VCJWT.verify` with a resolver that answers without I/O.
@Suite struct FuzzRegressionTests {
    /// The harness's fixed "now" (2024-12-16T12:00:00Z).
    let now = Date(timeIntervalSince1970: 1_734_350_400)
    let methods = VerificationMethodResolver(documents: PreloadedDocuments())

    /// The token FuzzJWT makes of an input in its `header LF payload` form: both parts in
    /// base64url and a signature of 64 zero bytes.
    static func token(header: String, payload: String) -> String {
        Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + "."
            + String(repeating: "A", count: 86)
    }

    /// A timeout, found with a crafted input rather than by libFuzzer's mutations (it needs more
    /// than the harness's `-max_len` of 8,192 bytes): run through FuzzJWT, libFuzzer reported
    /// "timeout after 5 seconds" with the stack in `Base58.decode`. A token without `kid` whose
    /// issuer is a `did:key` with 40,000 base58 digits: the key is decoded before any signature
    /// is checked, and base58 decoding takes time quadratic in the length (15 s with
    /// AddressSanitizer; hours for an issuer of the 1 MiB a payload may hold). This is the exact
    /// input, 40,191 bytes; base58btc text is now limited to ``Base58/maxTextLength`` characters.
    @Test func aDIDKeyIssuerTooLongToDecodeFailsFast() async {
        let header = #"{"alg":"EdDSA","typ":"vc+jwt","cty":"vc"}"#
        let payload =
            #"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:key:z"#
            + String(repeating: "2", count: 40_000) + #"","credentialSubject":{"id":"did:example:1"}}"#
        #expect(header.utf8.count + 1 + payload.utf8.count == 40_191)
        let verification = await VCJWT.verify(Self.token(header: header, payload: payload), methods: methods, now: now)
        // Refused by length before any decoding (the message names the limit), not decoded slowly.
        #expect(throws: CredentialsError.self) { try Base58.decode(String(repeating: "2", count: Base58.maxTextLength + 1)) }
        #expect(verification.proof.status == .failed)
        #expect(verification.proof.message.key == "jwt.keyResolution")
    }

    /// A crash found by libFuzzer in FuzzJWT (artifact `crash-53c1b1d2b1a89847d0b1aa0c1186d934a6aa6ef1`,
    /// after 609,559 executions): "Swift runtime failure: Double value cannot be converted to Int
    /// because the result would be greater than Int.max" in `XSDDateTime.format`, called by
    /// `VCJWT.checkTimes` to write the `nbf` of the message "not valid before…". Any token, signed
    /// or not, with an `nbf` or `exp` of 2^63 seconds or more stopped the process. The input, in
    /// the harness's `header LF payload` form, base64:
    static let hugeNotBefore =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9CnsiZmMiOnsiQGNvbnRleHQiOlsiaHR0cHM6Ly93d3cudzMub3Jpb24vY29udGV4dC5qZGVudGlh"
        + "bCIsIk9wZW5CYWRnZUNyZWRlbnRpYWwiXSwiaXNzdWVyIjp7ImlkIjoiaHR0cHM6Ly9leGFtcGxlLmVkdS9pc3N1KnJzLzU2NTA0OSIsInR5cGUi"
        + "OlsiUHJvZmlsZSJdfX0sImlzcyI6Imh0dHBzOi8vZXhhbXBsZS5lZHUvaXNzdWVycy82MDk0MTMiLCJuYmYiOjEyMTI2MjMwNDAwMDI0NjA4MDAw"
        + "LCJqdGkiOiJodHRwOjJlYmM2ZjFjMjc2ZTEyZWMyMSJ9"

    @Test func aTimeClaimBeyondWhatAnIntHoldsIsReportedNotATrap() async throws {
        let input = try #require(Data(base64Encoded: Self.hugeNotBefore))
        #expect(input.count == 285)
        let newline = try #require(input.firstIndex(of: 0x0A))
        let header = String(decoding: input[..<newline], as: UTF8.self)
        let payload = String(decoding: input[(newline + 1)...], as: UTF8.self)
        #expect(payload.contains(#""nbf":12126230400024608000"#))
        let verification = await VCJWT.verify(Self.token(header: header, payload: payload), methods: methods, now: now)
        #expect(verification.validity.status == .failed)
        #expect(verification.validity.message.key == "jwt.notYet")
        // Written as the last instant an Int of seconds holds.
        #expect(verification.validity.message.arguments == ["292277026596-12-04T15:30:07Z"])
        #expect(XSDDateTime.format(Date(timeIntervalSince1970: -1e19)).hasSuffix("Z"))
        #expect(XSDDateTime.format(Date(timeIntervalSince1970: 1_734_350_400)) == "2024-12-16T12:00:00Z")
    }

    @Test func base58TextIsDecodedUpToTheLimit() throws {
        // Leading "1"s are zero bytes: the longest accepted text decodes at once.
        #expect(try Base58.decode(String(repeating: "1", count: Base58.maxTextLength)).count == Base58.maxTextLength)
        #expect(throws: CredentialsError.self) {
            _ = try Base58.decode(String(repeating: "2", count: Base58.maxTextLength + 1))
        }
        // Keys and signatures are far shorter: a did:key still resolves.
        let key = SigningKey.generate(.ed25519)
        #expect(try DIDKey.publicKey(of: DIDKey.did(for: key.publicKey)) == key.publicKey)
    }
}
