import Foundation

/// The expansions made while one task checks one document, so that two checks that expand the
/// same input do it once.
///
/// Verifying a credential expands it twice: the VC data model check (every term and type must
/// map to a URL) and the RDFC-1.0 canonicalization of its proof both expand the credential
/// without its proof. A verifier binds a scratch (``current``) for the length of one
/// verification; ``JSONLDProcessor`` then looks an expansion up before computing it and keeps
/// what it computed. An entry matches only the same document (compared in full), base, options
/// and loader (the same object), so the result is the one expansion would give: expansion is a
/// function of those four. Loaders that are not classes are never matched. Errors are not kept.
public final class ExpansionScratch: @unchecked Sendable {
    /// The scratch of the current task, if its caller bound one.
    @TaskLocal public static var current: ExpansionScratch?

    /// At most this many expansions are kept (a credential, and a couple of others).
    static let capacity = 4

    private struct Entry {
        let document: JSONValue
        let base: String?
        let options: JSONLDOptions
        let loader: ObjectIdentifier
        let expanded: JSONValue
    }

    private let lock = NSLock()
    private var entries: [Entry] = []
    private var found = 0

    public init() {}

    /// How many expansions were taken from the scratch rather than computed.
    public var hits: Int { lock.withLock { found } }

    func expanded(_ document: JSONValue, base: String?, options: JSONLDOptions, loader: any DocumentLoader) -> JSONValue? {
        guard let loader = Self.identity(of: loader) else { return nil }
        let candidates = lock.withLock { entries.filter { $0.loader == loader && $0.base == base && $0.options == options } }
        guard let hit = candidates.first(where: { $0.document == document }) else { return nil }
        lock.withLock { found += 1 }
        return hit.expanded
    }

    func keep(_ expanded: JSONValue, of document: JSONValue, base: String?, options: JSONLDOptions, loader: any DocumentLoader) {
        guard let loader = Self.identity(of: loader) else { return }
        lock.withLock {
            if entries.count >= Self.capacity { entries.removeFirst() }
            entries.append(Entry(document: document, base: base, options: options, loader: loader, expanded: expanded))
        }
    }

    private static func identity(of loader: any DocumentLoader) -> ObjectIdentifier? {
        guard type(of: loader) is AnyClass else { return nil }
        return ObjectIdentifier(loader as AnyObject)
    }
}
