import Credentials
import Dispatch
import Foundation
import Synchronization

/// The ESCO skills, knowledge concepts and occupations bundled with Mochila, for finding the
/// skills a micro-credential's learning outcomes develop.
///
/// The bundled catalogue (``bundled``) is read and indexed on first use, from
/// `Resources/esco/esco_skills.jsonl.gz` and `esco_occupations.jsonl.gz`, and never changes
/// afterwards, so every task can share it. Wherever ESCO terms are shown, show ``notice`` and
/// ``modificationNotice`` too: ESCO's terms of use require both.
public final class ESCOCatalog: Sendable {
    /// Every concept, sorted by URI.
    public let concepts: [ESCOConcept]
    /// ``kindBit(_:)`` of each concept's kind, for the search's filter.
    let conceptKinds: [UInt8]
    let index: ESCOIndex

    /// ESCO's required acknowledgement, for every page or document that shows ESCO terms.
    public static let notice: [Language: String] = [
        .es: "Este servicio utiliza la clasificación ESCO de la Comisión Europea.",
        .pt: "Este serviço utiliza a classificação ESCO da Comissão Europeia.",
        .en: "This service uses the ESCO classification of the European Commission.",
    ]

    /// The statement ESCO's terms require of a modified version, which Mochila's copy is.
    public static let modificationNotice: [Language: String] = [
        .es: "Los datos de ESCO que se muestran son una versión modificada (reducida, reformateada y combinada), no una publicación oficial de ESCO.",
        .pt: "Os dados da ESCO apresentados são uma versão modificada (reduzida, reformatada e combinada), não uma publicação oficial da ESCO.",
        .en: "The ESCO data shown is a modified (reduced, reformatted and merged) version, not an official ESCO release.",
    ]

    /// The catalogue bundled with Mochila, read and indexed once, on first use (thread-safe).
    public static let bundled: ESCOCatalog = {
        do {
            return try ESCOCatalog(directory: Bundle.module.resourceURL!.appendingPathComponent("esco"))
        } catch {
            fatalError("the bundled ESCO data could not be read: \(error)")
        }
    }()

    /// A catalogue of `concepts`, indexed for search.
    public init(concepts: [ESCOConcept]) {
        var sorted = concepts
        if !zip(sorted, sorted.dropFirst()).allSatisfy({ $0.uri < $1.uri }) { sorted.sort { $0.uri < $1.uri } }
        self.concepts = sorted
        self.conceptKinds = sorted.map { ESCOCatalog.kindBit($0.kind) }
        self.index = ESCOIndex(concepts: sorted)
    }

    /// Reads `esco_occupations.jsonl.gz` and `esco_skills.jsonl.gz` from `directory`, both at once.
    /// - Throws: the file's read error, ``CredentialsError`` for data that is not GZIP, or
    ///   ``LineError`` for a line that is not a concept.
    convenience init(directory: URL) throws {
        let files = [("esco_occupations.jsonl.gz", true), ("esco_skills.jsonl.gz", false)]
        let results = Mutex<[Int: Result<[ESCOConcept], any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: files.count) { file in
            let result = Result {
                let compressed = try Data(contentsOf: directory.appendingPathComponent(files[file].0))
                let lines = try GZIP.decompress(Array(compressed), maxOutput: 64 << 20)
                return try ESCOCatalog.concepts(jsonLines: lines, occupations: files[file].1)
            }
            results.withLock { $0[file] = result }
        }
        var concepts: [ESCOConcept] = []
        for file in files.indices {
            try concepts.append(contentsOf: results.withLock { $0[file]! }.get())
        }
        self.init(concepts: concepts)
    }

    /// The concept with this URI, if the catalogue has it.
    public func concept(uri: String) -> ESCOConcept? {
        var low = 0
        var high = concepts.count
        while low < high {
            let middle = (low + high) / 2
            if concepts[middle].uri < uri { low = middle + 1 } else { high = middle }
        }
        return low < concepts.count && concepts[low].uri == uri ? concepts[low] : nil
    }

    static func kindBit(_ kind: ESCOConcept.Kind) -> UInt8 {
        UInt8(1) << UInt8(ESCOConcept.Kind.allCases.firstIndex(of: kind)!)
    }
}
