import OrderedCollections

/// The members of a JSON object, in the order they were read or added.
///
/// Order is kept so that a document printed back reads as it was written; equality and hashing
/// ignore it, as JSON does.
public struct JSONObject: Sendable {
    @usableFromInline var storage: OrderedDictionary<String, JSONValue>

    /// An empty object.
    public init() { storage = [:] }

    /// An object with the given members, in order; a later duplicate key replaces the earlier value.
    public init(_ members: [(String, JSONValue)]) {
        storage = [:]
        storage.reserveCapacity(members.count)
        for (key, value) in members { storage[key] = value }
    }

    /// The value of `key`, or `nil`; assigning `nil` removes the member.
    @inlinable
    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set { storage[key] = newValue }
    }

    /// The keys in member order.
    public var keys: [String] { Array(storage.keys) }

    /// The number of members.
    public var count: Int { storage.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { storage.isEmpty }

    /// Removes `key` and returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        storage.removeValue(forKey: key)
    }

    /// Reserves room for `capacity` members.
    public mutating func reserveCapacity(_ capacity: Int) {
        storage.reserveCapacity(capacity)
    }
}

extension JSONObject: Sequence {
    public typealias Element = (key: String, value: JSONValue)

    public func makeIterator() -> OrderedDictionary<String, JSONValue>.Iterator {
        storage.makeIterator()
    }
}

extension JSONObject: Hashable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.storage.count == rhs.storage.count else { return false }
        for (key, value) in lhs.storage {
            guard rhs.storage[key] == value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine the members' own hashes commutatively.
        var combined = 0
        for (key, value) in storage {
            var member = Hasher()
            member.combine(key)
            member.combine(value)
            combined ^= member.finalize()
        }
        hasher.combine(storage.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
