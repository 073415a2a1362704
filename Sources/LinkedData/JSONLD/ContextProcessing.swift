/// The Context Processing algorithm
/// ([JSON-LD 1.1 API § 4.1.2](https://www.w3.org/TR/json-ld11-api/#algorithm)).
extension JSONLDEngine {
    /// The active context that results from applying `local` to `active`.
    ///
    /// Calls without remote contexts in progress (every call from expansion) are cached in the
    /// loader's ``ContextCache``; `scoped` names a term's scoped context so that its key need not
    /// hash the context's JSON.
    func processContext(
        active: ActiveContext, local: JSONValue, baseURL: String?, remoteContexts: [String] = [],
        overrideProtected: Bool = false, propagate: Bool = true, validateScopedContext: Bool = true,
        scoped: ScopedContext? = nil, depth: Int = 0
    ) throws -> ActiveContext {
        if depth > options.maxDepth {
            throw JSONLDError(.depthLimitExceeded, "contexts nest deeper than \(options.maxDepth) levels")
        }
        guard remoteContexts.isEmpty, let cache else {
            return try processContextUncached(
                active: active, local: local, baseURL: baseURL, remoteContexts: remoteContexts,
                overrideProtected: overrideProtected, propagate: propagate,
                validateScopedContext: validateScopedContext, depth: depth)
        }
        let key = ContextCache.Key(
            parent: active.id, local: scoped.map { .scoped($0.id) } ?? .value(local), baseURL: baseURL,
            overrideProtected: overrideProtected, propagate: propagate,
            validateScopedContext: validateScopedContext, options: options.contextKey)
        if let hit = cache.context(for: key) { return hit }
        let result = try processContextUncached(
            active: active, local: local, baseURL: baseURL, remoteContexts: remoteContexts,
            overrideProtected: overrideProtected, propagate: propagate,
            validateScopedContext: validateScopedContext, depth: depth)
        cache.store(result, for: key)
        return result
    }

    private func processContextUncached(
        active: ActiveContext, local: JSONValue, baseURL: String?, remoteContexts: [String],
        overrideProtected: Bool, propagate: Bool, validateScopedContext: Bool, depth: Int
    ) throws -> ActiveContext {
        // 1. Clone the active context.
        // Note: the clone is made when first changed, so that a result that is still another
        // context (a cached remote context, say) keeps that context's identity for cache keys.
        var result = active
        var owned = false
        func mutableResult() -> ActiveContext {
            if !owned {
                result = result.clone()
                owned = true
            }
            return result
        }
        // 2. A local context object's @propagate overrides the propagate flag (checked in 5.11).
        var propagate = propagate
        if case .bool(let value)? = local["@propagate"] { propagate = value }
        // 3. A non-propagated context remembers the context to revert to.
        if !propagate && result.previousContext == nil { mutableResult().previousContext = active }
        // 4. Make the local context an array.
        let contexts = local.arrayValue ?? [local]
        var remoteContexts = remoteContexts
        // Note: "remote contexts is empty" in 5.7 is taken as "this call is not processing a remote
        // context", so that a URL earlier in the same array does not disable a later @base.
        let isRemote = !remoteContexts.isEmpty
        // 5. Process each context.
        for context in contexts {
            switch context {
            case .null:
                // 5.1.1 Protected terms cannot be cleared, except by a scoped context.
                if !overrideProtected && result.hasProtectedTerms {
                    throw JSONLDError(.invalidContextNullification, "a null context would clear protected terms")
                }
                // 5.1.2 A new active context keeping the original base URL.
                let previous = result
                result = ActiveContext(base: active.originalBaseURL)
                owned = true
                if !propagate { result.previousContext = previous }
                // 5.1.3
                continue
            case .string(let reference):
                // 5.2.1 Resolve the reference against the base URL.
                if baseURL == nil && !IRI.isAbsolute(reference) {
                    throw JSONLDError(.loadingDocumentFailed, "the relative context URL \(reference) has no base to resolve against")
                }
                let url = IRI.resolve(reference, against: baseURL)
                // 5.2.2 When validating a scoped context, do not follow a cycle.
                if !validateScopedContext && remoteContexts.contains(url) { continue }
                // 5.2.3 Bound the chain of remote contexts.
                if remoteContexts.count >= options.maxRemoteContexts {
                    throw JSONLDError(
                        .contextOverflow, "more than \(options.maxRemoteContexts) remote contexts in one chain, at \(url)")
                }
                remoteContexts.append(url)
                result = try applyRemoteContext(
                    url, to: result, remoteContexts: remoteContexts, overrideProtected: overrideProtected,
                    validateScopedContext: validateScopedContext, depth: depth)
                owned = false
                // 5.2.7
                continue
            case .object(let definition):
                // 5.4 A context definition.
                try applyContextDefinition(
                    definition, to: mutableResult(), baseURL: baseURL, isRemote: isRemote, remoteContexts: remoteContexts,
                    overrideProtected: overrideProtected, validateScopedContext: validateScopedContext, depth: depth)
            default:
                // 5.3
                throw JSONLDError(.invalidLocalContext, "a context must be null, a string or an object, not \(context.typeName)")
            }
        }
        // 6.
        return result
    }

    /// Steps 5.2.4 to 5.2.6: dereference a remote context and apply it.
    ///
    /// Note: the loader keeps parsed documents (5.2.4), and the result of applying a URL to a
    /// context is cached like other results; the override protected flag is passed on to the
    /// remote context's terms, as jsonld.js does, so that a scoped context given by URL may redefine
    /// protected terms.
    private func applyRemoteContext(
        _ url: String, to result: ActiveContext, remoteContexts: [String], overrideProtected: Bool,
        validateScopedContext: Bool, depth: Int
    ) throws -> ActiveContext {
        let key = ContextCache.Key(
            parent: result.id, local: .remote(url), baseURL: nil, overrideProtected: overrideProtected,
            propagate: true, validateScopedContext: validateScopedContext, options: options.contextKey)
        if validateScopedContext, let hit = cache?.context(for: key) { return hit }
        // 5.2.5 Dereference the context.
        let remote: RemoteDocument
        do {
            remote = try loader.loadDocument(at: url)
        } catch let error as JSONLDError {
            // 5.2.5.1
            throw JSONLDError(.loadingRemoteContextFailed, "\(url): \(error.message)")
        } catch {
            throw JSONLDError(.loadingRemoteContextFailed, "\(url): \(error)")
        }
        // 5.2.5.2-3 The document must be an object with an @context entry.
        guard case .object(let document) = remote.document, let loaded = document["@context"] else {
            throw JSONLDError(.invalidRemoteContext, "\(url) has no top-level @context entry")
        }
        // 5.2.6 Apply it, relative to the document's URL.
        let applied = try processContext(
            active: result, local: loaded, baseURL: remote.documentURL, remoteContexts: remoteContexts,
            overrideProtected: overrideProtected, validateScopedContext: validateScopedContext, depth: depth + 1)
        if validateScopedContext { cache?.store(applied, for: key) }
        return applied
    }

    /// Steps 5.5 to 5.13: apply a context definition to `result`.
    private func applyContextDefinition(
        _ definition: JSONObject, to result: ActiveContext, baseURL: String?, isRemote: Bool,
        remoteContexts: [String], overrideProtected: Bool, validateScopedContext: Bool, depth: Int
    ) throws {
        var context = definition
        // 5.5 @version must be 1.1.
        if let version = context["@version"] {
            guard version == .number(1.1) else {
                throw JSONLDError(.invalidVersionValue, "@version must be 1.1, not \(version.serializedString())")
            }
            if isJSONLD10 {
                throw JSONLDError(.processingModeConflict, "@version 1.1 in json-ld-1.0 processing mode")
            }
        }
        // 5.6 @import merges another context definition under this one.
        if let importValue = context["@import"] {
            if isJSONLD10 { throw JSONLDError(.invalidContextEntry, "@import in json-ld-1.0 processing mode") }
            guard case .string(let reference) = importValue else {
                throw JSONLDError(.invalidImportValue, "@import must be a string, not \(importValue.typeName)")
            }
            let url = IRI.resolve(reference, against: baseURL)
            let remote: RemoteDocument
            do {
                remote = try loader.loadDocument(at: url)
            } catch let error as JSONLDError {
                throw JSONLDError(.loadingRemoteContextFailed, "@import \(url): \(error.message)")
            } catch {
                throw JSONLDError(.loadingRemoteContextFailed, "@import \(url): \(error)")
            }
            guard case .object(let document) = remote.document, case .object(let imported)? = document["@context"]
            else {
                throw JSONLDError(.invalidRemoteContext, "@import \(url) has no context definition in its @context entry")
            }
            if imported["@import"] != nil {
                throw JSONLDError(.invalidContextEntry, "the context imported from \(url) has an @import entry of its own")
            }
            var merged = imported
            for (key, value) in context { merged[key] = value }
            context = merged
        }
        // 5.7 @base, only outside remote contexts.
        if let value = context["@base"], !isRemote {
            switch value {
            case .null:
                result.baseIRI = nil
            case .string(let base) where IRI.isAbsolute(base):
                result.baseIRI = base
            case .string(let base) where result.baseIRI != nil:
                result.baseIRI = IRI.resolve(base, against: result.baseIRI)
            default:
                throw JSONLDError(.invalidBaseIRI, "@base \(value.serializedString()) is neither an IRI nor resolvable")
            }
        }
        // 5.8 @vocab.
        if let value = context["@vocab"] {
            switch value {
            case .null:
                result.vocab = nil
            case .string(let vocab):
                if isJSONLD10 && !IRI.isAbsolute(vocab) {
                    throw JSONLDError(.invalidVocabMapping, "@vocab must be an absolute IRI in json-ld-1.0: \(vocab)")
                }
                // Note: expanded with vocab true as well as document relative, as jsonld.js does,
                // so that a relative @vocab appends to the previous vocabulary mapping.
                let expanded = try expandIRI(vocab, active: result, documentRelative: true, vocab: true)
                guard let expanded, expanded.utf8.contains(UInt8(ascii: ":")) else {
                    throw JSONLDError(.invalidVocabMapping, "@vocab \(vocab) does not expand to an IRI or blank node identifier")
                }
                result.vocab = expanded
            default:
                throw JSONLDError(.invalidVocabMapping, "@vocab must be a string or null, not \(value.typeName)")
            }
        }
        // 5.9 @language.
        if let value = context["@language"] {
            switch value {
            case .null: result.defaultLanguage = nil
            case .string(let language): result.defaultLanguage = language
            default:
                throw JSONLDError(.invalidDefaultLanguage, "@language must be a string or null, not \(value.typeName)")
            }
        }
        // 5.10 @direction.
        if let value = context["@direction"] {
            if isJSONLD10 { throw JSONLDError(.invalidContextEntry, "@direction in json-ld-1.0 processing mode") }
            switch value {
            case .null: result.defaultDirection = nil
            case .string(let direction) where direction == "ltr" || direction == "rtl":
                result.defaultDirection = direction
            default:
                throw JSONLDError(.invalidBaseDirection, "@direction must be \"ltr\", \"rtl\" or null, not \(value.serializedString())")
            }
        }
        // 5.11 @propagate (its effect was taken in steps 2 and 3).
        if let value = context["@propagate"] {
            if isJSONLD10 { throw JSONLDError(.invalidContextEntry, "@propagate in json-ld-1.0 processing mode") }
            guard case .bool = value else {
                throw JSONLDError(.invalidPropagateValue, "@propagate must be true or false, not \(value.serializedString())")
            }
        }
        var protected = false
        if let value = context["@protected"] {
            guard case .bool(let flag) = value else {
                throw JSONLDError(.invalidProtectedValue, "@protected must be true or false, not \(value.serializedString())")
            }
            protected = flag
        }
        // 5.12-5.13 Create a term definition for every other entry.
        let scope = TermScope(
            local: context, baseURL: baseURL, protected: protected, overrideProtected: overrideProtected,
            remoteContexts: remoteContexts, validateScopedContext: validateScopedContext, depth: depth)
        for (key, _) in context {
            switch key {
            case "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab":
                continue
            default:
                try createTermDefinition(key, in: result, scope: scope)
            }
        }
    }
}

/// The inputs of Create Term Definition that stay the same for every term of one context
/// definition, with the `defined` map the algorithm shares between them.
///
/// Note: terms defined on demand through IRI expansion (API § 5.2.2, steps 3 and 6.3) receive the
/// same base URL, `@protected` value and flags as the context's other terms, as jsonld.js does;
/// the spec passes only the active context, local context and `defined`.
final class TermScope {
    let local: JSONObject
    var defined: [String: Bool] = [:]
    let baseURL: String?
    let protected: Bool
    let overrideProtected: Bool
    let remoteContexts: [String]
    let validateScopedContext: Bool
    /// How deeply scoped contexts are nested at this context definition.
    let depth: Int
    /// How many term definitions of this context are being created, each waiting on the next.
    var pending = 0

    init(
        local: JSONObject, baseURL: String?, protected: Bool, overrideProtected: Bool, remoteContexts: [String],
        validateScopedContext: Bool, depth: Int
    ) {
        self.depth = depth
        self.local = local
        self.baseURL = baseURL
        self.protected = protected
        self.overrideProtected = overrideProtected
        self.remoteContexts = remoteContexts
        self.validateScopedContext = validateScopedContext
    }
}
