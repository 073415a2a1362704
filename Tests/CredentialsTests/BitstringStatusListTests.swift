import Foundation
import LinkedData
import Testing

@testable import Credentials

/// Bitstring Status List v1.0: the bitstring, its encoding, entries and list credentials.
@Suite struct BitstringStatusListTests {
    let base = "bitstring-status-list/"

    /// The spec's and 1EdTech's lists decode to what `derived-decoded-lists.json` says.
    @Test func decodesTheListsOfOtherImplementations() throws {
        let lists = try Fixtures.json(base + "derived-decoded-lists.json")["lists"]!.asArray
        #expect(lists.count == 3)
        for expected in lists {
            let file = try Fixtures.json(base + expected["file"]!.stringValue!)
            let encoded = file["credentialSubject"]!["encodedList"]!.stringValue!
            #expect(encoded == expected["encodedList"]!.stringValue!)
            let list = try BitstringStatusList(encodedList: encoded)
            #expect(list.bytes.count == Int(expected["decompressedBytes"]!.numberValue!))
            #expect(list.bitCount == Int(expected["bitLength"]!.numberValue!))
            #expect(list.nonZeroIndexes == expected["setBitIndexes"]!.asArray.map { Int($0.numberValue!) })
        }
    }

    /// Mochila writes 1EdTech's list byte for byte: a list of 131,072 with bit 23 set.
    @Test func encodesTheListWithBit23As1EdTechDid() throws {
        var list = try BitstringStatusList()
        try list.set(23)
        let testlist = try Fixtures.json(base + "1edtech-validator/testlist.json")
        #expect(list.encodedList() == testlist["credentialSubject"]!["encodedList"]!.stringValue!)
    }

    @Test func indexZeroIsTheMostSignificantBitOfTheFirstByte() throws {
        var list = try BitstringStatusList()
        try list.set(0)
        try list.set(15)
        try list.set(131_071)
        #expect(list.bytes[0] == 0x80)
        #expect(list.bytes[1] == 0x01)
        #expect(list.bytes[16383] == 0x01)
        #expect(try list.get(0) == 1 && list.get(1) == 0 && list.get(131_071) == 1)
        try list.set(0, to: 0)
        #expect(list.bytes[0] == 0 && list.nonZeroIndexes == [15, 131_071])
        let decoded = try BitstringStatusList(encodedList: list.encodedList())
        #expect(decoded.bytes == list.bytes)
    }

    @Test func statusesOfSeveralBitsReadMostSignificantBitFirst() throws {
        var list = try BitstringStatusList(size: 131_072, statusSize: 2)
        #expect(list.bitCount == 262_144 && list.count == 131_072)
        try list.set(0, to: 2)
        try list.set(3, to: 3)
        try list.set(4, to: 1)
        #expect(list.bytes[0] == 0b1000_0011)
        #expect(list.bytes[1] == 0b0100_0000)
        #expect(try [0, 1, 2, 3, 4].map { try list.get($0) } == [2, 0, 0, 3, 1])
        let error = #expect(throws: CredentialsError.self) { try list.set(5, to: 4) }
        #expect(error?.code == .malformedValue)
        let reread = try BitstringStatusList(encodedList: list.encodedList(), statusSize: 2)
        #expect(reread.nonZeroIndexes == [0, 3, 4])
    }

    @Test func indexesOutsideTheListAreRangeErrors() throws {
        var list = try BitstringStatusList()
        for index in [-1, 131_072, Int.max] {
            let read = #expect(throws: CredentialsError.self) { try list.get(index) }
            #expect(read?.code == .range)
            let write = #expect(throws: CredentialsError.self) { try list.set(index) }
            #expect(write?.code == .range)
        }
    }

    @Test func issuersCannotMakeListsBelowTheMinimum() throws {
        let short = #expect(throws: CredentialsError.self) { try BitstringStatusList(size: 131_071) }
        #expect(short?.code == .statusListLength)
        let size = #expect(throws: CredentialsError.self) { try BitstringStatusList(size: 131_072, statusSize: 9) }
        #expect(size?.code == .malformedValue)
        let large = #expect(throws: CredentialsError.self) { try BitstringStatusList(size: 40_000_000) }
        #expect(large?.code == .sizeLimit)
    }

    @Test func encodedListMustBeMultibaseBase64URLOfGZIP() throws {
        let good = try BitstringStatusList().encodedList()
        let cases: [(String, CredentialsError.Code)] = [
            (String(good.dropFirst()), .malformedValue),  // no multibase prefix
            ("z" + good.dropFirst(), .malformedValue),  // base58btc
            (good + "==", .malformedValue),  // padding
            (good.replacingOccurrences(of: "_", with: "/"), .malformedValue),  // standard base64
            ("u", .compression),
            ("u" + Base64URL.encode(Array("not gzip".utf8)), .compression),
            (String(good.dropLast(4)), .compression),  // truncated
        ]
        for (text, code) in cases {
            let error = #expect(throws: CredentialsError.self, "\(text)") { try BitstringStatusList(encodedList: text) }
            #expect(error?.code == code, "\(text)")
        }
    }

    // MARK: - entries

    @Test func readsTheSpecsEntries() throws {
        let single = try Fixtures.json(base + "spec-examples/example-04-a-revocable-verifiable-credential.json")
        let entry = try BitstringStatusListEntry(json: single["credentialStatus"]!.objectValue!)
        #expect(entry.statusPurpose == "revocation" && entry.statusListIndex == 94567 && entry.statusSize == 1)
        #expect(entry.statusListCredential == "https://example.com/credentials/status/3")
        #expect(try BitstringStatusListEntry(json: entry.json) == entry)
        for file in ["example-01-example-statuslistcredential-using-simple-entries.json",
            "example-06-associating-multiple-status-lists-with-a-single-verifiable-credential.json",
            "example-07-associating-multiple-status-entries-in-a-single-status-list.json"]
        {
            let entries = try Fixtures.json(base + "spec-examples/" + file)["credentialStatus"]!.asArray
            #expect(try entries.map { try BitstringStatusListEntry(json: $0.objectValue!).statusPurpose } == ["revocation", "suspension"])
        }
    }

    /// Example 2 of the spec (its `...` filled in): a message entry of two bits.
    static let messageEntry: JSONObject = [
        "id": "https://example.com/credentials/status/8#492847", "type": "BitstringStatusListEntry",
        "statusPurpose": "message", "statusListIndex": "492847", "statusSize": 2,
        "statusListCredential": "https://example.com/credentials/status/8",
        "statusMessage": [
            ["status": "0x0", "message": "pending_review"], ["status": "0x1", "message": "accepted"],
            ["status": "0x2", "message": "rejected"], ["status": "0x3", "message": "undefined"],
        ],
        "statusReference": "https://example.org/status-dictionary/",
    ]

    @Test func readsMessageEntries() throws {
        let entry = try BitstringStatusListEntry(json: BitstringStatusListTests.messageEntry)
        #expect(entry.statusSize == 2 && entry.statusMessage?.count == 4)
        #expect(entry.message(for: 2) == "rejected")
        #expect(entry.statusReference == ["https://example.org/status-dictionary/"])
        #expect(try BitstringStatusListEntry(json: entry.json) == entry)
        let plain = BitstringStatusListEntry(statusPurpose: "message", statusListIndex: 1, statusListCredential: "https://x.example/l")
        #expect(plain.message(for: 0) == "unset" && plain.message(for: 1) == "set")
    }

    @Test func malformedEntriesAreRefused() throws {
        let valid: JSONObject = [
            "type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "7",
            "statusListCredential": "https://example.com/status/1",
        ]
        let edits: [(String, (inout JSONObject) -> Void)] = [
            ("type", { $0["type"] = "StatusList2021Entry" }),
            ("purpose", { $0["statusPurpose"] = ["revocation"] }),
            ("negative index", { $0["statusListIndex"] = "-1" }),
            ("hex index", { $0["statusListIndex"] = "0x10" }),
            ("fractional index", { $0["statusListIndex"] = 1.5 }),
            ("empty index", { $0["statusListIndex"] = "" }),
            ("list URL", { $0["statusListCredential"] = "not a url" }),
            ("id is the list", { $0["id"] = "https://example.com/status/1" }),
            ("statusSize 0", { $0["statusSize"] = 0 }),
            ("statusSize 2 without messages", { $0["statusSize"] = 2 }),
            ("messages of the wrong count", { $0["statusMessage"] = [["status": "0x0", "message": "a"]] }),
            ("message without 0x", { $0["statusMessage"] = [["status": "0", "message": "a"], ["status": "0x1", "message": "b"]] }),
            ("repeated status", { $0["statusMessage"] = [["status": "0x1", "message": "a"], ["status": "0x1", "message": "b"]] }),
            ("statusReference", { $0["statusReference"] = 3 }),
        ]
        #expect(throws: Never.self) { try BitstringStatusListEntry(json: valid) }
        for (name, edit) in edits {
            var json = valid
            edit(&json)
            let error = #expect(throws: CredentialsError.self, "\(name)") { try BitstringStatusListEntry(json: json) }
            #expect(error?.code == .malformedValue, "\(name)")
        }
        // Note: a JSON number index is read, as 1EdTech writes it.
        var numeric = valid
        numeric["statusListIndex"] = 23
        #expect(try BitstringStatusListEntry(json: numeric).statusListIndex == 23)
    }

    // MARK: - list credentials

    @Test func readsTheSpecsListCredential() throws {
        let list = try BitstringStatusListCredential(
            json: Fixtures.json(base + "spec-examples/example-03-example-bitstringstatuslistcredential.json").objectValue!)
        #expect(list.issuer == "did:example:12345" && list.statusPurposes == ["revocation"])
        #expect(list.validFrom == "2021-04-05T14:27:40Z" && list.validUntil == nil && list.ttl == nil)
        #expect(list.isValid(at: XSDDateTime("2026-01-01T00:00:00Z")!.date))
        #expect(!list.isValid(at: XSDDateTime("2021-04-05T14:27:39Z")!.date))
    }

    @Test func buildsAnUnsignedListCredential() throws {
        var list = try BitstringStatusList()
        try list.set(94567)
        let json = BitstringStatusListCredential.unsigned(
            id: "https://mochila.example/status/1", issuer: "did:key:z6MkExample", validFrom: XSDDateTime("2026-01-01T00:00:00Z")!.date,
            validUntil: XSDDateTime("2026-01-08T00:00:00Z")!.date, ttl: 86_400_000, statusPurpose: ["revocation", "suspension"],
            list: list)
        #expect(json["credentialSubject"]!["id"] == "https://mochila.example/status/1#list")
        #expect(json["validUntil"] == "2026-01-08T00:00:00Z")
        let read = try BitstringStatusListCredential(json: json)
        #expect(read.statusPurposes == ["revocation", "suspension"] && read.ttl == 86_400_000)
        #expect(try BitstringStatusList(encodedList: read.encodedList).nonZeroIndexes == [94567])
        #expect(!read.isValid(at: XSDDateTime("2026-01-08T00:00:01Z")!.date))
        // What the data model checks refuse.
        var edited = json
        edited["credentialSubject"]!["type"] = "StatusList2021"
        #expect(throws: CredentialsError.self) { try BitstringStatusListCredential(json: edited) }
        edited = json
        edited["type"] = ["VerifiableCredential"]
        #expect(throws: CredentialsError.self) { try BitstringStatusListCredential(json: edited) }
        edited = json
        edited["credentialSubject"]!["statusPurpose"] = []
        #expect(throws: CredentialsError.self) { try BitstringStatusListCredential(json: edited) }
    }
}
