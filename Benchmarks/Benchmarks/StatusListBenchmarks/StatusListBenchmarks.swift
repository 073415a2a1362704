import Benchmark
import Credentials
import Foundation
import LinkedData

/// Bitstring Status List: what an issuer does after a status change (set bits, GZIP, Multibase
/// base64url a full 131,072-entry list) and what a verifier does for each entry (decode the list,
/// read the entry), on lists with 1% and 10% of their entries set at random places (as issuers
/// place credentials at random, for herd privacy), and the status check of a credential as the
/// verifier runs it: the signed list credential (preloaded, so no network) is verified with
/// `eddsa-rdfc-2022`, read, decoded, and the entry looked up.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput], timeUnits: .microseconds,
        maxDuration: .seconds(3), maxIterations: 100_000)

    let size = BitstringStatusList.minimumEntries
    /// `count` distinct indexes, the same on every run.
    func places(_ count: Int, seed: UInt64) -> [Int] {
        var state = seed
        var chosen = Set<Int>()
        while chosen.count < count {
            // SplitMix64.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            chosen.insert(Int((z ^ (z >> 31)) % UInt64(size)))
        }
        return chosen.sorted()
    }

    for (label, count) in [("1%", size / 100), ("10%", size / 10)] {
        let set = places(count, seed: UInt64(count))
        var list = try! BitstringStatusList(size: size)
        for index in set { try! list.set(index) }
        let encoded = list.encodedList()
        let probe = set[set.count / 2]

        Benchmark("Encode a 131,072-entry status list, \(label) set (set bits, GZIP, base64url)") { benchmark in
            for _ in benchmark.scaledIterations {
                var fresh = try BitstringStatusList(size: size)
                for index in set { try fresh.set(index) }
                blackHole(fresh.encodedList())
            }
        }
        Benchmark("Decode a 131,072-entry status list, \(label) set, and read one entry") { benchmark in
            let first = try BitstringStatusList(encodedList: encoded).get(probe)
            precondition(first == 1)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try BitstringStatusList(encodedList: encoded).get(probe))
            }
        }
    }

    // The status check as verification runs it, on a signed list credential.
    let key = SigningKey.generate(.ed25519)
    let issuer = DIDKey.did(for: key.publicKey)
    let method = issuer + "#" + key.publicKey.multibase
    let now = XSDDateTime("2025-06-01T00:00:00Z")!.date
    let listURL = "https://creditos.uni.example/status/uni/1/revocation"
    var list = try! BitstringStatusList(size: size)
    let revoked = places(size / 100, seed: 7)
    for index in revoked { try! list.set(index) }
    let unsignedList = BitstringStatusListCredential.unsigned(
        id: listURL, issuer: issuer, validFrom: now.addingTimeInterval(-3600), validUntil: now.addingTimeInterval(7 * 86400),
        statusPurpose: [BitstringStatusListEntry.Purpose.revocation], list: list)
    let signedList = try! DataIntegrity.addProof(
        to: unsignedList, suite: EdDSARDFC2022(), key: key,
        options: ProofOptions(verificationMethod: method, created: XSDDateTime.format(now.addingTimeInterval(-3600))))
    let documents = PreloadedDocuments([listURL: .object(signedList)])
    let listVerifier = CredentialVerifier(documents: documents)
    let checker = StatusChecker(documents: documents) { list in await listVerifier.verify(list, at: now) }
    func credential(index: Int) -> JSONObject {
        [
            "issuer": .string(issuer),
            "credentialStatus": [
                "id": .string(listURL + "#\(index)"), "type": .string(BitstringStatusListEntry.type),
                "statusPurpose": "revocation", "statusListIndex": .string(String(index)),
                "statusListCredential": .string(listURL),
            ],
        ]
    }
    let valid = credential(index: (0..<size).first { !revoked.contains($0) }!)
    let revokedCredential = credential(index: revoked[0])

    Benchmark("Check a credential's status (verify the signed list, decode, look up; 1% set)") { benchmark in
        let passed = await checker.check(valid, at: now)
        precondition(passed.status == .passed, "status: \(passed.message.text())")
        let revokedResult = await checker.check(revokedCredential, at: now)
        precondition(revokedResult.status == .failed)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(await checker.check(valid, at: now)) }
    }
}
