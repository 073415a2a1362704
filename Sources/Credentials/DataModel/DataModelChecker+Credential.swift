import LinkedData

/// The rules for a verifiable credential: VC 2.0 § 4.3 to § 4.11 and § 5.3 to § 5.10, or the
/// smaller VC 1.1 set (see ``VCDataModel``).
extension DataModelChecker {
    /// Checks a credential found at `path` (empty at the top, `verifiableCredential[0]` inside a
    /// presentation) and returns its data model version.
    @discardableResult
    mutating func checkCredential(_ credential: JSONObject, at path: String) -> VCDataModel.Version {
        if Self.isEnveloped(credential, as: "EnvelopedVerifiableCredential") {
            checkEnveloped(credential, at: path, type: "EnvelopedVerifiableCredential")
            return .v2
        }
        let version = checkContext(of: credential, at: path)
        checkType(of: credential, at: path, required: "VerifiableCredential")
        checkID(credential["id"], at: Self.member(path, "id"))
        checkIssuer(of: credential, at: path, version: version)
        checkSubjects(of: credential, at: path)
        switch version {
        case .v2:
            checkLanguageValue(credential["name"], at: Self.member(path, "name"), rule: .nameValue)
            checkLanguageValue(credential["description"], at: Self.member(path, "description"), rule: .descriptionValue)
            checkValidityPeriod(of: credential, at: path)
            checkTypedObjects("credentialStatus", of: credential, at: path, rule: .credentialStatusType)
            checkTypedObjects("refreshService", of: credential, at: path, rule: .refreshServiceType)
            checkTypedObjects("renderMethod", of: credential, at: path, rule: .renderMethodType)
            checkTypedObjects("confidenceMethod", of: credential, at: path, rule: .confidenceMethodType)
            checkRelatedResources(of: credential, at: path)
        case .v1:
            checkV1Dates(of: credential, at: path)
            checkTypedObjects("credentialStatus", of: credential, at: path, rule: .credentialStatusType, idRule: .credentialStatusID)
            checkTypedObjects("refreshService", of: credential, at: path, rule: .refreshServiceType, idRule: .refreshServiceID)
        }
        checkTypedObjects("credentialSchema", of: credential, at: path, rule: .credentialSchemaType, idRule: .credentialSchemaID)
        checkTypedObjects("evidence", of: credential, at: path, rule: .evidenceType)
        checkTypedObjects("termsOfUse", of: credential, at: path, rule: .termsOfUseType)
        checkTypedObjects("proof", of: credential, at: path, rule: .proofType)
        return version
    }

    // MARK: - Issuer (§ 4.7)

    mutating func checkIssuer(of credential: JSONObject, at path: String, version: VCDataModel.Version) {
        let issuerPath = Self.member(path, "issuer")
        guard let issuer = credential["issuer"] else {
            report(.issuerMissing, at: issuerPath)
            return
        }
        if Self.urlOrObjectID(issuer) == nil { report(.issuerURL, at: issuerPath) }
        if version == .v2, case .object(let object) = issuer {
            checkLanguageValue(object["name"], at: Self.member(issuerPath, "name"), rule: .nameValue)
            checkLanguageValue(object["description"], at: Self.member(issuerPath, "description"), rule: .descriptionValue)
        }
    }

    // MARK: - Credential subject (§ 4.8)

    /// Each subject is an object that makes at least one claim; an `id` alone is one, as the
    /// suite's `credential-ok.json` shows.
    mutating func checkSubjects(of credential: JSONObject, at path: String) {
        let subjectPath = Self.member(path, "credentialSubject")
        let entries = credential["credentialSubject"].map { Self.items($0, at: subjectPath) } ?? []
        guard !entries.isEmpty else {
            report(.subjectMissing, at: subjectPath)
            return
        }
        for (item, itemPath) in entries {
            guard case .object(let subject) = item else {
                report(.subjectValue, at: itemPath)
                continue
            }
            if subject.isEmpty { report(.subjectEmpty, at: itemPath) }
            checkID(subject["id"], at: Self.member(itemPath, "id"))
        }
    }

    // MARK: - Names and descriptions (§ 4.6, § 11.1)

    /// A string, a language value object, or an array of them (one per language).
    mutating func checkLanguageValue(_ value: JSONValue?, at path: String, rule: DataModelRule) {
        guard let value else { return }
        let entries = Self.items(value, at: path)
        if entries.isEmpty { report(rule, at: path) }
        for (item, itemPath) in entries {
            switch item {
            case .string: continue
            case .object(let object) where Self.isLanguageValueObject(object): continue
            default: report(rule, at: itemPath)
            }
        }
    }

    /// § 11.1: `@value` (a string), optionally `@language` (a BCP 47 tag) and `@direction` (`ltr`
    /// or `rtl`), and no other keys.
    static func isLanguageValueObject(_ object: JSONObject) -> Bool {
        guard object["@value"]?.stringValue != nil,
            object.keys.allSatisfy({ $0 == "@value" || $0 == "@language" || $0 == "@direction" })
        else { return false }
        if let language = object["@language"] {
            guard let tag = language.stringValue, DataModelSyntax.isLanguageTag(tag) else { return false }
        }
        if let direction = object["@direction"] {
            guard direction == "ltr" || direction == "rtl" else { return false }
        }
        return true
    }

    // MARK: - Validity period (§ 4.9)

    mutating func checkValidityPeriod(of credential: JSONObject, at path: String) {
        let from = dateTimeStamp("validFrom", of: credential, at: path, rule: .validFromDateTime)
        let until = dateTimeStamp("validUntil", of: credential, at: path, rule: .validUntilDateTime)
        if let from, let until, from.value > until.value {
            report(.validityOrder, at: Self.member(path, "validFrom"), from.text, until.text)
        }
    }

    /// The `dateTimeStamp` under `key`, or `nil` after reporting `rule` when it is not one.
    private mutating func dateTimeStamp(
        _ key: String, of credential: JSONObject, at path: String, rule: DataModelRule
    ) -> (text: String, value: XSDDateTime)? {
        guard let value = credential[key] else { return nil }
        guard let text = value.stringValue, let date = XSDDateTime(text), date.hasTimezone else {
            report(rule, at: Self.member(path, key), value.stringValue ?? value.serializedString())
            return nil
        }
        return (text, date)
    }

    /// VC 1.1 § 4.6 and § 4.7: `issuanceDate` is required and, like `expirationDate`, a date and
    /// time. Note: a missing timezone is accepted and read as UTC, as VC 2.0 § 5.8 says such
    /// values are to be read; early Open Badges 3.0 issuers wrote them.
    mutating func checkV1Dates(of credential: JSONObject, at path: String) {
        if credential["issuanceDate"] == nil { report(.issuanceDateMissing, at: Self.member(path, "issuanceDate")) }
        for (key, rule) in [("issuanceDate", DataModelRule.issuanceDateDateTime), ("expirationDate", .expirationDateDateTime)] {
            guard let value = credential[key] else { continue }
            if value.stringValue.flatMap(XSDDateTime.init) == nil {
                report(rule, at: Self.member(path, key), value.stringValue ?? value.serializedString())
            }
        }
    }

    // MARK: - Related resources (§ 5.3)

    mutating func checkRelatedResources(of credential: JSONObject, at path: String) {
        guard let value = credential["relatedResource"] else { return }
        let propertyPath = Self.member(path, "relatedResource")
        let entries = Self.items(value, at: propertyPath)
        if entries.isEmpty { report(.relatedResourceID, at: propertyPath) }
        var seen: Set<String> = []
        for (item, itemPath) in entries {
            guard case .object(let resource) = item else {
                report(.relatedResourceID, at: itemPath)
                continue
            }
            if let id = resource["id"]?.stringValue, DataModelSyntax.isURL(id) {
                if !seen.insert(id).inserted { report(.relatedResourceDuplicate, at: itemPath, id) }
            } else {
                report(.relatedResourceID, at: Self.member(itemPath, "id"))
            }
            let sri = resource["digestSRI"]
            let multibase = resource["digestMultibase"]
            if sri == nil && multibase == nil { report(.relatedResourceDigest, at: itemPath) }
            checkDigests(sri, at: Self.member(itemPath, "digestSRI"), rule: .relatedResourceDigestSRI, valid: DataModelSyntax.isSRI)
            checkDigests(
                multibase, at: Self.member(itemPath, "digestMultibase"), rule: .relatedResourceDigestMultibase,
                valid: DataModelSyntax.isMultibaseDigest)
        }
    }

    private mutating func checkDigests(_ value: JSONValue?, at path: String, rule: DataModelRule, valid: (String) -> Bool) {
        guard let value else { return }
        let entries = Self.items(value, at: path)
        if entries.isEmpty { report(rule, at: path) }
        for (item, itemPath) in entries where !(item.stringValue.map(valid) ?? false) {
            report(rule, at: itemPath)
        }
    }

    // MARK: - Enveloped credentials and presentations (§ 4.13.1, § 4.13.2)

    /// Whether `object` is an enveloped credential or presentation: its type says so and its
    /// contexts are not VC 1.1's, which has no envelopes.
    static func isEnveloped(_ object: JSONObject, as type: String) -> Bool {
        types(of: object).contains(type) && VCDataModel.version(of: object) != .v1
    }

    /// An enveloped object: `@context` includes the base context (not necessarily first), and the
    /// `id` is a `data:` URL holding the secured document. Reading what the envelope holds is the
    /// securing mechanism's business.
    mutating func checkEnveloped(_ object: JSONObject, at path: String, type: String) {
        let contexts = object["@context"]?.asArray.compactMap(\.stringValue) ?? []
        if !contexts.contains(VCDataModel.baseContext) {
            report(.envelopedContext, at: Self.member(path, "@context"), VCDataModel.baseContext)
        }
        checkType(of: object, at: path, required: type)
        if !(object["id"]?.stringValue.map(DataModelSyntax.isDataURL) ?? false) {
            report(.envelopedID, at: Self.member(path, "id"))
        }
    }
}
