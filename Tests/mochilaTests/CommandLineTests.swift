import Foundation
import LinkedData
import MochilaCore
import Testing

/// The `mochila` executable, run as a user runs it: arguments in, output and exit status out.
struct Mochila {
    static let executable: URL = {
        // Test bundles and products share the build folder (.build/debug).
        var folder = Bundle.module.bundleURL.deletingLastPathComponent()
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("mochila").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("mochila")
    }()

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs the executable and waits for it on a thread of its own: the test's task waits
    /// without holding one of the few threads Swift concurrency runs everything on (two on a
    /// two-core machine), which the in-process nodes of the tests running alongside need.
    static func run(
        _ arguments: [String], input: String? = nil, in directory: URL, environment extra: [String: String] = [:]
    ) async throws -> Result {
        try await onThreadOfItsOwn { try runWaiting(arguments, input: input, in: directory, environment: extra) }
    }

    private static func runWaiting(
        _ arguments: [String], input: String?, in directory: URL, environment extra: [String: String]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "es_MX.UTF-8"
        environment.removeValue(forKey: "LC_ALL")
        environment.removeValue(forKey: "LC_MESSAGES")
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }
}

/// A scratch folder with the vendored vectors, removed afterwards.
func withFolder(_ body: (URL) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mochila-cli-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    for (source, name) in [
        ("vc-di-eddsa/keyPair.json", "keyPair.json"), ("vc-di-eddsa/unsigned.json", "unsigned.json"),
        ("vc-di-eddsa/signedJCS.json", "signedJCS.json"),
        ("vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json", "signedDataInt.json"),
        ("vc-di-eddsa/eddsa-rdfc-2022/canonDocDataInt.txt", "canonDocDataInt.txt"),
        ("openbadges/unsigned.json", "ob-unsigned.json"), ("openbadges/signed.json", "ob-signed.json"),
        ("openbadges/keyPair.json", "ob-keyPair.json"), ("openbadges/canonDoc.txt", "ob-canonDoc.txt"),
    ] {
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(source), to: folder.appendingPathComponent(name))
    }
    try await body(folder)
}

func write(_ text: String, _ name: String, in folder: URL) throws {
    try Data(text.utf8).write(to: folder.appendingPathComponent(name))
}

func read(_ name: String, in folder: URL) throws -> String {
    String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
}

let unsignedCredential = """
    {
      "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
      "id": "urn:uuid:0b6f8a40-5a57-4b2e-9a47-3c1f5d0e9b11",
      "type": ["VerifiableCredential", "OpenBadgeCredential"],
      "issuer": {"id": "ISSUER", "type": ["Profile"], "name": "Universidad de Prueba"},
      "validFrom": "2026-01-01T00:00:00Z",
      "name": "Microcredencial de prueba",
      "credentialSubject": {"type": ["AchievementSubject"], "name": "Ñuñoa Pérez Ávila",
        "achievement": {"id": "urn:uuid:2a1b3c4d-0000-4000-8000-000000000001", "type": ["Achievement"],
          "achievementType": "Badge", "name": "Prueba", "description": "Prueba.", "criteria": {"narrative": "Aprobar."}}}
    }
    """

@Suite(.serialized) struct CommandLineTests {
    @Test func keysSignAndVerifyRoundTrip() async throws {
        try await withFolder { folder in
            let generated = try await Mochila.run(["keys", "generate"], in: folder)
            #expect(generated.status == 0, "\(generated.error)")
            let key = try JSONValue(parsing: generated.output)
            #expect(key["type"] == "Multikey")
            for member in ["id", "controller", "publicKeyMultibase", "secretKeyMultibase"] { #expect(key[member] != nil) }
            try write(generated.output, "key.json", in: folder)
            try write(unsignedCredential.replacingOccurrences(of: "ISSUER", with: key["controller"]!.stringValue!), "credential.json", in: folder)

            let signed = try await Mochila.run(["sign", "--key", "key.json", "--suite", "eddsa-jcs-2022", "credential.json"], in: folder)
            #expect(signed.status == 0, "\(signed.error)")
            try write(signed.output, "signed.json", in: folder)

            let verified = try await Mochila.run(["verify", "--json", "signed.json"], in: folder)
            #expect(verified.status == 0, "\(verified.output)")
            let report = try JSONValue(parsing: verified.output)
            #expect(report["input"] == "signed.json")
            #expect(report["verified"] == true)
            #expect(report["trusted"] == .null)
            #expect(report["checks"]?.asArray.map { $0["check"]!.stringValue! } == ["format", "proof", "issuer", "validity", "status", "trust", "schema"])

            // A tampered credential exits 1 and names the failing check.
            try write(signed.output.replacingOccurrences(of: "Ñuñoa", with: "Nunoa"), "tampered.json", in: folder)
            let tampered = try await Mochila.run(["verify", "tampered.json"], in: folder)
            #expect(tampered.status == 1)
            #expect(tampered.output.contains("✘ proof (failed)"))
            #expect(tampered.output.contains("NO VERIFICADA"))

            // JSON Lines, standard input and folders.
            let compact = { (text: String) in try JSONValue(parsing: text).serializedString() }
            try write(try compact(signed.output) + "\n" + (try compact(try read("tampered.json", in: folder))) + "\n", "both.jsonl", in: folder)
            let lines = try await Mochila.run(["verify", "--json", "both.jsonl"], in: folder)
            #expect(lines.status == 1)
            let reports = lines.output.split(separator: "\n").map { try? JSONValue(parsing: String($0)) }
            #expect(reports.map { $0?["input"] } == ["both.jsonl:1", "both.jsonl:2"])
            #expect(reports.map { $0?["verified"] } == [true, false])
            let piped = try await Mochila.run(["verify", "--json", "-"], input: signed.output, in: folder)
            #expect(piped.status == 0)
            #expect(try JSONValue(parsing: piped.output)["input"] == "-")
            let only = folder.appendingPathComponent("only")
            try FileManager.default.createDirectory(at: only, withIntermediateDirectories: true)
            try write(signed.output, "a.json", in: only)
            try write("not a credential file", "notes.txt", in: only)
            let folderRun = try await Mochila.run(["verify", "--json", "only"], in: folder)
            #expect(folderRun.status == 0, "\(folderRun.output)\(folderRun.error)")
            #expect(folderRun.output.split(separator: "\n").count == 1)

            // The trust registry.
            try write("[\"\(key["controller"]!.stringValue!)\"]", "registry.json", in: folder)
            try write("[\"did:web:otra.example\"]", "other-registry.json", in: folder)
            let trusted = try await Mochila.run(["verify", "--json", "--registry", "registry.json", "--require-trusted", "signed.json"], in: folder)
            #expect(trusted.status == 0)
            #expect(try JSONValue(parsing: trusted.output)["trusted"] == true)
            let untrusted = try await Mochila.run(["verify", "--json", "--registry", "other-registry.json", "signed.json"], in: folder)
            #expect(untrusted.status == 0)
            #expect(try JSONValue(parsing: untrusted.output)["trusted"] == false)
            let required = try await Mochila.run(["verify", "--registry", "other-registry.json", "--require-trusted", "signed.json"], in: folder)
            #expect(required.status == 1)

            // Verification as of another time.
            let early = try await Mochila.run(["verify", "--json", "--now", "2025-06-01T00:00:00Z", "signed.json"], in: folder)
            #expect(early.status == 1)
            #expect(try JSONValue(parsing: early.output)["checks"]?.asArray.first { $0["check"] == "validity" }?["status"] == "failed")
        }
    }

    @Test func reproducesTheW3CEdDSAJCS2022VectorFromTheCommandLine() async throws {
        try await withFolder { folder in
            let method = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
            let signed = try await Mochila.run(
                ["sign", "--key", "keyPair.json", "--suite", "eddsa-jcs-2022", "--verification-method", method,
                 "--created", "2023-02-24T23:36:38Z", "unsigned.json"], in: folder)
            #expect(signed.status == 0, "\(signed.error)")
            let expected = try JSONValue(parsing: try read("signedJCS.json", in: folder))
            let produced = try JSONValue(parsing: signed.output)
            #expect(produced == expected)
            #expect(produced["proof"]?["proofValue"] == "z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX")

            // The vector's proof check passes; its issuer (https://vc.example/issuers/5678) does not
            // control the did:key that signed it, so the issuer check fails and the exit status is 1.
            let verified = try await Mochila.run(["verify", "--json", "signedJCS.json"], in: folder)
            let report = try JSONValue(parsing: verified.output)
            #expect(report["checks"]?.asArray.first { $0["check"] == "proof" }?["status"] == "passed")
            #expect(report["checks"]?.asArray.first { $0["check"] == "issuer" }?["status"] == "failed")
            #expect(verified.status == 1)
        }
    }

    /// The W3C and 1EdTech `eddsa-rdfc-2022` vectors, reproduced with `mochila ld` and `mochila sign`.
    @Test func reproducesTheRDFCVectorsFromTheCommandLine() async throws {
        try await withFolder { folder in
            let canonical = try await Mochila.run(["ld", "canonicalize", "unsigned.json"], in: folder)
            #expect(canonical.status == 0, "\(canonical.error)")
            #expect(canonical.output == (try read("canonDocDataInt.txt", in: folder)))
            let obCanonical = try await Mochila.run(["ld", "canonicalize", "--format", "jsonld", "ob-unsigned.json"], in: folder)
            #expect(obCanonical.output == (try read("ob-canonDoc.txt", in: folder)))
            // N-Quads in, canonical N-Quads out; SHA-384 changes nothing for a dataset without blank nodes.
            try write(obCanonical.output, "ob.nq", in: folder)
            let again = try await Mochila.run(["ld", "canonicalize", "--format", "nquads", "--hash", "sha384", "ob.nq"], in: folder)
            #expect(again.output == obCanonical.output)
            let rdf = try await Mochila.run(["ld", "to-rdf", "unsigned.json"], in: folder)
            #expect(rdf.status == 0)
            #expect(rdf.output.contains("<https://www.w3.org/2018/credentials#issuer> <https://vc.example/issuers/5678>"))
            let expanded = try await Mochila.run(["ld", "expand", "unsigned.json"], in: folder)
            #expect(try JSONValue(parsing: expanded.output)[0]?["@type"] == ["https://www.w3.org/2018/credentials#VerifiableCredential", "https://www.w3.org/ns/credentials/examples#AlumniCredential"])

            let w3cMethod = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
            let w3c = try await Mochila.run(
                ["sign", "--key", "keyPair.json", "--suite", "eddsa-rdfc-2022", "--verification-method", w3cMethod,
                 "--created", "2023-02-24T23:36:38Z", "unsigned.json"], in: folder)
            #expect(w3c.status == 0, "\(w3c.error)")
            #expect(try JSONValue(parsing: w3c.output) == JSONValue(parsing: try read("signedDataInt.json", in: folder)))

            let obSigned = try JSONValue(parsing: try read("ob-signed.json", in: folder))
            let obProof = obSigned["proof"]!.asArray[0]
            let ob = try await Mochila.run(
                ["sign", "--key", "ob-keyPair.json", "--suite", "eddsa-rdfc-2022",
                 "--created", obProof["created"]!.stringValue!, "ob-unsigned.json"], in: folder)
            #expect(ob.status == 0, "\(ob.error)")
            #expect(try JSONValue(parsing: ob.output)["proof"]?["proofValue"] == obProof["proofValue"])

            let badFormat = try await Mochila.run(["ld", "canonicalize", "--format", "turtle", "unsigned.json"], in: folder)
            #expect(badFormat.status == 2)
            try write("{\"@context\": \"https://example.com/unknown\", \"name\": \"x\"}", "unknown-context.json", in: folder)
            let unknownContext = try await Mochila.run(["ld", "canonicalize", "unknown-context.json"], in: folder)
            #expect(unknownContext.status == 2)
            #expect(unknownContext.error.contains("not one of the bundled contexts"))
        }
    }

    @Test func signsJWTsAndRefusesWhatBreaksTheDataModel() async throws {
        try await withFolder { folder in
            let generated = try await Mochila.run(["keys", "generate"], in: folder)
            try write(generated.output, "key.json", in: folder)
            let key = try JSONValue(parsing: generated.output)
            try write(unsignedCredential.replacingOccurrences(of: "ISSUER", with: key["controller"]!.stringValue!), "credential.json", in: folder)
            let jwt = try await Mochila.run(["sign", "--key", "key.json", "--suite", "vc-jwt", "credential.json"], in: folder)
            #expect(jwt.status == 0, "\(jwt.error)")
            #expect(jwt.output.split(separator: ".").count == 3)
            try write(jwt.output, "credential.jwt", in: folder)
            let verified = try await Mochila.run(["verify", "--json", "--offline", "credential.jwt"], in: folder)
            #expect(verified.status == 0, "\(verified.output)")
            #expect(try JSONValue(parsing: verified.output)["verified"] == true)

            // No issuer, and a validUntil before validFrom: two rules, each named, nothing signed.
            var broken = try JSONValue(parsing: try read("credential.json", in: folder)).objectValue!
            broken.removeValue(forKey: "issuer")
            broken["validUntil"] = "2020-01-01T00:00:00Z"
            try write(JSONValue.object(broken).serializedString(), "broken.json", in: folder)
            let refused = try await Mochila.run(["sign", "--key", "key.json", "--suite", "eddsa-rdfc-2022", "broken.json"], in: folder)
            #expect(refused.status == 2)
            #expect(refused.output.isEmpty)
            #expect(refused.error.contains("breaks the VC data model"))
            #expect(refused.error.contains("issuer-missing"))
        }
    }

    @Test func verifiesAPresentation() async throws {
        try await withFolder { folder in
            let issuer = try JSONValue(parsing: try await Mochila.run(["keys", "generate"], in: folder).output)
            let holder = try JSONValue(parsing: try await Mochila.run(["keys", "generate"], in: folder).output)
            try write(issuer.serializedString(), "issuer.json", in: folder)
            try write(holder.serializedString(), "holder.json", in: folder)
            var credential = try JSONValue(
                parsing: unsignedCredential.replacingOccurrences(of: "ISSUER", with: issuer["controller"]!.stringValue!)).objectValue!
            credential["credentialSubject"]?["id"] = holder["controller"]
            try write(JSONValue.object(credential).serializedString(), "credential.json", in: folder)
            let signed = try await Mochila.run(["sign", "--key", "issuer.json", "--suite", "eddsa-rdfc-2022", "credential.json"], in: folder)
            let presentation: JSONValue = [
                "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
                "holder": holder["controller"]!, "verifiableCredential": [try JSONValue(parsing: signed.output)],
            ]
            try write(presentation.serializedString(), "presentation.json", in: folder)
            // mochila sign secures credentials; a holder's authentication proof is made here with a
            // JWT instead: vp+jwt with the credential enveloped is the other form presentations take.
            let report = try await Mochila.run(["verify", "--json", "--offline", "presentation.json"], in: folder)
            let json = try JSONValue(parsing: report.output)
            #expect(report.status == 1)
            #expect(json["checks"]?.asArray.first { $0["check"] == "proof" }?["status"] == "failed")
            #expect(json["credentials"]?[0]?["verified"] == true)
        }
    }

    /// Open Badges 2.0, Europass and badge images go to their own verifiers, from a file or a folder.
    @Test func verifiesOpenBadges2EuropassAndBakedImages() async throws {
        try await withFolder { folder in
            let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/import")
            for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
                try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
            let web = [
                "https://example.org/robotics-badge.json=2_0_basic_badgeclass.json", "https://example.org/organization.json=issuer.json",
                "https://example.org/key1=key1.json", "https://example.org/revocationList=revocation-list.json",
            ].flatMap { ["--document", $0] }
            let signed = try await Mochila.run(["verify", "assertion-rs256.jws", "--offline", "--now", "2026-06-01T00:00:00Z"] + web, in: folder)
            #expect(signed.status == 0, "\(signed.output)\(signed.error)")
            #expect(signed.output.contains("assertion-rs256.jws"))
            // Without the issuer's documents, nothing can be checked: not verified.
            let alone = try await Mochila.run(["verify", "assertion-rs256.jws", "--offline", "--json"], in: folder)
            #expect(alone.status == 1)

            let europass = try await Mochila.run(["verify", "edc-signed.json", "--offline", "--json", "--now", "2026-06-01T00:00:00Z"], in: folder)
            #expect(europass.status == 1, "an EDC's issuer is never known here")
            let report = try JSONValue(parsing: Array(europass.output.utf8))
            let checks = Dictionary(uniqueKeysWithValues: (report["checks"]?.asArray ?? []).map { ($0["check"]!.stringValue!, $0["status"]!.stringValue!) })
            #expect(checks["format"] == "passed" && checks["proof"] == "passed" && checks["issuer"] == "unknown", "\(europass.output)")

            let png = try await Mochila.run(["verify", "ob30-simple-pillow.png", "--offline", "--json"], in: folder)
            let baked = try JSONValue(parsing: Array(png.output.utf8))
            #expect(baked["checks"]?.asArray.first?["status"] == "passed", "\(png.output)\(png.error)")
            #expect(baked["checks"]?.asArray.first { $0["check"] == "proof" }?["status"] == "unknown")

            // A folder: each file read by its kind.
            let all = try await Mochila.run(["verify", ".", "--offline", "--json"], in: folder)
            #expect(all.output.split(separator: "\n").count >= 9, "\(all.output)\(all.error)")
        }
    }

    /// A coordinator signs a member list as a registry credential; it verifies, and a verifier
    /// given the exported list trusts a member's credential.
    @Test func registrySignProducesARegistryCredentialThatVerifies() async throws {
        try await withFolder { folder in
            let key = try await Mochila.run(["keys", "generate"], in: folder)
            try write(key.output, "coordinacion.json", in: folder)
            try write(
                """
                {"members": [{"did": "did:key:z6MkiZ4gvwWz2kXX3Qg6mg5P8AAZ6q4uSJ1mjudGMZoywHAk", "name": "Universidad de Prueba", "country": "CL",
                  "memberSince": "2024-01-01", "accreditation": [{"fields": ["07"], "eqfLevels": [5]}]}]}
                """, "miembros.json", in: folder)
            let signed = try await Mochila.run(["registry", "sign", "--key", "coordinacion.json", "--name", "Red de prueba", "miembros.json"], in: folder)
            #expect(signed.status == 0, "\(signed.error)")
            try write(signed.output, "registro.json", in: folder)
            let verified = try await Mochila.run(["verify", "--offline", "--json", "registro.json"], in: folder)
            #expect(verified.status == 0, "\(verified.output)\(verified.error)")
            let bad = try await Mochila.run(["registry", "sign", "--key", "coordinacion.json", "ob-unsigned.json"], in: folder)
            #expect(bad.status != 0)
            #expect(bad.error.contains("member 0"), "\(bad.error)")
        }
    }

    @Test func unusableInputAndUsageErrorsExit2WithAMessage() async throws {
        try await withFolder { folder in
            try write("{\"@context\": [", "malformed.json", in: folder)
            let malformed = try await Mochila.run(["verify", "malformed.json"], in: folder)
            #expect(malformed.status == 2)
            #expect(malformed.error.contains("malformed.json: invalid JSON at line 1"))

            let missing = try await Mochila.run(["verify", "nowhere.json"], in: folder)
            #expect(missing.status == 2)
            #expect(missing.error.contains("nowhere.json: no such file"))

            let noArguments = try await Mochila.run(["verify"], in: folder)
            #expect(noArguments.status == 2)

            let unknownSuite = try await Mochila.run(["sign", "--key", "keyPair.json", "--suite", "rsa-2000", "unsigned.json"], in: folder)
            #expect(unknownSuite.status == 2)
            #expect(unknownSuite.error.contains("unknown suite \"rsa-2000\""))

            let noKeyFile = try await Mochila.run(["sign", "--key", "absent.json", "--suite", "eddsa-jcs-2022", "unsigned.json"], in: folder)
            #expect(noKeyFile.status == 2)
            #expect(noKeyFile.error.contains("absent.json: no such file"))

            let p256 = try await Mochila.run(["keys", "generate", "--type", "P-256"], in: folder)
            #expect(p256.status == 0)
            #expect(try JSONValue(parsing: p256.output)["controller"]?.stringValue?.hasPrefix("did:key:zDn") == true)
            try write(p256.output, "p256.json", in: folder)
            let wrongType = try await Mochila.run(["sign", "--key", "p256.json", "--suite", "eddsa-jcs-2022", "unsigned.json"], in: folder)
            #expect(wrongType.status == 2)
            #expect(wrongType.error.contains("signs with Ed25519 keys, but the key file holds a P-256 key"))

            try write("{\"publicKeyMultibase\": \"z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2\"}", "public.json", in: folder)
            let publicOnly = try await Mochila.run(["sign", "--key", "public.json", "--suite", "eddsa-jcs-2022", "unsigned.json"], in: folder)
            #expect(publicOnly.status == 2)
            #expect(publicOnly.error.contains("no secret key"))

            try write("not json", "garbage.json", in: folder)
            let badKey = try await Mochila.run(["sign", "--key", "garbage.json", "--suite", "eddsa-jcs-2022", "unsigned.json"], in: folder)
            #expect(badKey.status == 2)

            let badCredential = try await Mochila.run(["sign", "--key", "keyPair.json", "--suite", "eddsa-jcs-2022", "malformed.json"], in: folder)
            #expect(badCredential.status == 2)

            for result in [malformed, missing, unknownSuite, noKeyFile, wrongType, publicOnly, badKey, badCredential] {
                #expect(!result.error.contains("Fatal error"))
                #expect(!result.error.contains("Stack dump"))
            }

            let badMasterKey = try await Mochila.run(
                ["serve", "--data", "data", "--port", "18099"], in: folder, environment: ["MOCHILA_MASTER_KEY": "not-a-key"])
            #expect(badMasterKey.status == 2)
            #expect(badMasterKey.error.contains("MOCHILA_MASTER_KEY"))
            let postgres = try await Mochila.run(["serve", "--data", "data", "--database", "postgres://localhost/mochila"], in: folder)
            #expect(postgres.status == 2)
            #expect(postgres.error.contains("--database"))

            let seeded = try await Mochila.run(["keys", "generate", "--seed", String(repeating: "ab", count: 32)], in: folder)
            let again = try await Mochila.run(["keys", "generate", "--seed", String(repeating: "ab", count: 32)], in: folder)
            #expect(seeded.output == again.output)
            let shortSeed = try await Mochila.run(["keys", "generate", "--seed", "abcd"], in: folder)
            #expect(shortSeed.status == 2)
        }
    }
}
