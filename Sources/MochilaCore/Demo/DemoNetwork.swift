import Foundation

/// A small regional network that `mochila serve --demo` seeds, so that a newcomer sees the
/// product at once: institutions of Mexico, the Dominican Republic, Chile and Guatemala, specs
/// in engineering, health and entrepreneurship (Spanish with English translations), learners
/// with accented names and two surnames, and their awards.
///
/// The content lives in `DemoNetwork+Content.swift`; it is data, validated through the same
/// path as the API's input.
public enum DemoNetwork {
    public struct InstitutionSeed: Sendable {
        public var slug: String
        public var name: LocalizedText
        public var country: String
        public var url: String
        public var qualityAssuranceAgency: String
        /// The bearer token the institution's API calls use in the demo. Public by design: demo
        /// data only; never use `--demo` on a node that holds real credentials.
        public var demoToken: String { "demo-\(slug)" }
    }

    public struct SpecSeed: Sendable {
        /// The slug of the institution that designs the spec.
        public var institution: String
        public var input: SpecInput
    }

    public struct AwardSeed: Sendable {
        public var institution: String
        /// Index of the spec in ``specs``.
        public var spec: Int
        public var learner: Learner
        public var grade: String?
        /// How many days before seeding the award was issued.
        public var daysAgo: Int
    }
}
