import Credentials
import Crypto
import Foundation
import LinkedData
import _CryptoExtras

/// A backup of a whole backpack, to restore into another Mochila node: the learner's account
/// details, every credential byte for byte, and optionally the holder key, sealed with a
/// passphrase the learner chooses.
///
/// One JSON document (``mediaType``), members in a fixed order:
///
/// ```json
/// {"type": "MochilaBackpackArchive", "version": 1, "holderDID": "did:key:z6Mk…",
///  "displayName": "Lucía", "email": "lucia@correo.example", "exportedAt": "2026-03-10T15:30:00Z",
///  "sealedHolderKey": {"kdf": "scrypt", "N": 32768, "r": 8, "p": 1, "salt": "…",
///                      "cipher": "AES-256-GCM", "nonce": "…", "ciphertext": "…", "tag": "…"},
///  "items": [{"format": "vc+json", "source": "claim", "isPublic": false,
///             "addedAt": "2026-03-01T10:00:00Z", "credential": "<standard base64>"}]}
/// ```
///
/// Dates are XML Schema `dateTime`s in UTC, to the second. `email` and `sealedHolderKey` are left
/// out when there are none. An item's award and verification report are not carried: they
/// belong to the node it comes from, and the node that restores it verifies it again.
public struct BackpackArchive: Sendable, Hashable {
    public static let mediaType = "application/vnd.mochila.backpack+json"
    /// The document's `type`.
    public static let archiveType = "MochilaBackpackArchive"
    /// The format version written and read.
    public static let version = 1
    public static let maxItems = 5000
    public static let maxCredentialBytes = 4 << 20
    public static let maxBytes = 64 << 20

    /// A credential of the backpack.
    public struct Item: Sendable, Hashable {
        /// The credential, byte for byte as the backpack holds it.
        public var credential: [UInt8]
        public var format: BackpackItem.Format
        public var source: BackpackItem.Source
        public var isPublic: Bool
        public var addedAt: Date

        public init(credential: [UInt8], format: BackpackItem.Format, source: BackpackItem.Source, isPublic: Bool, addedAt: Date) {
            self.credential = credential
            self.format = format
            self.source = source
            self.isPublic = isPublic
            self.addedAt = addedAt
        }

        /// The archived form of an item of the backpack.
        public init(_ item: BackpackItem) {
            self.init(credential: item.credential, format: item.format, source: item.source, isPublic: item.isPublic, addedAt: item.addedAt)
        }
    }

    /// The holder's Ed25519 secret key, encrypted with AES-256-GCM under a key derived from the
    /// learner's passphrase with scrypt (RFC 7914), and bound to the archive's `type`, `version`
    /// and `holderDID` and to its own parameters as associated data: it opens only in an archive
    /// of the holder whose key it is.
    public struct SealedKey: Sendable, Hashable {
        /// The shortest passphrase accepted when sealing, in characters.
        public static let minimumPassphraseLength = 10
        /// log2 of scrypt's cost N: 15 when sealing (32 MiB with r = 8); up to 20 is read.
        public var logN: Int
        /// scrypt's block size r.
        public var blockSize: Int
        /// scrypt's parallelism p.
        public var parallelism: Int
        public var salt: [UInt8]
        /// AES-GCM's 12-byte nonce.
        public var nonce: [UInt8]
        public var ciphertext: [UInt8]
        /// AES-GCM's 16-byte authentication tag.
        public var tag: [UInt8]

        public init(logN: Int, blockSize: Int, parallelism: Int, salt: [UInt8], nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) {
            self.logN = logN
            self.blockSize = blockSize
            self.parallelism = parallelism
            self.salt = salt
            self.nonce = nonce
            self.ciphertext = ciphertext
            self.tag = tag
        }
    }

    /// The `did:key` of the holder key.
    public var holderDID: String
    public var displayName: String
    public var email: String?
    public var exportedAt: Date
    public var items: [Item]
    /// The holder key sealed with the learner's passphrase; `nil` in an archive exported without it.
    public var sealedHolderKey: SealedKey?

    public init(holderDID: String, displayName: String, email: String?, exportedAt: Date, items: [Item], sealedHolderKey: SealedKey?) {
        self.holderDID = holderDID
        self.displayName = displayName
        self.email = email
        self.exportedAt = exportedAt
        self.items = items
        self.sealedHolderKey = sealedHolderKey
    }

    // MARK: - Encoding

    /// The archive as JSON text (UTF-8): the same archive always gives the same bytes.
    public func encoded() -> [UInt8] {
        var document: JSONObject = [
            "type": .string(Self.archiveType),
            "version": .number(Double(Self.version)),
            "holderDID": .string(holderDID),
            "displayName": .string(displayName),
        ]
        if let email { document["email"] = .string(email) }
        document["exportedAt"] = .string(XSDDateTime.format(exportedAt))
        if let key = sealedHolderKey {
            document["sealedHolderKey"] = [
                "kdf": "scrypt", "N": .number(Double(1 << key.logN)), "r": .number(Double(key.blockSize)),
                "p": .number(Double(key.parallelism)), "salt": .string(Self.base64(key.salt)), "cipher": "AES-256-GCM",
                "nonce": .string(Self.base64(key.nonce)), "ciphertext": .string(Self.base64(key.ciphertext)),
                "tag": .string(Self.base64(key.tag)),
            ]
        }
        document["items"] = .array(
            items.map { item in
                [
                    "format": .string(item.format.rawValue), "source": .string(item.source.rawValue), "isPublic": .bool(item.isPublic),
                    "addedAt": .string(XSDDateTime.format(item.addedAt)), "credential": .string(Self.base64(item.credential)),
                ]
            })
        return JSONValue.object(document).serialized(.compact)
    }

    /// Reads an archive, checking every member.
    /// - Throws: ``ValidationError`` naming each field in error (`archive` for the document as a
    ///   whole, `items[3].credential` for an item's); a wrong `type` or `version` stops the reading.
    public init(decoding bytes: [UInt8]) throws {
        guard bytes.count <= Self.maxBytes else {
            throw ValidationError(field: "archive", "is \(bytes.count) bytes; an archive is at most \(Self.maxBytes >> 20) MiB")
        }
        let document: JSONObject
        do {
            let limits = JSONLimits(maxBytes: Self.maxBytes, maxDepth: 8, maxStringBytes: Self.maxBytes)
            guard let object = try JSONValue(parsing: bytes, limits: limits).objectValue else {
                throw ValidationError(field: "archive", "is not a JSON object")
            }
            document = object
        } catch let error as JSONParseError {
            throw ValidationError(field: "archive", "is not JSON: \(error)")
        }
        guard document["type"] == .string(Self.archiveType) else {
            throw ValidationError(field: "type", "must be \"\(Self.archiveType)\": this is not a Mochila backpack archive")
        }
        guard document["version"] == .number(Double(Self.version)) else {
            let found = document["version"].map { $0.serializedString() } ?? "missing"
            throw ValidationError(field: "version", "is \(found); this node reads version \(Self.version) archives")
        }

        var reader = Reader()
        reader.rejectUnknown(document, "", allowed: ["type", "version", "holderDID", "displayName", "email", "exportedAt", "sealedHolderKey", "items"])
        let holderDID = reader.string(document, "holderDID")
        if let holderDID, !Self.isHolderDID(holderDID) { reader.fail("holderDID", "must be the did:key of an Ed25519 key") }
        let displayName = reader.string(document, "displayName")
        if let displayName, displayName.count > 200 { reader.fail("displayName", "is at most 200 characters") }
        var email: String? = nil
        if let value = document["email"], !value.isNull {
            email = reader.string(document, "email")
            if let text = email, !(text.contains("@") && text.utf8.count <= 254 && !text.contains(where: \.isWhitespace)) {
                reader.fail("email", "is not an email address")
            }
        }
        let exportedAt = reader.date(document, "exportedAt")
        var sealedHolderKey: SealedKey? = nil
        if let value = document["sealedHolderKey"], !value.isNull {
            sealedHolderKey = reader.sealedKey(value, "sealedHolderKey")
        }
        var items: [Item] = []
        switch document["items"] {
        case .array(let values)? where values.count > Self.maxItems:
            reader.fail("items", "has \(values.count) credentials; an archive holds at most \(Self.maxItems)")
        case .array(let values)?:
            var digests: [String: Int] = [:]
            for (index, value) in values.enumerated() where !reader.isFull {
                guard let item = reader.item(value, "items[\(index)]") else { continue }
                let digest = BackpackItem.digest(of: item.credential)
                if let first = digests[digest] {
                    reader.fail("items[\(index)].credential", "is the same credential as items[\(first)]: a backpack holds a credential once")
                } else {
                    digests[digest] = index
                }
                items.append(item)
            }
        case nil: reader.fail("items", "is required")
        case _?: reader.fail("items", "must be a list")
        }
        try reader.validator.check()
        // Every required member was read, or a problem was recorded and check() threw.
        self.init(
            holderDID: holderDID!, displayName: displayName!, email: email, exportedAt: exportedAt!, items: items,
            sealedHolderKey: sealedHolderKey)
    }

    /// Reads members, gathering problems (at most ``limit``, so a broken archive of 5,000 items
    /// does not answer with 5,000 of them).
    struct Reader {
        var validator = Validator()
        let limit = 50

        var isFull: Bool { validator.problems.count >= limit }

        mutating func fail(_ field: String, _ message: String) {
            if !isFull { validator.fail(field, message) }
        }

        mutating func rejectUnknown(_ object: JSONObject, _ prefix: String, allowed: Set<String>) {
            for key in object.keys where !allowed.contains(key) {
                fail(prefix + key, "is not a member of a version \(BackpackArchive.version) archive")
            }
        }

        mutating func string(_ object: JSONObject, _ key: String, at path: String? = nil) -> String? {
            let field = path ?? key
            guard let value = object[key] else {
                fail(field, "is required")
                return nil
            }
            guard let text = value.stringValue else {
                fail(field, "must be a string, found \(value.typeName)")
                return nil
            }
            return text
        }

        mutating func date(_ object: JSONObject, _ key: String, at path: String? = nil) -> Date? {
            guard let text = string(object, key, at: path) else { return nil }
            guard let date = XSDDateTime(text), date.hasTimezone else {
                fail(path ?? key, "is not a date and time with a timezone (2026-03-10T15:30:00Z)")
                return nil
            }
            return date.date
        }

        mutating func base64(_ object: JSONObject, _ key: String, at path: String, maximumBytes: Int) -> [UInt8]? {
            guard let text = string(object, key, at: path) else { return nil }
            guard text.utf8.count <= (maximumBytes + 2) / 3 * 4 else {
                fail(path, "is larger than \(Self.size(maximumBytes))")
                return nil
            }
            guard let bytes = BackpackArchive.decodeBase64(text) else {
                fail(path, "is not standard base64 (RFC 4648, section 4, padded)")
                return nil
            }
            guard bytes.count <= maximumBytes else {
                fail(path, "is larger than \(Self.size(maximumBytes))")
                return nil
            }
            return bytes
        }

        static func size(_ bytes: Int) -> String {
            bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
        }

        mutating func integer(_ object: JSONObject, _ key: String, at path: String, in range: ClosedRange<Int>) -> Int? {
            guard let number = object[key]?.numberValue, number.rounded() == number, Double(range.lowerBound)...Double(range.upperBound) ~= number
            else {
                fail(path, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
                return nil
            }
            return Int(number)
        }

        mutating func item(_ value: JSONValue, _ path: String) -> Item? {
            guard let object = value.objectValue else {
                fail(path, "must be an object")
                return nil
            }
            rejectUnknown(object, path + ".", allowed: ["format", "source", "isPublic", "addedAt", "credential"])
            let credential = base64(object, "credential", at: path + ".credential", maximumBytes: BackpackArchive.maxCredentialBytes)
            if credential?.isEmpty == true { fail(path + ".credential", "is empty") }
            var format: BackpackItem.Format? = nil
            if let text = string(object, "format", at: path + ".format") {
                format = BackpackItem.Format(rawValue: text)
                if format == nil {
                    let known = BackpackItem.Format.allCases.map(\.rawValue).joined(separator: ", ")
                    fail(path + ".format", "\"\(text)\" is not a known format (\(known))")
                }
            }
            var source: BackpackItem.Source? = nil
            if let text = string(object, "source", at: path + ".source") {
                source = BackpackItem.Source(rawValue: text)
                if source == nil { fail(path + ".source", "\"\(text)\" is not claim or import") }
            }
            let isPublic = object["isPublic"]?.boolValue
            if isPublic == nil { fail(path + ".isPublic", "must be true or false") }
            let addedAt = date(object, "addedAt", at: path + ".addedAt")
            guard let credential, !credential.isEmpty, let format, let source, let isPublic, let addedAt else { return nil }
            return Item(credential: credential, format: format, source: source, isPublic: isPublic, addedAt: addedAt)
        }

        mutating func sealedKey(_ value: JSONValue, _ path: String) -> SealedKey? {
            guard let object = value.objectValue else {
                fail(path, "must be an object")
                return nil
            }
            rejectUnknown(object, path + ".", allowed: ["kdf", "N", "r", "p", "salt", "cipher", "nonce", "ciphertext", "tag"])
            if object["kdf"] != "scrypt" { fail(path + ".kdf", "must be \"scrypt\"") }
            if object["cipher"] != "AES-256-GCM" { fail(path + ".cipher", "must be \"AES-256-GCM\"") }
            var logN: Int? = nil
            if let n = integer(object, "N", at: path + ".N", in: (1 << 15)...(1 << 20)) {
                logN = n.trailingZeroBitCount
                if n.nonzeroBitCount != 1 { fail(path + ".N", "must be a power of two") }
            }
            let r = integer(object, "r", at: path + ".r", in: 1...16)
            let p = integer(object, "p", at: path + ".p", in: 1...4)
            if let logN, let r, (128 * r) << logN > BackpackArchive.scryptMemory {
                fail(path + ".r", "with N, asks for more than \(BackpackArchive.scryptMemory >> 20) MiB of memory")
            }
            let salt = base64(object, "salt", at: path + ".salt", maximumBytes: 64)
            if let salt, salt.count < 16 { fail(path + ".salt", "must have at least 16 bytes") }
            let nonce = base64(object, "nonce", at: path + ".nonce", maximumBytes: 12)
            if let nonce, nonce.count != 12 { fail(path + ".nonce", "must have 12 bytes") }
            let ciphertext = base64(object, "ciphertext", at: path + ".ciphertext", maximumBytes: 64)
            if let ciphertext, ![32, 64].contains(ciphertext.count) { fail(path + ".ciphertext", "must have 32 or 64 bytes (an Ed25519 secret key)") }
            let tag = base64(object, "tag", at: path + ".tag", maximumBytes: 16)
            if let tag, tag.count != 16 { fail(path + ".tag", "must have 16 bytes") }
            guard let logN, let r, let p, let salt, let nonce, let ciphertext, let tag else { return nil }
            return SealedKey(logN: logN, blockSize: r, parallelism: p, salt: salt, nonce: nonce, ciphertext: ciphertext, tag: tag)
        }
    }

    /// Standard base64 with padding.
    static func base64(_ bytes: [UInt8]) -> String {
        Base64URL.encode(bytes, padded: true, standard: true)
    }

    /// The bytes of canonical standard base64: padded, without the URL-safe alphabet, line
    /// breaks or stray bits, so that each byte string has exactly one text. `nil` otherwise.
    static func decodeBase64(_ text: String) -> [UInt8]? {
        guard text.utf8.count % 4 == 0, !text.utf8.contains(UInt8(ascii: "-")), !text.utf8.contains(UInt8(ascii: "_")),
            let bytes = try? Base64URL.decode(text), base64(bytes) == text
        else { return nil }
        return bytes
    }

    static func isHolderDID(_ did: String) -> Bool {
        guard did.hasPrefix("did:key:"), !did.contains("#"), let key = try? DIDKey.publicKey(of: did) else { return false }
        return key.type == .ed25519
    }

    // MARK: - The holder key

    /// The most memory an archive's scrypt parameters may ask for (128 · r · N): 256 MiB.
    static let scryptMemory = 256 << 20

    /// Seals the holder's Ed25519 secret key with `passphrase` (scrypt N = 2^15, r = 8, p = 1, a
    /// random 16-byte salt; AES-256-GCM), for an archive whose `holderDID` is the key's `did:key`.
    ///
    /// The passphrase is read in Unicode NFC, so the same words typed on another device open the
    /// key.
    /// - Throws: ``ValidationError`` for a passphrase shorter than
    ///   ``SealedKey/minimumPassphraseLength`` characters (field `passphrase`), or a secret that
    ///   is not an Ed25519 key (field `holderKey`).
    public static func sealKey(_ secret: [UInt8], passphrase: String) throws -> SealedKey {
        let passphrase = passphrase.precomposedStringWithCanonicalMapping
        let minimum = SealedKey.minimumPassphraseLength
        guard passphrase.count >= minimum else { throw ValidationError(field: "passphrase", "must have at least \(minimum) characters") }
        guard passphrase.utf8.count <= 1024 else { throw ValidationError(field: "passphrase", "is longer than 1024 bytes") }
        guard !passphrase.allSatisfy(\.isWhitespace) else { throw ValidationError(field: "passphrase", "must not be only spaces") }
        guard let key = try? SigningKey(type: .ed25519, secretBytes: secret) else {
            throw ValidationError(field: "holderKey", "is not an Ed25519 secret key")
        }
        // The archive's holderDID is the key's own DID: the key opens under no other.
        let holderDID = DIDKey.did(for: key.publicKey)
        let salt = SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) }
        var sealed = SealedKey(logN: 15, blockSize: 8, parallelism: 1, salt: salt, nonce: [], ciphertext: [], tag: [])
        let box = try AES.GCM.seal(
            secret, using: try derive(passphrase, sealed),
            authenticating: associatedData(sealed, holderDID: holderDID))
        sealed.nonce = Array(box.nonce)
        sealed.ciphertext = Array(box.ciphertext)
        sealed.tag = Array(box.tag)
        return sealed
    }

    /// The holder's secret key, opened with the passphrase it was sealed with.
    /// - Throws: ``ValidationError``: field `sealedHolderKey` when the archive has no key, or its
    ///   key is not the key of ``holderDID``; field `passphrase` when the passphrase does not open
    ///   it (a wrong passphrase, or an archive altered since it was sealed: the two cannot be told apart).
    public func openKey(passphrase: String) throws -> [UInt8] {
        guard let sealed = sealedHolderKey else {
            throw ValidationError(field: "sealedHolderKey", "the archive was exported without the holder key")
        }
        let passphrase = passphrase.precomposedStringWithCanonicalMapping
        let refused = ValidationError(
            field: "passphrase", "does not open the holder key: the passphrase is wrong, or the archive was altered after it was exported")
        guard passphrase.utf8.count <= 1024 else { throw refused }
        let secret: [UInt8]
        do {
            let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: sealed.nonce), ciphertext: sealed.ciphertext, tag: sealed.tag)
            secret = Array(
                try AES.GCM.open(
                    box, using: try Self.derive(passphrase, sealed),
                    authenticating: Self.associatedData(sealed, holderDID: holderDID)))
        } catch {
            throw refused
        }
        guard let key = try? SigningKey(type: .ed25519, secretBytes: secret), DIDKey.did(for: key.publicKey) == holderDID else {
            throw ValidationError(field: "sealedHolderKey", "does not hold the key of \(holderDID)")
        }
        return secret
    }

    static func derive(_ passphrase: String, _ sealed: SealedKey) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: Array(passphrase.utf8), salt: sealed.salt, outputByteCount: 32, rounds: 1 << sealed.logN,
            blockSize: sealed.blockSize, parallelism: sealed.parallelism, maxMemory: scryptMemory + (16 << 20))
    }

    /// What the sealed key is bound to: the archive's header and the key's own parameters, as a
    /// JSON array (`["MochilaBackpackArchive", 1, holderDID, "scrypt", N, r, p, salt, "AES-256-GCM"]`).
    ///
    /// Note: `exportedAt`, `displayName` and `email` are left out: the same holder's key moved to
    /// another archive of theirs gives nothing away, and binding them would only tie the sealing
    /// to one export.
    static func associatedData(_ sealed: SealedKey, holderDID: String) -> [UInt8] {
        let header: JSONValue = [
            .string(archiveType), .number(Double(version)), .string(holderDID), "scrypt",
            .number(Double(1 << sealed.logN)), .number(Double(sealed.blockSize)), .number(Double(sealed.parallelism)),
            .string(base64(sealed.salt)), "AES-256-GCM",
        ]
        return header.serialized(.compact)
    }
}
