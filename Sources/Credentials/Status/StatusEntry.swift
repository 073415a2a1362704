import LinkedData

/// A `credentialStatus` entry of type `BitstringStatusListEntry`: section 2.1 of
/// [Bitstring Status List v1.0](https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistentry).
public struct BitstringStatusListEntry: Sendable, Hashable {
    public static let type = "BitstringStatusListEntry"

    /// The purposes the spec defines; any other string is allowed and kept as it is.
    public enum Purpose {
        public static let refresh = "refresh"
        public static let revocation = "revocation"
        public static let suspension = "suspension"
        public static let message = "message"
    }

    /// One element of `statusMessage`: a status value and the message an issuer gives it.
    public struct StatusMessage: Sendable, Hashable {
        public var status: Int
        public var message: String

        public init(status: Int, message: String) {
            self.status = status
            self.message = message
        }
    }

    public var id: String?
    public var statusPurpose: String
    /// The position of the credential's status; the list reads it at `statusListIndex × statusSize`.
    public var statusListIndex: Int
    /// The URL of the `BitstringStatusListCredential`.
    public var statusListCredential: String
    /// The size of the status in bits; 1 when absent.
    public var statusSize: Int
    public var statusMessage: [StatusMessage]?
    public var statusReference: [String]?

    public init(
        id: String? = nil, statusPurpose: String, statusListIndex: Int, statusListCredential: String, statusSize: Int = 1,
        statusMessage: [StatusMessage]? = nil, statusReference: [String]? = nil
    ) {
        self.id = id
        self.statusPurpose = statusPurpose
        self.statusListIndex = statusListIndex
        self.statusListCredential = statusListCredential
        self.statusSize = statusSize
        self.statusMessage = statusMessage
        self.statusReference = statusReference
    }

    /// Reads and validates an entry against the MUST statements of section 2.1.
    /// - Throws: ``CredentialsError/Code/malformedValue`` naming the first property that breaks one.
    public init(json: JSONObject) throws {
        func malformed(_ reason: String) -> CredentialsError { CredentialsError(.malformedValue, reason) }
        guard json["type"]?.asArray.contains(.string(BitstringStatusListEntry.type)) == true else {
            throw malformed("the type must be \(BitstringStatusListEntry.type)")
        }
        guard let purpose = json["statusPurpose"]?.stringValue, !purpose.isEmpty else {
            throw malformed("statusPurpose must be a string")
        }
        guard let list = json["statusListCredential"]?.stringValue, CredentialVerifier.isURL(list) else {
            throw malformed("statusListCredential must be a URL")
        }
        var id: String? = nil
        if let value = json["id"] {
            guard let text = value.stringValue, CredentialVerifier.isURL(text) else { throw malformed("id must be a URL") }
            guard text != list else { throw malformed("id must not be the URL of the status list") }
            id = text
        }
        let index: Int
        switch json["statusListIndex"] {
        case .string(let text)?:
            guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw malformed("statusListIndex must be a non-negative integer in base 10, as a string: \"\(text)\"")
            }
            // An arbitrary size integer: one too large for Int is outside any list we accept.
            index = Int(text) ?? Int.max
        case .number(let number)? where number >= 0 && number == number.rounded() && number < 9e15:
            // Note: the spec requires a string; 1EdTech's validator and its fixtures write a JSON
            // number. It names the same bit, and refusing it would hide a revocation as "unknown".
            index = Int(number)
        default:
            throw malformed("statusListIndex must be a non-negative integer in base 10, as a string")
        }
        var size = 1
        if let value = json["statusSize"] {
            guard let number = value.numberValue, number == number.rounded(), number >= 1, number < 1e9 else {
                throw malformed("statusSize must be an integer greater than zero")
            }
            size = Int(number)
        }
        var messages: [StatusMessage]? = nil
        if let value = json["statusMessage"] {
            messages = try BitstringStatusListEntry.statusMessages(value, size: size)
        } else if size > 1 {
            throw malformed("statusMessage must be present when statusSize is greater than 1")
        }
        var references: [String]? = nil
        if let value = json["statusReference"] {
            let urls = value.asArray.compactMap(\.stringValue)
            guard !urls.isEmpty, urls.count == value.asArray.count, urls.allSatisfy(CredentialVerifier.isURL) else {
                throw malformed("statusReference must be a URL or an array of URLs")
            }
            references = urls
        }
        self.init(
            id: id, statusPurpose: purpose, statusListIndex: index, statusListCredential: list, statusSize: size,
            statusMessage: messages, statusReference: references)
    }

    /// `statusMessage`: an array of 2^statusSize objects with a `status` ("0x" and hexadecimal
    /// digits) and a `message` string; each value appears once.
    static func statusMessages(_ value: JSONValue, size: Int) throws -> [StatusMessage] {
        guard let array = value.arrayValue else {
            throw CredentialsError(.malformedValue, "statusMessage must be an array")
        }
        guard size <= 20, array.count == 1 << size else {
            let expected = size <= 20 ? String(1 << size) : "2^\(size)"
            throw CredentialsError(.malformedValue, "statusMessage must have \(expected) elements, one for each status value")
        }
        var messages: [StatusMessage] = []
        for element in array {
            guard let text = element["status"]?.stringValue, text.hasPrefix("0x"),
                let status = Int(text.dropFirst(2), radix: 16), status < 1 << size
            else {
                throw CredentialsError(.malformedValue, "each statusMessage needs a status in hexadecimal with 0x, below 2^statusSize")
            }
            guard let message = element["message"]?.stringValue else {
                throw CredentialsError(.malformedValue, "each statusMessage needs a message string")
            }
            guard !messages.contains(where: { $0.status == status }) else {
                throw CredentialsError(.malformedValue, "statusMessage gives the status \(text) twice")
            }
            messages.append(StatusMessage(status: status, message: message))
        }
        return messages
    }

    /// The entry as JSON, for an issuer to put in `credentialStatus`; `statusListIndex` is a string.
    public var json: JSONObject {
        var object = JSONObject()
        if let id { object["id"] = .string(id) }
        object["type"] = .string(BitstringStatusListEntry.type)
        object["statusPurpose"] = .string(statusPurpose)
        object["statusListIndex"] = .string(String(statusListIndex))
        object["statusListCredential"] = .string(statusListCredential)
        if statusSize != 1 { object["statusSize"] = .number(Double(statusSize)) }
        if let statusMessage {
            object["statusMessage"] = .array(
                statusMessage.map { ["status": .string("0x" + String($0.status, radix: 16)), "message": .string($0.message)] })
        }
        if let statusReference {
            object["statusReference"] =
                statusReference.count == 1 ? .string(statusReference[0]) : .array(statusReference.map { .string($0) })
        }
        return object
    }

    /// The message for a status value: from `statusMessage`, else "set" for 1 and "unset" for 0.
    public func message(for status: Int) -> String? {
        if let statusMessage { return statusMessage.first { $0.status == status }?.message }
        switch status {
        case 0: return "unset"
        case 1: return "set"
        default: return nil
        }
    }
}
