import Credentials

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An inverted index from normalized label tokens to the labels that contain them.
///
/// Tokens are sorted byte-wise, so the tokens starting with a query word form one range of
/// token ids, found by two binary searches; and the postings of consecutive tokens are stored
/// back to back, so the labels containing any token of that range are one contiguous slice.
/// Everything lives in flat arrays: the bundled catalogue's 200,000 labels, 27,000 distinct
/// tokens and 830,000 postings take about 11 MB.
struct ESCOIndex: Sendable {
    /// A searchable label: a preferred label (or one gender form of it) or an alternative label
    /// of one concept in one language.
    struct Label: Sendable {
        var concept: Int32
        /// Position in the concept's alternative labels of `language`; -1 for the preferred label.
        var alternative: Int32
        /// The length of the label in normal form, the tie-breaker of the ranking.
        var length: Int32
        var language: Language
        /// Bit `i` set: searched for readers of `Language.allCases[i]` (see ``ESCOConcept/labelLanguage(for:)``).
        var readers: UInt8
        var isPreferred: Bool { alternative < 0 }
    }

    /// The bytes of the distinct tokens in byte-wise order; token `t` is
    /// `tokenBytes[tokenStart[t] ..< tokenStart[t + 1]]`.
    let tokenBytes: [UInt8]
    let tokenStart: [Int32]
    let labels: [Label]
    /// The token ids of label `l`, in label order: `labelTokens[labelTokenStart[l] ..< labelTokenStart[l + 1]]`.
    let labelTokenStart: [Int32]
    let labelTokens: [Int32]
    /// The labels containing token `t`, each once: `postings[postingStart[t] ..< postingStart[t + 1]]`.
    let postingStart: [Int32]
    let postings: [Int32]

    var tokenCount: Int { tokenStart.count - 1 }

    /// Indexes the labels of `concepts` in every language.
    ///
    /// An occupation's preferred label written as "masculine/feminine" ("enfermero/enfermera")
    /// is indexed as each form, so that either one is an exact match.
    init(concepts: [ESCOConcept]) {
        let table = TokenTable()
        var text = SearchText()
        var labels: [Label] = []
        var labelTokenStart: [Int32] = [0]
        var labelTokens: [Int32] = []
        labels.reserveCapacity(200_000)
        labelTokenStart.reserveCapacity(200_000)
        labelTokens.reserveCapacity(900_000)

        for (position, concept) in concepts.enumerated() {
            let shownTo = Language.allCases.map { concept.labelLanguage(for: $0) }
            for language in Language.allCases {
                guard let preferred = concept.preferredLabel[language] else { continue }
                var readers: UInt8 = 0
                for (bit, shown) in shownTo.enumerated() where shown == language { readers |= 1 << UInt8(bit) }
                guard readers != 0 else { continue }  // no reader is shown labels in this language
                func add(_ label: some StringProtocol, alternative: Int) {
                    var length = -1
                    text.forEachToken(in: label) { token in
                        labelTokens.append(table.intern(token))
                        length += token.count + 1
                    }
                    guard length >= 0 else { return }
                    labelTokenStart.append(Int32(labelTokens.count))
                    labels.append(
                        Label(
                            concept: Int32(position), alternative: Int32(alternative), length: Int32(length),
                            language: language, readers: readers))
                }
                if concept.kind == .occupation {
                    for form in preferred.split(separator: "/") { add(form, alternative: -1) }
                } else {
                    add(preferred, alternative: -1)
                }
                for (alternative, label) in (concept.alternativeLabels[language] ?? []).enumerated() {
                    add(label, alternative: alternative)
                }
            }
        }

        // Renumber the tokens in byte-wise order.
        let (tokenBytes, tokenStart, renumbered) = table.sorted()
        let tokenCount = tokenStart.count - 1
        let labelCount = labels.count
        labelTokens.withUnsafeMutableBufferPointer { tokens in
            renumbered.withUnsafeBufferPointer { renumbered in
                let tokens = tokens.baseAddress!
                let renumbered = renumbered.baseAddress!
                var index = 0
                while index < labelTokenStart[labelCount] {
                    tokens[index] = renumbered[Int(tokens[index])]
                    index += 1
                }
            }
        }

        // Postings by counting sort: count each token once per label, then fill.
        var postingStart = [Int32](repeating: 0, count: tokenCount + 1)
        var postings = [Int32](repeating: 0, count: labelTokens.count)
        var postingCount = 0
        labelTokens.withUnsafeBufferPointer { tokens in
            labelTokenStart.withUnsafeBufferPointer { starts in
                postingStart.withUnsafeMutableBufferPointer { postingStart in
                    postings.withUnsafeMutableBufferPointer { postings in
                        let tokens = tokens.baseAddress!
                        let starts = starts.baseAddress!
                        let postingStart = postingStart.baseAddress!
                        let postings = postings.baseAddress!
                        /// Calls `body` with each token of `label` that is not repeated earlier in it.
                        func forEachDistinctToken(of label: Int, _ body: (Int) -> Void) {
                            let first = Int(starts[label])
                            let end = Int(starts[label + 1])
                            var index = first
                            while index < end {
                                let token = tokens[index]
                                var earlier = first
                                while earlier < index, tokens[earlier] != token { earlier += 1 }
                                if earlier == index { body(Int(token)) }
                                index += 1
                            }
                        }
                        var label = 0
                        while label < labelCount {
                            forEachDistinctToken(of: label) { postingStart[$0 + 1] += 1 }
                            label += 1
                        }
                        var token = 0
                        while token < tokenCount {
                            postingStart[token + 1] += postingStart[token]
                            token += 1
                        }
                        postingCount = Int(postingStart[tokenCount])
                        let next = UnsafeMutablePointer<Int32>.allocate(capacity: tokenCount)
                        defer { next.deallocate() }
                        next.update(from: postingStart, count: tokenCount)
                        label = 0
                        while label < labelCount {
                            forEachDistinctToken(of: label) { token in
                                postings[Int(next[token])] = Int32(label)
                                next[token] += 1
                            }
                            label += 1
                        }
                    }
                }
            }
        }
        postings.removeLast(postings.count - postingCount)

        self.tokenBytes = tokenBytes
        self.tokenStart = tokenStart
        self.labels = labels
        self.labelTokenStart = labelTokenStart
        self.labelTokens = labelTokens
        self.postingStart = postingStart
        self.postings = postings
    }

    /// The ids of the tokens that start with `prefix`, and the id of `prefix` itself if it is a token.
    func tokenRange(prefix: [UInt8]) -> (range: Range<Int>, exact: Int?) {
        guard tokenCount > 0, !prefix.isEmpty else { return (0..<0, nil) }
        return tokenBytes.withUnsafeBufferPointer { bytes in
            prefix.withUnsafeBufferPointer { prefix in
                /// memcmp of token `t` with `prefix`, on at most `prefix.count` bytes; and whether the token is shorter.
                func compare(_ token: Int) -> (order: Int32, shorter: Bool) {
                    let start = Int(tokenStart[token])
                    let length = Int(tokenStart[token + 1]) - start
                    let order = memcmp(bytes.baseAddress! + start, prefix.baseAddress!, min(length, prefix.count))
                    return (order, length < prefix.count)
                }
                // The first token not before `prefix`…
                var low = 0
                var high = tokenCount
                while low < high {
                    let middle = (low + high) / 2
                    let (order, shorter) = compare(middle)
                    if order < 0 || (order == 0 && shorter) { low = middle + 1 } else { high = middle }
                }
                let start = low
                // …then the first after it that does not start with `prefix`.
                high = tokenCount
                while low < high {
                    let middle = (low + high) / 2
                    let (order, shorter) = compare(middle)
                    if order == 0 && !shorter { low = middle + 1 } else { high = middle }
                }
                let exact = start < low && Int(tokenStart[start + 1] - tokenStart[start]) == prefix.count ? start : nil
                return (start..<low, exact)
            }
        }
    }

    /// How many postings the tokens in `range` have: the work of scanning them.
    func postingCount(_ range: Range<Int>) -> Int {
        Int(postingStart[range.upperBound] - postingStart[range.lowerBound])
    }
}
