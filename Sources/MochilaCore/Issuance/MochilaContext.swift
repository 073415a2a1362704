import LinkedData

/// The JSON-LD terms Mochila adds to Open Badges 3.0 for the elements of the EU Council
/// Recommendation on micro-credentials (Annex I) and the region that OB 3.0 has no term for, and
/// the one OB 3.0 term its published contexts leave undefined.
///
/// The context travels inline in every credential, so any JSON-LD processor, including other
/// verifiers that load only the published VC and OB contexts, reads it without fetching
/// anything. Numbers carry no type coercion so that every processor turns them into the same RDF.
public enum MochilaContext {
    /// The namespace of Mochila's terms.
    public static let vocabulary = "https://w3id.org/mochila/vocab#"

    public static let vc2 = "https://www.w3.org/ns/credentials/v2"
    public static let openBadges = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    public static let openBadgesSchema =
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"

    /// The inline context object.
    public static let inline: JSONValue = {
        var object = JSONObject()
        object["mc"] = .string(vocabulary)
        for term in [
            "formality", "participationForm", "assessmentType", "assessmentDescription", "qualityAssurance",
            "workloadHours", "creditSystem", "creditValue", "nationalLevel", "prerequisites", "supervision",
            "gradingScheme", "stackability", "stackabilityDescription", "furtherInformation", "LearningOutcome",
            "CreditValue",
        ] {
            object[term] = .string("mc:" + term)
        }
        object["credit"] = ["@id": "mc:credit", "@container": "@set"]
        object["learningOutcome"] = ["@id": "mc:learningOutcome", "@container": "@list"]
        object["relatedSkill"] = ["@id": "mc:relatedSkill", "@type": "@id", "@container": "@set"]
        object["eqfLevel"] = ["@id": "mc:eqfLevel", "@type": "@id"]
        object["supersedes"] = ["@id": "mc:supersedes", "@type": "@id"]
        // A second status entry (suspension) where OB 3.0 allows only one credentialStatus.
        object["suspensionStatus"] = "mc:suspensionStatus"
        object["validityPeriod"] = ["@id": "mc:validityPeriod", "@type": "http://www.w3.org/2001/XMLSchema#duration"]
        // The credentialSchema type OB 3.0 uses, with the IRI 1EdTech's extensions context gives it
        // (neither the VC 2.0 nor the OB 3.0.3 context defines it).
        object["1EdTechJsonSchemaValidator2019"] = "https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019"
        return .object(object)
    }()

    /// The `@context` of a Mochila micro-credential.
    public static let credentialContext: JSONValue = [.string(vc2), .string(openBadges), inline]
}
