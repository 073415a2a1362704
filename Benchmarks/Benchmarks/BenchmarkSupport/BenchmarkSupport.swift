import Foundation
import Logging
import MochilaCore
import PostgresKit
import PostgresNIO

// What the issuance and store benchmarks share.

/// Runs one statement on its own connection to the PostgreSQL server at `url`.
public func execute(_ sql: String, on url: String) async throws {
    let configuration = try SQLPostgresConfiguration(url: url)
    let connection = try await PostgresConnection.connect(
        configuration: configuration.coreConfiguration, id: 0, logger: Logger(label: "bench"))
    do {
        _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: connection.logger).collect()
    } catch {
        try? await connection.close()
        throw error
    }
    try await connection.close()
}

/// The spec the benchmarks issue awards under.
public let benchmarkSpec: SpecInput = {
    var input = SpecInput()
    input.title = LocalizedText(es: "Soldadura por arco eléctrico")
    input.description = LocalizedText(es: "Uniones soldadas por arco en estructuras metálicas.")
    input.learningOutcomes = [
        LearningOutcome(
            text: LocalizedText(es: "Suelda uniones a tope con arco eléctrico."),
            skills: [
                SkillReference(
                    uri: "http://data.europa.eu/esco/skill/27d26fd6-5795-4f0a-884e-112df7c68314",
                    label: LocalizedText(es: "aplicar técnicas de soldadura por arco", en: "apply arc welding techniques"))
            ])
    ]
    input.workloadHours = 40
    input.credits = [CreditValue(system: "ECTS", value: 1.5), CreditValue(system: "SCT-Chile", value: 1)]
    input.eqfLevel = 4
    input.iscedField = "0715"
    input.assessment = Assessment(type: .practicalDemonstration)
    input.participation = .onsite
    input.qualityAssurance = LocalizedText(es: "Comité académico de la facultad.")
    input.formality = .nonFormal
    input.validityMonths = 24
    return input
}()
