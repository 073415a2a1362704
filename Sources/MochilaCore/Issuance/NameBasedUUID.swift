import Crypto
import Foundation

extension UUID {
    /// A name-based UUID, version 5 (RFC 9562, section 5.5): the same namespace and name always
    /// give the same UUID.
    public init(namespace: UUID, name: String) {
        var bytes = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        bytes.append(contentsOf: Array(name.utf8))
        var digest = Array(Insecure.SHA1.hash(data: bytes).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        self = digest.withUnsafeBytes { UUID(uuid: $0.load(as: uuid_t.self)) }
    }
}
