import Credentials
import Foundation
import LinkedData
import MochilaCore
import MochilaStore

/// The network's catalogue on a node: the published specs of its institutions, served as a feed,
/// and the feeds of federated nodes, pulled from their URLs.
extension Node {
    /// This node's entries: the latest version of each spec of each institution.
    public func localCatalogue() async throws -> [CatalogueEntry] {
        var institutions: [UUID: Institution] = [:]
        for institution in try await store.institutions() { institutions[institution.id] = institution }
        return try await store.latestSpecs(institutionID: nil).compactMap { spec in
            institutions[spec.institutionID].map { CatalogueEntry(spec: spec, institution: $0, baseURL: publicURL) }
        }
    }

    /// This node's feed, for federated nodes to pull.
    public func catalogueFeed() async throws -> JSONValue {
        Catalogue.feed(try await localCatalogue(), node: publicURL, generatedAt: clock())
    }

    /// Every entry: this node's, then each federated node's (a feed that cannot be read is left
    /// out, and logged).
    public func catalogue() async throws -> [CatalogueEntry] {
        var entries = try await localCatalogue()
        var seen = Set(entries.map(\.id))
        for source in try await store.catalogueSources() {
            do {
                for entry in try Catalogue.entries(of: try JSONValue(parsing: Array(source.feed.utf8), limits: JSONLimits(maxBytes: 64 << 20)))
                where seen.insert(entry.id).inserted {
                    entries.append(entry)
                }
            } catch {
                logger.error("the catalogue feed of \(source.url) cannot be read: \(error)")
            }
        }
        return entries
    }

    /// Federates with another node: pulls its feed now (and on each refresh).
    /// - Throws: ``ValidationError`` when the URL cannot be fetched or is not a feed.
    public func federateCatalogue(url: String) async throws -> Int {
        let url = url.trimmingCharacters(in: .whitespacesAndNewlines)
        let feed = try await fetchDocument(url, what: "another node's /catalogue.json")
        let entries = try Catalogue.entries(of: feed)
        try await store.putCatalogueSource(url: url, feed: feed.serializedString(), at: clock())
        return entries.count
    }

    /// Pulls every federated feed again; one that fails keeps its last copy.
    public func refreshCatalogues() async throws -> [(url: String, problem: String?)] {
        try await refresh(try await store.catalogueSources().map(\.url)) { url in _ = try await federateCatalogue(url: url) }
    }
}
