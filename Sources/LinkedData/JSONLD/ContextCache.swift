import Synchronization

/// Processed contexts kept between documents, so that a credential's contexts are processed once.
///
/// Thread-safe. Results are keyed by the context they were applied to, the local context (a URL,
/// an inline value, or a term's scoped context) and the inputs that change the result. The cache
/// holds at most `capacity` entries and starts afresh when full, so hostile input cannot grow it
/// without bound.
public final class ContextCache: Sendable {
    struct Key: Hashable, Sendable {
        enum Local: Hashable, Sendable {
            case value(JSONValue)
            case scoped(UInt64)
            case remote(String)
        }
        var parent: UInt64
        var local: Local
        var baseURL: String?
        var overrideProtected: Bool
        var propagate: Bool
        var validateScopedContext: Bool
        var options: Int
    }

    struct InitialKey: Hashable, Sendable {
        var base: String?
    }

    private let capacity: Int
    private let entries = Mutex<[Key: ActiveContext]>([:])
    private let initial = Mutex<[InitialKey: ActiveContext]>([:])

    /// A cache holding up to `capacity` processed contexts.
    public init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The number of processed contexts held.
    public var count: Int { entries.withLock { $0.count } }

    /// Forgets every processed context.
    public func removeAll() {
        entries.withLock { $0.removeAll() }
        initial.withLock { $0.removeAll() }
    }

    func context(for key: Key) -> ActiveContext? {
        entries.withLock { $0[key] }
    }

    func store(_ context: ActiveContext, for key: Key) {
        entries.withLock {
            if $0.count >= capacity { $0.removeAll(keepingCapacity: true) }
            $0[key] = context
        }
    }

    /// The one initial context for `base`, so that contexts applied to it hit the cache.
    func initialContext(base: String?) -> ActiveContext {
        initial.withLock {
            if let context = $0[InitialKey(base: base)] { return context }
            if $0.count >= capacity { $0.removeAll(keepingCapacity: true) }
            let context = ActiveContext(base: base)
            $0[InitialKey(base: base)] = context
            return context
        }
    }
}
