import Credentials

/// A concept found by ``ESCOCatalog/search(_:language:kinds:limit:)``, with the label to show.
public struct ESCOMatch: Sendable, Hashable {
    /// How well a label matched the query, best first.
    public enum Rank: Int, Sendable, Hashable, Comparable, CaseIterable {
        /// The preferred label (or one of its gender forms) is the query.
        case exactPreferred
        /// The preferred label starts with the query: its words in order, the last one begun.
        case preferredPrefix
        /// Every query word begins a word of the preferred label, in any order.
        case preferredWords
        /// An alternative label is the query.
        case exactAlternative
        /// An alternative label starts with the query.
        case alternativePrefix
        /// Every query word begins a word of an alternative label.
        case alternativeWords

        public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var concept: ESCOConcept
    /// The preferred label to show, in ``language``.
    public var label: String
    /// The language of ``label`` and ``matchedLabel``: the reader's, or its fallback when the
    /// concept has no label in it (Portuguese readers see Spanish labels for skills).
    public var language: Language
    /// The label the query matched: ``label`` itself, or an alternative label.
    public var matchedLabel: String
    public var rank: Rank
}

extension ESCOCatalog {
    /// The longest query searched, in characters; longer queries find nothing.
    public static let maxQueryLength = 200
    /// The most words of a query that are used; further words are ignored.
    public static let maxQueryWords = 16
    /// The most results one search returns, whatever `limit` asks.
    public static let maxResults = 500

    /// Finds concepts by label, ignoring case, accents and punctuation.
    ///
    /// Every word of the query must begin a word of one label: "energia sol" finds "energía
    /// solar". Each concept is searched in the labels of one language, the reader's or else the
    /// first fallback it has labels in (``ESCOConcept/labelLanguage(for:)``), and the match says
    /// which. Results are ordered by ``ESCOMatch/Rank``, then by shorter matched label, then by
    /// URI, so equal queries give equal lists.
    ///
    /// The work is bounded by the index: one binary search per query word, then one pass over
    /// the postings of the rarest word.
    /// - Parameters:
    ///   - query: words to find; empty, or longer than ``maxQueryLength`` characters (or four
    ///     times as many UTF-8 bytes), finds nothing. Words past ``maxQueryWords`` are ignored.
    ///   - language: the reader's language.
    ///   - kinds: the kinds of concept to return.
    ///   - limit: the most matches to return (at most ``maxResults``).
    public func search(
        _ query: String, language: Language, kinds: Set<ESCOConcept.Kind> = Set(ESCOConcept.Kind.allCases),
        limit: Int = 20
    ) -> [ESCOMatch] {
        guard limit > 0, !kinds.isEmpty, query.utf8.count <= 4 * Self.maxQueryLength,
            query.count <= Self.maxQueryLength
        else { return [] }
        let words = SearchText.tokens(query).prefix(Self.maxQueryWords)
        guard !words.isEmpty else { return [] }

        // Each query word: the range of tokens it begins, and the token equal to it (-1 if none).
        var ranges: [Range<Int>] = []
        var exact: [Int32] = []
        for word in words {
            let (range, exactToken) = index.tokenRange(prefix: word)
            guard !range.isEmpty else { return [] }
            ranges.append(range)
            exact.append(exactToken.map(Int32.init) ?? -1)
        }
        // Scan the postings of the rarest word; check the other words on each label found.
        let driver = ranges.indices.min { index.postingCount(ranges[$0]) < index.postingCount(ranges[$1]) }!
        let others = ranges.indices.filter { $0 != driver }.map { ranges[$0] }
        let readerBit = UInt8(1) << UInt8(Language.allCases.firstIndex(of: language)!)
        var kindMask: UInt8 = 0
        for kind in kinds { kindMask |= ESCOCatalog.kindBit(kind) }

        var best: [Int32: (rank: ESCOMatch.Rank, length: Int32, label: Int32)] = [:]
        let first = Int(index.postingStart[ranges[driver].lowerBound])
        let end = Int(index.postingStart[ranges[driver].upperBound])
        index.postings.withUnsafeBufferPointer { postings in
            index.labelTokens.withUnsafeBufferPointer { labelTokens in
                for position in first..<end {
                    let labelID = postings[position]
                    let label = index.labels[Int(labelID)]
                    guard label.readers & readerBit != 0, conceptKinds[Int(label.concept)] & kindMask != 0 else { continue }
                    let tokens = labelTokens[
                        Int(index.labelTokenStart[Int(labelID)])..<Int(index.labelTokenStart[Int(labelID) + 1])]
                    guard others.allSatisfy({ range in tokens.contains { range.contains(Int($0)) } }) else { continue }
                    let rank = Self.rank(of: tokens, preferred: label.isPreferred, ranges: ranges, exact: exact)
                    if let current = best[label.concept],
                        (current.rank, current.length, current.label) <= (rank, label.length, labelID)
                    {
                        continue
                    }
                    best[label.concept] = (rank, label.length, labelID)
                }
            }
        }

        let ordered = best.sorted { ($0.value.rank, $0.value.length, $0.key) < ($1.value.rank, $1.value.length, $1.key) }
        return ordered.prefix(Swift.min(limit, Self.maxResults)).map { conceptID, found in
            let concept = concepts[Int(conceptID)]
            let label = index.labels[Int(found.label)]
            let shown = concept.preferredLabel[label.language] ?? ""
            let matched =
                label.isPreferred ? shown : concept.alternativeLabels[label.language]?[Int(label.alternative)] ?? shown
            return ESCOMatch(concept: concept, label: shown, language: label.language, matchedLabel: matched, rank: found.rank)
        }
    }

    /// How a label whose words contain every query word matched.
    static func rank(
        of tokens: Slice<UnsafeBufferPointer<Int32>>, preferred: Bool, ranges: [Range<Int>], exact: [Int32]
    ) -> ESCOMatch.Rank {
        let count = ranges.count
        // The label starts with the query: the words before the last are whole, the last begun.
        var startsWithQuery = tokens.count >= count
        if startsWithQuery {
            for (offset, token) in tokens.prefix(count).enumerated() {
                let matches = offset < count - 1 ? token == exact[offset] : ranges[offset].contains(Int(token))
                if !matches {
                    startsWithQuery = false
                    break
                }
            }
        }
        let isExact = startsWithQuery && tokens.count == count && tokens.last == exact[count - 1]
        switch (preferred, isExact, startsWithQuery) {
        case (true, true, _): return .exactPreferred
        case (true, false, true): return .preferredPrefix
        case (true, false, false): return .preferredWords
        case (false, true, _): return .exactAlternative
        case (false, false, true): return .alternativePrefix
        case (false, false, false): return .alternativeWords
        }
    }
}
