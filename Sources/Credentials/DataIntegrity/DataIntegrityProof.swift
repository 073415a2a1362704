import LinkedData

/// A Data Integrity proof (VC Data Integrity 1.0, section 2.1) of type `DataIntegrityProof`.
public struct DataIntegrityProof: Sendable, Hashable {
    public static let type = "DataIntegrityProof"

    /// The proof's members as they appear in the document, `proofValue` included.
    public var json: JSONObject

    public init(json: JSONObject) {
        self.json = json
    }

    public var id: String? { json["id"]?.stringValue }
    public var type: String? { json["type"]?.stringValue }
    public var cryptosuite: String? { json["cryptosuite"]?.stringValue }
    public var verificationMethod: String? { json["verificationMethod"]?.stringValue }
    public var proofPurpose: String? { json["proofPurpose"]?.stringValue }
    public var created: String? { json["created"]?.stringValue }
    public var expires: String? { json["expires"]?.stringValue }
    public var proofValue: String? { json["proofValue"]?.stringValue }
    public var challenge: String? { json["challenge"]?.stringValue }
    public var domain: [String] { json["domain"]?.asArray.compactMap(\.stringValue) ?? [] }
    /// Ids of the proofs this one chains to (`previousProof`, a string or a list).
    public var previousProof: [String] { json["previousProof"]?.asArray.compactMap(\.stringValue) ?? [] }

    /// The proof's options: the proof without `proofValue`.
    public var options: JSONObject {
        var options = json
        options.removeValue(forKey: "proofValue")
        return options
    }
}

/// Options for a new proof.
public struct ProofOptions: Sendable {
    public var verificationMethod: String
    public var proofPurpose: String
    /// The `created` timestamp as an XML Schema dateTimeStamp; `nil` leaves it out.
    public var created: String?
    public var id: String?
    public var challenge: String?
    public var domain: String?
    public var previousProof: [String]

    public init(
        verificationMethod: String, proofPurpose: String = "assertionMethod", created: String? = nil,
        id: String? = nil, challenge: String? = nil, domain: String? = nil, previousProof: [String] = []
    ) {
        self.verificationMethod = verificationMethod
        self.proofPurpose = proofPurpose
        self.created = created
        self.id = id
        self.challenge = challenge
        self.domain = domain
        self.previousProof = previousProof
    }
}
