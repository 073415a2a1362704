import Credentials
import Foundation
import LinkedData
import Testing

@testable import MochilaCore

@Suite struct BackpackArchiveTests {
    let exportedAt = XSDDateTime("2026-03-10T15:30:00Z")!.date
    let passphrase = "cóndor andino 2026"
    let holder = SigningKey.generate(.ed25519)
    var holderDID: String { Multikey(didKeyFor: holder).controller }

    /// Credentials whose bytes must survive exactly: JSON with non-ASCII text and a byte order
    /// mark, a JWT, every byte value (a PNG signature first), and the three base64 padding cases.
    var items: [BackpackArchive.Item] {
        let added = XSDDateTime("2026-03-01T10:00:00Z")!.date
        let json = Array("\u{FEFF}{\"name\": \"Técnicas de soldadura — Año 2026\", \"emoji\": \"🎓\", \"ja\": \"日本語\"}\r\n".utf8)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0...255).map(UInt8.init) + [0x00, 0xFF]
        return [
            .init(credential: json, format: .vcJSON, source: .claim, isPublic: true, addedAt: added),
            .init(credential: Array("eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln".utf8), format: .vcJWT, source: .import, isPublic: false, addedAt: added),
            .init(credential: png, format: .openBadges2, source: .import, isPublic: false, addedAt: added),
            .init(credential: [0xC3], format: .europass, source: .import, isPublic: false, addedAt: added),
            .init(credential: [0xC3, 0xB1], format: .europass, source: .import, isPublic: false, addedAt: added),
            .init(credential: [0xE2, 0x80, 0x94], format: .europass, source: .import, isPublic: false, addedAt: added),
        ]
    }

    func archive(sealed: Bool = true) throws -> BackpackArchive {
        let key = sealed
            ? try BackpackArchive.sealKey(holder.secretBytes, passphrase: passphrase)
            : nil
        return BackpackArchive(
            holderDID: holderDID, displayName: "Lucía Ñahui", email: "lucia@correo.example", exportedAt: exportedAt, items: items,
            sealedHolderKey: key)
    }

    /// The fields of the problems reading `bytes` reports.
    func fields(decoding bytes: [UInt8]) -> [String] {
        do {
            _ = try BackpackArchive(decoding: bytes)
            return []
        } catch let error as ValidationError {
            return error.problems.map(\.field)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    /// The archive as a JSON object, changed by `change`, as bytes.
    func mutated(_ archive: BackpackArchive, _ change: (inout JSONObject) -> Void) -> [UInt8] {
        var document = try! JSONValue(parsing: archive.encoded(), limits: JSONLimits(maxBytes: 64 << 20, maxStringBytes: 64 << 20))
            .objectValue!
        change(&document)
        return JSONValue.object(document).serialized()
    }

    @Test func roundTripsWithTheHolderKey() throws {
        let archive = try archive()
        let bytes = archive.encoded()
        #expect(bytes == archive.encoded())
        let document = try JSONValue(parsing: bytes)
        #expect(document.objectValue?.keys.prefix(2) == ["type", "version"])
        #expect(document["type"] == "MochilaBackpackArchive")
        #expect(document["version"] == 1)
        #expect(document["exportedAt"] == "2026-03-10T15:30:00Z")
        #expect(document["sealedHolderKey"]?["N"] == 32768)
        #expect(document["items"]?[2]?["credential"]?.stringValue?.hasPrefix("iVBORw0KGgo") == true)

        let restored = try BackpackArchive(decoding: bytes)
        #expect(restored == archive)
        #expect(restored.encoded() == bytes)
        #expect(restored.items.map(\.credential) == items.map(\.credential))
        let secret = try restored.openKey(passphrase: passphrase)
        #expect(secret == holder.secretBytes)
        // The same words typed in the other Unicode normal form (NFD) open the key too.
        #expect(try restored.openKey(passphrase: passphrase.decomposedStringWithCanonicalMapping) == secret)
    }

    @Test func anArchiveWithoutTheKeyRoundTrips() throws {
        let archive = try archive(sealed: false)
        let bytes = archive.encoded()
        #expect(try JSONValue(parsing: bytes)["sealedHolderKey"] == nil)
        let restored = try BackpackArchive(decoding: bytes)
        #expect(restored == archive)
        #expect(throws: ValidationError(field: "sealedHolderKey", "the archive was exported without the holder key")) {
            try restored.openKey(passphrase: passphrase)
        }
    }

    @Test func aWrongPassphraseIsRefused() throws {
        let archive = try archive()
        do {
            _ = try archive.openKey(passphrase: "cóndor andino 2025")
            Issue.record("opened with a wrong passphrase")
        } catch let error as ValidationError {
            #expect(error.problems.map(\.field) == ["passphrase"])
        }
    }

    @Test func aTamperedKeyOrAnotherHeaderIsRefused() throws {
        let archive = try archive()
        var tampered = archive
        tampered.sealedHolderKey!.ciphertext[0] ^= 0x01
        #expect(throws: ValidationError.self) { try tampered.openKey(passphrase: passphrase) }

        var swapped = archive
        swapped.holderDID = Multikey(didKeyFor: SigningKey.generate(.ed25519)).controller
        #expect(throws: ValidationError.self) { try BackpackArchive(decoding: swapped.encoded()).openKey(passphrase: passphrase) }

        var cheaper = archive
        cheaper.sealedHolderKey!.logN = 16
        #expect(throws: ValidationError.self) { try cheaper.openKey(passphrase: passphrase) }
    }

    @Test func sealingNeedsALongPassphraseAndAnEd25519Key() throws {
        #expect(throws: ValidationError(field: "passphrase", "must have at least 10 characters")) {
            try BackpackArchive.sealKey(holder.secretBytes, passphrase: "corta")
        }
        #expect(throws: ValidationError(field: "passphrase", "must not be only spaces")) {
            try BackpackArchive.sealKey(holder.secretBytes, passphrase: String(repeating: " ", count: 12))
        }
        #expect(throws: ValidationError(field: "holderKey", "is not an Ed25519 secret key")) {
            try BackpackArchive.sealKey([1, 2, 3], passphrase: passphrase)
        }
        // Another holder's key, in this holder's archive, does not open.
        var archive = try archive()
        archive.sealedHolderKey = try BackpackArchive.sealKey(SigningKey.generate(.ed25519).secretBytes, passphrase: passphrase)
        #expect(throws: ValidationError.self) { try archive.openKey(passphrase: passphrase) }
    }

    @Test func eachMalformedArchiveNamesItsField() throws {
        let archive = try archive()
        let cases: [(String, [UInt8])] = [
            ("archive", Array("not json".utf8)),
            ("archive", Array("[]".utf8)),
            ("archive", [UInt8](repeating: 0x20, count: (64 << 20) + 1)),
            ("type", mutated(archive) { $0["type"] = "MochilaBackup" }),
            ("version", mutated(archive) { $0["version"] = 2 }),
            ("version", mutated(archive) { $0["version"] = "1" }),
            ("holderDID", mutated(archive) { $0["holderDID"] = "did:web:uni.example" }),
            ("displayName", mutated(archive) { $0.removeValue(forKey: "displayName") }),
            ("email", mutated(archive) { $0["email"] = "no es un correo" }),
            ("exportedAt", mutated(archive) { $0["exportedAt"] = "2026-03-10" }),
            ("backup", mutated(archive) { $0["backup"] = true }),
            ("items", mutated(archive) { $0["items"] = .array(Array(repeating: ["format": "vc+json"], count: 5001)) }),
            ("items[0].credential", mutated(archive) { $0["items"] = [Self.item(String(repeating: "A", count: 5_592_408))] }),
            ("items[0].credential", mutated(archive) { $0["items"] = [Self.item("eyJhbGciOiJFZERTQSJ9.e30.c2ln")] }),
            ("items[0].credential", mutated(archive) { $0["items"] = [Self.item("ab-_")] }),
            ("items[0].credential", mutated(archive) { $0["items"] = [Self.item("YQ")] }),
            ("items[0].credential", mutated(archive) { $0["items"] = [Self.item("YR==")] }),
            ("items[1].credential", mutated(archive) { $0["items"] = [Self.item("YQ=="), Self.item("YQ==")] }),
            ("items[0].format", mutated(archive) { $0["items"] = [Self.item("YQ==", format: "pdf")] }),
            ("items[0].source", mutated(archive) { $0["items"] = [Self.item("YQ==", source: "gift")] }),
            ("items[0].addedAt", mutated(archive) { $0["items"] = [Self.item("YQ==", addedAt: "ayer")] }),
            ("sealedHolderKey.N", mutated(archive) { Self.setKeyMember(&$0, "N", 1024) }),
            ("sealedHolderKey.salt", mutated(archive) { Self.setKeyMember(&$0, "salt", "c2Fs") }),
            ("sealedHolderKey.tag", mutated(archive) { Self.setKeyMember(&$0, "tag", "not base64!") }),
        ]
        for (field, bytes) in cases {
            #expect(fields(decoding: bytes) == [field], "expected a problem in \(field)")
        }
        // A 4 MiB credential is accepted; one byte more is not.
        let largest = BackpackArchive.Item(
            credential: [UInt8](repeating: 0x7B, count: 4 << 20), format: .vcJSON, source: .import, isPublic: false, addedAt: exportedAt)
        var big = try self.archive(sealed: false)
        big.items = [largest]
        #expect(fields(decoding: big.encoded()) == [])
        big.items[0].credential.append(0x7D)
        #expect(fields(decoding: big.encoded()) == ["items[0].credential"])
    }

    @Test func problemsAreGatheredButBounded() throws {
        let archive = try archive(sealed: false)
        let bytes = mutated(archive) { $0["items"] = .array(Array(repeating: ["format": "pdf"], count: 200)) }
        let fields = fields(decoding: bytes)
        #expect(fields.count == 50)
        #expect(fields.prefix(5) == ["items[0].credential", "items[0].format", "items[0].source", "items[0].isPublic", "items[0].addedAt"])
    }

    static func setKeyMember(_ document: inout JSONObject, _ member: String, _ value: JSONValue) {
        var key = document["sealedHolderKey"]!.objectValue!
        key[member] = value
        document["sealedHolderKey"] = .object(key)
    }

    static func item(
        _ credential: String, format: String = "vc+json", source: String = "import", addedAt: String = "2026-03-01T10:00:00Z"
    ) -> JSONValue {
        [
            "format": .string(format), "source": .string(source), "isPublic": false, "addedAt": .string(addedAt),
            "credential": .string(credential),
        ]
    }
}
