import FuzzerDriver
import Credentials
import Foundation
import LinkedData
import Synchronization

/// The issuers the seed tokens name, each with a controller document listing fixed public keys:
/// the W3C VC-JOSE-COSE suite's four (P-256, P-384, P-521, Ed25519, from
/// Tests/CredentialsTests/Fixtures/vc-jose-cose/input/vm-*.json) and the RSA key 1EdTech's
/// clr20/simple.jwt carries. `did:key` issuers resolve locally; any other issuer is unknown.
/// Nothing here reaches the network.
let methods: VerificationMethodResolver = {
    func document(_ controller: String, _ keys: [(fragment: String, jwk: String)]) -> JSONValue {
        let methods: [JSONValue] = keys.map { key in
            [
                "id": .string(controller + key.fragment), "type": "JsonWebKey", "controller": .string(controller),
                "publicKeyJwk": try! JSONValue(parsing: key.jwk),
            ]
        }
        let ids = JSONValue.array(keys.map { .string(controller + $0.fragment) })
        return [
            "@context": ["https://www.w3.org/ns/cid/v1"], "id": .string(controller), "verificationMethod": .array(methods),
            "assertionMethod": ids, "authentication": ids,
        ]
    }
    let joseSuite = "https://example.issuer/vc-jose-cose"
    let openBadges = "https://example.edu/issuers/565049"
    return VerificationMethodResolver(
        documents: PreloadedDocuments([
            joseSuite: document(
                joseSuite,
                [
                    (
                        "#key-1",
                        #"{"kty":"EC","crv":"P-256","x":"WfTi93YuhsQxKbD0ftnjOXJndqhnJ5kgDV-ZDGyrhBQ","y":"qUd_55EjX0mjKZ6W6mF4UXVYTQ41K6jfdnYFwN5uPyk"}"#
                    ),
                    (
                        "#key-2",
                        #"{"kty":"EC","crv":"P-384","x":"PBM13G1rU-NPczSpFO7QGc-uSUHqoDPZSbshgR820ligqFB2yGFbE90VnpTiSswG","y":"x7mdD6reunUlSQ5LoC2GDpLOrjbIMLnt1TEGgxoyXSaKScPPRYY7hTr3geCvEZpf"}"#
                    ),
                    (
                        "#key-3",
                        #"{"kty":"EC","crv":"P-521","x":"Ac8mt4TvYd3TOrYtTk_YTQ5QQMpl58OnrU7uRxQEUoOO_6QnRBM0Xan8KQI_0dPKzcKBak0ZSEXcc5SNFUBHYfbP","y":"ADP_cowssurHA7uMHy4IODl247oQjCxZWFX7Gtr3cFmfVIwEyKGegrJh9ooZy5FsvFVbYwAmLKVfGZs7O15RBsO-"}"#
                    ),
                    ("#key-4", #"{"kty":"OKP","crv":"Ed25519","x":"NvUhsjZe7Mdv8Esoc60o3ma1U5j2tFUTDsOQd39xMnI"}"#),
                ]),
            openBadges: document(
                openBadges,
                [
                    (
                        "#key-1",
                        #"{"kty":"RSA","e":"AQAB","n":"jVEhoVa6SMt67HJCMjZga-kmAKA1Ea0_rNBAdrRZ0vStS6sSKBetwEG1K73u3bCZOQUiSZ1Ie8CXlaYc9wFRhFQnzVvLpBGJlSQnLL072ZG2-nK1Yvmx8u35_Ih70XKd32YQAT6KjIvn_Qq3eSA8qhEorQLx7DwUTd5-efLKIEfGbRBznp9EHLmscV9AM5d-Iaf-kY7nipdP0IAhRWjclUdh82VyOlfAEngpqeMfgTNF8-xUPXlCKvSeEvwQFb4HqOv2yQPJaADpVCxDd2CAcROEPzAHYRy6FP04iLjxHLbitqaNgWrp_yi2svlqAn1U1ejn_lKSg-grGp1IXcGY6w"}"#
                    )
                ]),
        ]))
}()

/// A fixed "now" (2024-12-16T12:00:00Z), so that a run does not depend on the day it is made.
let now = Date(timeIntervalSince1970: 1_734_350_400)

/// The result of one verification, written by the task and read after it has run.
final class Outcome: @unchecked Sendable {
    var verification: JWTVerification?
}

/// Runs a task's jobs on the thread that asks, so that `VCJWT.verify` (async) runs on libFuzzer's
/// thread: the stack of a crash or a timeout then shows the input's whole path (rather than the
/// fuzzer's thread waiting for a worker), and no input costs a thread hop.
final class CallerExecutor: TaskExecutor, @unchecked Sendable {
    private let jobs = Mutex<[UnownedJob]>([])

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        jobs.withLock { $0.append(job) }
    }

    /// Runs jobs until none is left.
    func drain() {
        while let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

let executor = CallerExecutor()

/// The signature part of tokens the harness assembles: 64 bytes of zeros, unpadded base64url.
let fixedSignature = String(repeating: "A", count: 86)

/// The token an input stands for.
///
/// An input that starts with `{` is `header LF payload`: the JOSE Header's JSON on the first line
/// and the JWT Claims Set after it, which the harness encodes in base64url and joins with
/// ``fixedSignature``, so that mutations reach the JSON inside a token rather than spoiling its
/// base64url. Any other input is the token's text itself.
func token(from bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.first == UInt8(ascii: "{") else { return String(decoding: bytes, as: UTF8.self) }
    let newline = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
    let header = UnsafeBufferPointer(rebasing: bytes[..<newline])
    let payload = UnsafeBufferPointer(rebasing: bytes[min(newline + 1, bytes.endIndex)...])
    return Base64URL.encode(Array(header)) + "." + Base64URL.encode(Array(payload)) + "." + fixedSignature
}

/// libFuzzer entry point: a compact JWS / VC-JWT.
///
/// `CompactJWS(parsing:)` reads the three parts; then `VCJWT.verify` runs everything a verifier
/// does: the header and its `alg`, `crit`, `typ` and `cty`, the claims and their times, the
/// secured document and a presentation's enveloped credentials, key discovery through `kid` or
/// the issuer (including `did:key` decoding), and the signature check with the key found. A
/// token that does not verify is a result, not an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let token = token(from: UnsafeBufferPointer(start: data, count: size))
    if let jws = try? CompactJWS(parsing: token) {
        _ = jws.algorithmName
    }
    // VCJWT.verify is async; the resolver answers without suspending, so the task runs to its
    // end within `drain()`.
    let outcome = Outcome()
    Task(executorPreference: executor) {
        outcome.verification = await VCJWT.verify(token, methods: methods, now: now)
    }
    executor.drain()
    precondition(outcome.verification != nil, "the verification did not finish on the fuzzer's thread")
    // The report a user reads must be writable whatever the token said.
    if let verification = outcome.verification {
        for language in Language.allCases {
            _ = verification.proof.message.text(language)
            _ = verification.validity.message.text(language)
        }
    }
    return 0
}

/// libFuzzer drives the process: it reads its options and corpus folders from the command line
/// and calls `LLVMFuzzerTestOneInput` (`fuzz` above) with each input.
@main enum FuzzJWT {
    static func main() { mochila_fuzzer_main(CommandLine.argc, CommandLine.unsafeArgv) }
}
