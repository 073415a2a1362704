import Foundation
import Synchronization

/// A document a ``DocumentLoader`` returned: the JSON-LD API's `RemoteDocument`
/// ([§ 9.2.2](https://www.w3.org/TR/json-ld11-api/#remotedocument)), without the HTTP details.
public struct RemoteDocument: Sendable, Hashable {
    /// The final URL of the document, after any redirects; relative context URLs in it resolve
    /// against this.
    public var documentURL: String
    /// The parsed document.
    public var document: JSONValue

    public init(documentURL: String, document: JSONValue) {
        self.documentURL = documentURL
        self.document = document
    }
}

/// Dereferences the URLs of remote contexts: the JSON-LD API's `LoadDocumentCallback`
/// ([§ 9.2.3](https://www.w3.org/TR/json-ld11-api/#loaddocumentcallback)).
///
/// Loaders are synchronous and must not touch the network in Mochila: credentials are verified
/// against contexts the verifier already holds, as the VC data model recommends.
public protocol DocumentLoader: Sendable {
    /// The document at `url`.
    /// - Throws: ``JSONLDError`` with code ``JSONLDError/Code/loadingDocumentFailed`` when the loader
    ///   does not serve `url`.
    func loadDocument(at url: String) throws -> RemoteDocument

    /// Where processed contexts are kept between documents, or `nil` not to keep them.
    ///
    /// A processed context depends on the documents the loader returns, so each loader has its own.
    var contextCache: ContextCache? { get }
}

extension DocumentLoader {
    public var contextCache: ContextCache? { nil }
}

/// The contexts bundled with Mochila, and nothing else.
///
/// `Resources/contexts/index.json` maps each served URL to a file; every other URL fails with
/// `loading document failed`. Files are parsed on first use and kept.
public final class BundledContexts: DocumentLoader {
    /// The loader over `Bundle.module`'s contexts.
    public static let shared = BundledContexts()

    public let contextCache: ContextCache? = ContextCache()

    private let directory: URL?
    private let index: [String: String]
    private let documents = Mutex<[String: RemoteDocument]>([:])

    private init() {
        let directory = Bundle.module.url(forResource: "contexts", withExtension: nil)
        var index: [String: String] = [:]
        if let directory,
            let data = try? Data(contentsOf: directory.appendingPathComponent("index.json")),
            let value = try? JSONValue(parsing: data),
            let object = value.objectValue
        {
            for (url, file) in object {
                if let file = file.stringValue { index[url] = file }
            }
        }
        self.directory = directory
        self.index = index
    }

    /// The URLs this loader serves.
    public var urls: [String] { index.keys.sorted() }

    public func loadDocument(at url: String) throws -> RemoteDocument {
        if let cached = documents.withLock({ $0[url] }) { return cached }
        guard let file = index[url], let directory else {
            throw JSONLDError(
                .loadingDocumentFailed, "\(url) is not one of the bundled contexts; only those are loaded")
        }
        let document: JSONValue
        do {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            document = try JSONValue(parsing: data)
        } catch {
            throw JSONLDError(.loadingDocumentFailed, "the bundled context \(file) for \(url) could not be read: \(error)")
        }
        let remote = RemoteDocument(documentURL: url, document: document)
        documents.withLock { $0[url] = remote }
        return remote
    }
}
