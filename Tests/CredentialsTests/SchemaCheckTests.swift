import Foundation
import LinkedData
import Testing

@testable import Credentials

/// The verifier's schema check: which schema applies, and Annex I completeness of micro-credentials.
@Suite struct SchemaCheckTests {
    /// Mochila's inline context, as `MochilaContext.inline` writes it.
    static let inlineContext: JSONValue = {
        var object: JSONObject = ["mc": "https://w3id.org/mochila/vocab#"]
        for term in [
            "formality", "participationForm", "assessmentType", "assessmentDescription", "qualityAssurance",
            "workloadHours", "creditSystem", "creditValue", "nationalLevel", "prerequisites", "supervision",
            "gradingScheme", "stackability", "stackabilityDescription", "furtherInformation", "LearningOutcome", "CreditValue",
        ] {
            object[term] = .string("mc:" + term)
        }
        object["credit"] = ["@id": "mc:credit", "@container": "@set"]
        object["learningOutcome"] = ["@id": "mc:learningOutcome", "@container": "@list"]
        object["relatedSkill"] = ["@id": "mc:relatedSkill", "@type": "@id", "@container": "@set"]
        object["eqfLevel"] = ["@id": "mc:eqfLevel", "@type": "@id"]
        object["validityPeriod"] = ["@id": "mc:validityPeriod", "@type": "http://www.w3.org/2001/XMLSchema#duration"]
        object["1EdTechJsonSchemaValidator2019"] =
            "https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019"
        return .object(object)
    }()

    /// A micro-credential as Mochila issues it (`OpenBadgeCredential.unsigned()` plus its proof list),
    /// with every Annex I element, mandatory and optional.
    static func microCredential(edit: (inout JSONObject) -> Void = { _ in }) -> JSONObject {
        let issuer: JSONValue = [
            "id": "did:web:utve.example", "type": ["Profile"], "name": "Universidad Técnica del Valle",
            "url": "https://utve.example",
            "address": ["type": ["Address"], "addressCountry": "Chile", "addressCountryCode": "CL"],
        ]
        let skill = "http://data.europa.eu/esco/skill/6e2b8dca-3f6c-4b1e-a3bf-7cfa6a4b6d3e"
        let achievement: JSONValue = [
            "id": "urn:uuid:0b8e6a2e-5c1f-5d0e-9a57-2b7c1d9e4f10", "type": ["Achievement"], "achievementType": "MicroCredential",
            "name": "Instalación de sistemas fotovoltaicos",
            "description": "Diseño e instalación de sistemas fotovoltaicos residenciales.",
            "criteria": [
                "narrative": "Resultados de aprendizaje:\n- Dimensiona un sistema fotovoltaico\n\nEvaluación: Examen práctico"
            ],
            "alignment": [
                [
                    "type": ["Alignment"], "targetName": "instalar sistemas fotovoltaicos", "targetUrl": .string(skill),
                    "targetFramework": "ESCO", "targetType": "ceasn:Competency",
                ],
                [
                    "type": ["Alignment"], "targetName": "MEC nivel 5", "targetUrl": "http://data.europa.eu/snb/eqf/5",
                    "targetFramework": "European Qualifications Framework (EQF)", "targetCode": "5",
                ],
            ],
            "creditsAvailable": 3, "fieldOfStudy": "Electricidad y energía", "inLanguage": "es", "version": "1",
            "creator": issuer,
            "learningOutcome": [
                ["type": "LearningOutcome", "name": "Dimensiona un sistema fotovoltaico", "relatedSkill": [.string(skill)]]
            ],
            "workloadHours": 80,
            "credit": [["type": "CreditValue", "creditSystem": "ECTS", "creditValue": 3]],
            "eqfLevel": "http://data.europa.eu/snb/eqf/5",
            "nationalLevel": "Técnico de nivel superior",
            "assessmentType": "practical-demonstration",
            "participationForm": "blended",
            "qualityAssurance": "Aprobada por el Consejo Académico y sujeta al sistema interno de aseguramiento de la calidad.",
            "formality": "non-formal", "validityPeriod": "P36M",
            "prerequisites": "Ninguno.", "supervision": "supervised-onsite-identity-verified",
            "gradingScheme": "Escala de 1,0 a 7,0.", "stackability": "stackable",
            "furtherInformation": "https://utve.example/microcredenciales/fotovoltaica",
        ]
        var credential: JSONObject = [
            "@context": [
                "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                inlineContext,
            ],
            "id": "urn:uuid:5d1c8e0e-3e2a-4c7e-8f0b-6a4d2c1b9e77",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": "Instalación de sistemas fotovoltaicos",
            "issuer": issuer,
            "validFrom": "2026-03-02T15:00:00Z",
            "validUntil": "2029-03-02T15:00:00Z",
            "awardedDate": "2026-03-02T15:00:00Z",
            "credentialSubject": [
                "type": ["AchievementSubject"], "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                "name": "María José Núñez Pérez",
                "identifier": [
                    ["type": "IdentityObject", "identityHash": "María José Núñez Pérez", "identityType": "name", "hashed": false]
                ],
                "achievement": achievement, "creditsEarned": 3,
                "result": [["type": ["Result"], "value": "6,5"]],
            ],
            "credentialSchema": [
                [
                    "id": .string(SchemaRegistry.openBadgesAchievementCredential),
                    "type": "1EdTechJsonSchemaValidator2019",
                ]
            ],
            "proof": [
                [
                    "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2026-03-02T15:00:00Z",
                    "verificationMethod": "did:web:utve.example#key-1", "proofPurpose": "assertionMethod", "proofValue": "z3FXQ",
                ]
            ],
        ]
        edit(&credential)
        return credential
    }

    static func editAchievement(_ credential: inout JSONObject, _ edit: (inout JSONObject) -> Void) {
        var subject = credential["credentialSubject"]!.objectValue!
        var achievement = subject["achievement"]!.objectValue!
        edit(&achievement)
        subject["achievement"] = .object(achievement)
        credential["credentialSubject"] = .object(subject)
    }

    // MARK: - Annex I

    @Test func aCompleteMochilaMicroCredentialPasses() throws {
        let credential = SchemaCheckTests.microCredential()
        let result = SchemaCheck().check(credential)
        #expect(result.check == .schema)
        #expect(result.status == .passed, "\(result.message.text())")
        #expect(result.message.key == "schema.passedWithAnnexI")
        #expect(result.message.text(.en).contains("Open Badges 3.0 AchievementCredential"))
        let report = try #require(SchemaCheck.annexI(credential))
        #expect(report.present == AnnexIElement.allCases)
        #expect(report.isComplete && report.missingOptional.isEmpty && report.missingIfApplicable.isEmpty)
    }

    @Test func missingParticipationAndQualityAssuranceFailInEveryLanguage() throws {
        let credential = SchemaCheckTests.microCredential { credential in
            SchemaCheckTests.editAchievement(&credential) {
                $0.removeValue(forKey: "participationForm")
                $0.removeValue(forKey: "qualityAssurance")
            }
        }
        let result = SchemaCheck().check(credential)
        #expect(result.status == .failed)
        #expect(
            result.message.text(.en) == "Missing mandatory Annex I elements: form of participation, type of quality assurance.")
        #expect(
            result.message.text(.es)
                == "Faltan elementos obligatorios del anexo I: forma de participación, tipo de aseguramiento de la calidad.")
        #expect(
            result.message.text(.pt)
                == "Faltam elementos obrigatórios do anexo I: forma de participação, tipo de garantia da qualidade.")
        let report = try #require(SchemaCheck.annexI(credential))
        #expect(report.missingMandatory == [.participation, .qualityAssurance])
        #expect(!report.present.contains(.participation))
    }

    @Test func eachMandatoryElementIsFoundWhereOB3OrMochilaPutsIt() throws {
        // Remove every way of stating an element; only that element goes missing.
        let removals: [(AnnexIElement, (inout JSONObject) -> Void)] = [
            (
                .learner,
                { c in
                    var s = c["credentialSubject"]!.objectValue!
                    for key in ["id", "name", "identifier"] { s.removeValue(forKey: key) }
                    c["credentialSubject"] = .object(s)
                }
            ),
            (.title, { c in SchemaCheckTests.editAchievement(&c) { $0["name"] = "  " } }),
            (.country, { c in c["issuer"]!["address"] = ["type": ["Address"]] }),
            (.awardingBody, { c in c["issuer"]!["name"] = nil }),
            (.dateOfIssuing, { c in for key in ["validFrom", "awardedDate"] { c.removeValue(forKey: key) } }),
            (
                .learningOutcomes,
                { c in
                    SchemaCheckTests.editAchievement(&c) {
                        $0.removeValue(forKey: "learningOutcome")
                        $0["criteria"] = ["id": "https://utve.example/c"]
                    }
                }
            ),
            (
                .workload,
                { c in
                    SchemaCheckTests.editAchievement(&c) { a in
                        for key in ["workloadHours", "credit", "creditsAvailable"] { a.removeValue(forKey: key) }
                    }
                }
            ),
            (.assessment, { c in SchemaCheckTests.editAchievement(&c) { $0.removeValue(forKey: "assessmentType") } }),
        ]
        for (element, removal) in removals {
            let credential = SchemaCheckTests.microCredential(edit: removal)
            let report = try #require(SchemaCheck.annexI(credential))
            #expect(report.missingMandatory == [element], "\(element)")
            #expect(SchemaCheck().check(credential).status == .failed, "\(element)")
        }
    }

    @Test func aMissingLevelIsReportedButDoesNotFail() throws {
        let credential = SchemaCheckTests.microCredential { credential in
            SchemaCheckTests.editAchievement(&credential) { a in
                for key in ["eqfLevel", "nationalLevel"] { a.removeValue(forKey: key) }
                a["alignment"] = .array(a["alignment"]!.arrayValue!.filter { $0["targetFramework"]?.stringValue == "ESCO" })
            }
        }
        let report = try #require(SchemaCheck.annexI(credential))
        #expect(report.missingIfApplicable == [.level])
        #expect(report.isComplete)
        #expect(SchemaCheck().check(credential).status == .passed)
        // An EQF alignment alone states the level.
        let aligned = SchemaCheckTests.microCredential { credential in
            SchemaCheckTests.editAchievement(&credential) { a in
                for key in ["eqfLevel", "nationalLevel"] { a.removeValue(forKey: key) }
            }
        }
        #expect(SchemaCheck.annexI(aligned)!.present.contains(.level))
        // Named either way, in any case.
        for framework in ["EQF", "Marco: EQF 2017", "european qualifications framework", "EUROPEAN QUALIFICATIONS FRAMEWORK (2017)"] {
            let named = SchemaCheckTests.microCredential { credential in
                SchemaCheckTests.editAchievement(&credential) { a in
                    for key in ["eqfLevel", "nationalLevel"] { a.removeValue(forKey: key) }
                    a["alignment"] = .array(a["alignment"]!.arrayValue!.map { alignment in
                        guard alignment["targetFramework"]?.stringValue != "ESCO", case .object(var object) = alignment else { return alignment }
                        object["targetFramework"] = .string(framework)
                        return .object(object)
                    })
                }
            }
            #expect(SchemaCheck.annexI(named)!.present.contains(.level), "\(framework)")
        }
        let unnamed = SchemaCheckTests.microCredential { credential in
            SchemaCheckTests.editAchievement(&credential) { a in
                for key in ["eqfLevel", "nationalLevel"] { a.removeValue(forKey: key) }
                a["alignment"] = .array(a["alignment"]!.arrayValue!.map { alignment in
                    guard alignment["targetFramework"]?.stringValue != "ESCO", case .object(var object) = alignment else { return alignment }
                    object["targetFramework"] = "Marco Nacional de Cualificaciones"
                    return .object(object)
                })
            }
        }
        #expect(!SchemaCheck.annexI(unnamed)!.present.contains(.level))
    }

    @Test func optionalElementsNeverFail() throws {
        let credential = SchemaCheckTests.microCredential { credential in
            SchemaCheckTests.editAchievement(&credential) { a in
                for key in ["prerequisites", "supervision", "stackability", "furtherInformation"] { a.removeValue(forKey: key) }
            }
            credential["credentialSubject"]!["result"] = nil
        }
        let report = try #require(SchemaCheck.annexI(credential))
        #expect(report.missingOptional == [.prerequisites, .supervision, .grade, .stackability, .furtherInformation])
        #expect(SchemaCheck().check(credential).status == .passed)
    }

    @Test func onlyMicroCredentialsGetAnAnnexIReport() throws {
        let badge = try Fixtures.json("openbadges/spec-examples/sample-openbadgecredential.json").objectValue!
        #expect(SchemaCheck.annexI(badge) == nil)
        let result = SchemaCheck().check(badge)
        #expect(result.status == .passed)
        #expect(result.message.text(.es) == "La credencial cumple el esquema Open Badges 3.0 AchievementCredential.")
    }

    @Test func annexIElementsHaveNamesInEachLanguage() {
        for element in AnnexIElement.allCases {
            for language in Language.allCases {
                #expect(!element.name(language).hasPrefix("schema."), "\(element) \(language)")
            }
        }
        #expect(AnnexIElement.allCases.filter(\.isMandatory).count == 11)
    }

    // MARK: - which schema

    @Test func theSchemaIsChosenByCredentialSchemaOrType() throws {
        let vector = try Fixtures.json("openbadges/test-vectors/ob-eddsa-rdfc-2022/signed.json").objectValue!
        #expect(SchemaCheck().check(vector).status == .passed)
        // Named by credentialSchema: the strict schema wants proof as an array, as the oracle says.
        var strict = vector
        strict["credentialSchema"] = [
            ["id": .string(SchemaRegistry.openBadgesAchievementCredentialStrict), "type": "1EdTechJsonSchemaValidator2019"]
        ]
        let failed = SchemaCheck().check(strict)
        #expect(failed.status == .failed)
        #expect(
            failed.message.text(.en).hasPrefix(
                "The credential does not conform to the Open Badges 3.0 AchievementCredential (strict) schema: proof: must be of type array, not object"
            ), "\(failed.message.text())")
        #expect(
            failed.message.text(.es).hasPrefix(
                "La credencial no cumple el esquema Open Badges 3.0 AchievementCredential (strict): proof:"))
        let endorsement = try Fixtures.json("openbadges/spec-examples/sample-endorsementcredential.json").objectValue!
        // The spec's example also names a schema of its own, which is not bundled: unknown, not passed.
        #expect(
            SchemaCheck.requirements(of: endorsement) == [
                .schema(SchemaRegistry.openBadgesEndorsementCredential),
                .schema("https://state.gov/schema/endorsementcredential.json"),
            ])
        let endorsementResult = SchemaCheck().check(endorsement)
        #expect(endorsementResult.status == .unknown)
        #expect(endorsementResult.message.text(.en).contains("https://state.gov/schema/endorsementcredential.json"))
        var byType = endorsement
        byType.removeValue(forKey: "credentialSchema")
        #expect(SchemaCheck.requirements(of: byType) == [.schema(SchemaRegistry.openBadgesEndorsementCredential)])
        #expect(SchemaCheck().check(byType).status == .passed)
        let clr = try Fixtures.json("openbadges/test-vectors/clr-eddsa-rdfc-2022/signed.json").objectValue!
        #expect(SchemaCheck.requirements(of: clr) == [.schema(SchemaRegistry.clrCredential)])
        #expect(SchemaCheck().check(clr).message.text() == "The credential conforms to the CLR 2.0 ClrCredential schema.")
    }

    @Test func anUnknownSchemaIsUnknownNeverPassed() throws {
        let unknownID = "https://example.org/schemas/badge.json"
        let credential = SchemaCheckTests.microCredential {
            $0["credentialSchema"] = [["id": .string(unknownID), "type": "1EdTechJsonSchemaValidator2019"]]
        }
        let result = SchemaCheck().check(credential)
        #expect(result.status == .unknown)
        #expect(result.message.text(.en).contains(unknownID))
        let otherType = SchemaCheckTests.microCredential {
            $0["credentialSchema"] = [["id": .string(unknownID), "type": "JsonSchemaCredential"]]
        }
        #expect(SchemaCheck().check(otherType).status == .unknown)
        #expect(SchemaCheck().check(otherType).message.text(.es).contains("JsonSchemaCredential"))
        // A missing Annex I element is a failure even when a schema is unknown.
        let incomplete = SchemaCheckTests.microCredential {
            $0["credentialSchema"] = [["id": .string(unknownID), "type": "1EdTechJsonSchemaValidator2019"]]
            SchemaCheckTests.editAchievement(&$0) { $0.removeValue(forKey: "qualityAssurance") }
        }
        #expect(SchemaCheck().check(incomplete).status == .failed)
    }

    @Test func otherCredentialsAreSkipped() throws {
        let credential: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
            "issuer": "did:example:1", "credentialSubject": ["id": "did:example:2"],
        ]
        let result = SchemaCheck().check(credential)
        #expect(result.status == .skipped)
        #expect(result.message.text(.pt) == "Nenhum esquema se aplica a este tipo de credencial.")
    }

    @Test func aSchemaViolationFailsWithItsPath() throws {
        let noCriteria = SchemaCheckTests.microCredential { credential in
            SchemaCheckTests.editAchievement(&credential) { $0.removeValue(forKey: "criteria") }
        }
        let result = SchemaCheck().check(noCriteria)
        #expect(result.status == .failed)
        #expect(
            result.message.text(.en)
                == "The credential does not conform to the Open Badges 3.0 AchievementCredential schema: credentialSubject.achievement: required property \"criteria\" is missing"
        )
        let badIdentifier = SchemaCheckTests.microCredential { credential in
            credential["credentialSubject"]!["identifier"] = [["type": "IdentityObject", "hashed": "no"]]
        }
        let many = SchemaCheck().check(badIdentifier).message.text(.pt)
        #expect(
            many
                == "A credencial não está de acordo com o esquema Open Badges 3.0 AchievementCredential (3 problemas; os primeiros: "
                + "credentialSubject.identifier[0]: required property \"identityHash\" is missing; "
                + "credentialSubject.identifier[0]: required property \"identityType\" is missing; "
                + "credentialSubject.identifier[0].hashed: must be of type boolean, not string)")
        let fixture = try Fixtures.json("openbadges/1edtech-validator/ob30/simple-err-issued.json").objectValue!
        let fixtureResult = SchemaCheck().check(fixture)
        #expect(fixtureResult.status == .failed)
        #expect(fixtureResult.message.text(.en).hasSuffix("credentialSubject: required property \"achievement\" is missing"))
    }

    @Test func aRegistryInMemoryServesItsSchemas() throws {
        let registry = SchemaRegistry(documents: [
            ["$id": "https://example.org/schemas/named.json", "type": "object", "required": ["name"]]
        ])
        var credential: JSONObject = [
            "type": ["VerifiableCredential"],
            "credentialSchema": ["id": "https://example.org/schemas/named.json#", "type": "JsonSchema"],
        ]
        #expect(SchemaCheck(registry: registry).check(credential).status == .failed)
        credential["name"] = "x"
        #expect(SchemaCheck(registry: registry).check(credential).status == .passed)
        let broken = SchemaRegistry(documents: [
            ["$id": "https://example.org/broken.json", "$ref": "https://example.org/other.json"]
        ])
        credential["credentialSchema"] = ["id": "https://example.org/broken.json", "type": "JsonSchema"]
        let result = SchemaCheck(registry: broken).check(credential)
        #expect(result.status == .unknown)
        #expect(result.message.text(.en).contains("external $ref"))
    }
}
