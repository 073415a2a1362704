import Credentials
import Foundation

/// Converts between credit systems through hours of learning, with the figures of
/// `credit_systems.json` (``ReferenceData/creditSystems``).
///
/// That file gives each system's hours per credit as a range (ECTS 25–30 h, SCT-Chile 24–31 h);
/// conversions use the midpoint of the range (27.5 h for both), the figure an institution can
/// defend without knowing how the issuer counted. A system without hours per credit cannot be
/// converted and the functions throw: SATCA counts credits by type of activity (16, 20 or 50 h),
/// so the table gives it no single figure, and Brazil has no national standard.
///
/// As the file's notes say, conversions are approximations: the rule's rounding, its cap and the
/// officer's decision come after them.
public enum CreditConversion {
    /// Hours of learning per credit of `system`: the midpoint of its range.
    /// - Throws: ``ValidationError`` (field `creditSystem`) when the system is unknown or has no hours per credit.
    public static func hoursPerCredit(_ system: String, reference: ReferenceData = .bundled) throws -> Double {
        guard let known = reference.creditSystems[system] else {
            throw ValidationError(field: "creditSystem", "\"\(system)\" is not a known credit system")
        }
        guard let range = known.hoursPerCredit, range.lowerBound > 0 else {
            throw ValidationError(
                field: "creditSystem",
                "\"\(system)\" has no single number of hours per credit in the reference data, so its credits cannot be converted")
        }
        return (range.lowerBound + range.upperBound) / 2
    }

    /// `hours` of learning as credits of `system`, rounded, with the computation in words:
    /// "50 h ÷ 27,5 h por crédito SCT-Chile (punto medio de 24–31 h) = 1,82 → 1,5 (redondeo hacia abajo a medio crédito)".
    /// - Throws: ``ValidationError`` as ``hoursPerCredit(_:reference:)`` does.
    public static func credits(
        hours: Double, to system: String, rounding: RecognitionRule.Rounding, reference: ReferenceData = .bundled
    ) throws -> (value: Double, explanation: LocalizedText) {
        let perCredit = try hoursPerCredit(system, reference: reference)
        let exact = max(0, hours) / perCredit
        let value = rounding.apply(exact)
        let range = reference.creditSystems[system]?.hoursPerCredit
        var values: [String: String] = [:]
        for language in Language.allCases {
            func f(_ number: Double) -> String { format(number, language) }
            var midpoint = ""
            if let range, range.lowerBound != range.upperBound {
                let span = "\(f(range.lowerBound))–\(f(range.upperBound)) h"
                switch language {
                case .es: midpoint = " (punto medio de \(span))"
                case .pt: midpoint = " (ponto médio de \(span))"
                case .en: midpoint = " (midpoint of \(span))"
                }
            }
            let per: String
            switch language {
            case .es: per = "h por crédito \(system)"
            case .pt: per = "h por crédito \(system)"
            case .en: per = "h per \(system) credit"
            }
            values[language.rawValue] =
                "\(f(hours)) h ÷ \(f(perCredit)) \(per)\(midpoint) = \(f(exact)) → \(f(value)) (\(rounding.label(language)))"
        }
        return (value, LocalizedText(values))
    }

    /// `credits` of `system` as hours of learning.
    /// - Throws: ``ValidationError`` as ``hoursPerCredit(_:reference:)`` does.
    public static func hours(credits: Double, system: String, reference: ReferenceData = .bundled) throws -> Double {
        credits * (try hoursPerCredit(system, reference: reference))
    }

    /// The hours of learning a credential stands for, and where they come from: its own workload
    /// when it states one; otherwise its credits converted, preferring those in `preferred` (the
    /// rule's system), then ECTS, then the first convertible system. `nil` when it states neither.
    public static func hours(
        of facts: RecognitionFacts, preferring preferred: String, reference: ReferenceData = .bundled
    ) -> (hours: Double, source: LocalizedText)? {
        if let workload = facts.workloadHours, workload > 0 {
            return (workload, LocalizedText(
                es: "carga de trabajo declarada", en: "stated workload", pt: "carga horária declarada"))
        }
        let ordered = facts.credits.filter { $0.system == preferred } + facts.credits.filter { $0.system == "ECTS" }
            + facts.credits
        for credit in ordered where credit.value > 0 {
            guard let hours = try? hours(credits: credit.value, system: credit.system, reference: reference) else { continue }
            let value = "\(format(credit.value, .es)) \(credit.system)"
            let valueEN = "\(format(credit.value, .en)) \(credit.system)"
            return (hours, LocalizedText(
                es: "\(value) convertidos a horas", en: "\(valueEN) converted to hours", pt: "\(value) convertidos em horas"))
        }
        return nil
    }

    /// A number as people read it in `language`: at most two decimals, a decimal comma in
    /// Spanish and Portuguese ("1,82"), a point in English, no trailing zeros.
    public static func format(_ value: Double, _ language: Language) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return String(value) }
        let hundredths = (value * 100).rounded(.toNearestOrAwayFromZero)
        let negative = hundredths < 0
        let magnitude = Int(abs(hundredths))
        var text = String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            var digits = fraction < 10 ? "0\(fraction)" : String(fraction)
            if digits.hasSuffix("0") { digits.removeLast() }
            text += (language == .en ? "." : ",") + digits
        }
        return negative ? "-" + text : text
    }
}
