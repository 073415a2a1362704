import Crypto

extension CanonicalizationState {
    // MARK: - 4.7.3 Hash Related Blank Node

    /// Hash Related Blank Node (https://www.w3.org/TR/rdf-canon/#hash-related-blank-node).
    ///
    /// - Parameters:
    ///   - related: the related blank node.
    ///   - position: `s`, `o` or `g`, where `related` is in `quad`.
    ///   - input: a scratch buffer, reused between calls.
    func hashRelatedBlankNode(
        _ related: Int, quad: QuadRecord, position: UInt8, issuer: IdentifierIssuer, input: inout [UInt8]
    ) -> [UInt8] {
        // 4.7.3 (1)
        input.removeAll(keepingCapacity: true)
        input.append(position)
        // 4.7.3 (2): `<`, the predicate IRI and `>`, as the quad's line already has them.
        if position != UInt8(ascii: "g") {
            input.append(contentsOf: text[quad.predicate])
        }
        if let number = canonicalIssuer.issued(related) {
            // 4.7.3 (3), the canonical identifier
            canonicalIssuer.appendIdentifier(number, to: &input)
        } else if let number = issuer.issued(related) {
            // 4.7.3 (3), the identifier from `issuer`
            issuer.appendIdentifier(number, to: &input)
        } else {
            // 4.7.3 (4): every first degree hash was computed in 4.4.3 (3).
            input.append(contentsOf: firstDegreeHashes[related])
        }
        // 4.7.3 (5)
        return hexDigest(H.hash(data: input))
    }

    // MARK: - 4.8.3 Hash N-Degree Quads

    /// Hash N-Degree Quads (https://www.w3.org/TR/rdf-canon/#hash-nd-quads).
    ///
    /// Note: the spec sets no bound on this algorithm's work, and a poison graph makes it run for
    /// ages (https://www.w3.org/TR/rdf-canon/#dataset-poisoning). The state counts calls,
    /// permutations and the depth of recursion, and throws
    /// ``RDFError/Code/canonicalizationLimitExceeded`` past the canonicalizer's limits.
    ///
    /// Note: permutations are visited in the order of the Steinhaus-Johnson-Trotter algorithm from
    /// the blank node list sorted by input label, as the reference implementation (rdf-canonize) does.
    /// The chosen path is the same in any order; the order decides only which of two paths with equal
    /// strings (an automorphism) gives the chosen issuer.
    mutating func hashNDegreeQuads(
        _ identifier: Int, issuer: IdentifierIssuer, depth: Int
    ) throws(RDFError) -> (hash: [UInt8], issuer: IdentifierIssuer) {
        hashNDegreeCalls += 1
        if hashNDegreeCalls > limits.maxHashNDegreeCalls {
            throw Self.limitExceeded("the limit of \(limits.maxHashNDegreeCalls) calls")
        }
        if depth > limits.maxRecursionDepth {
            throw Self.limitExceeded("the limit of \(limits.maxRecursionDepth) nested calls")
        }
        deepestRecursion = max(deepestRecursion, depth)
        var issuer = issuer

        // 4.8.3 (1)-(3): the hash to related blank nodes map, H_n, as (hash, node) pairs in the
        // order found, then ordered by hash (stably, so each blank node list keeps that order).
        var related: [(hash: [UInt8], node: Int)] = []
        var input: [UInt8] = []
        for quadIndex in mentions(of: identifier) {
            let quad = quads[quadIndex]
            // 4.8.3 (3.1)
            for slot in slots[quad.slots] where slot.node != identifier {
                // 4.8.3 (3.1.1)
                let hash = hashRelatedBlankNode(
                    slot.node, quad: quad, position: slot.position, issuer: issuer, input: &input)
                // 4.8.3 (3.1.2)
                related.append((hash, slot.node))
            }
        }
        let byHash = related.indices.sorted {
            let order = codePointCompare(related[$0].hash, related[$1].hash)
            return order < 0 || (order == 0 && $0 < $1)
        }

        // 4.8.3 (4)
        var dataToHash: [UInt8] = []
        var path: [UInt8] = []
        var recursionList: [Int] = []
        // 4.8.3 (5): for each related hash, in code point order.
        var groupStart = 0
        while groupStart < byHash.count {
            let relatedHash = related[byHash[groupStart]].hash
            var groupEnd = groupStart + 1
            while groupEnd < byHash.count, related[byHash[groupEnd]].hash == relatedHash { groupEnd += 1 }
            var blankNodeList = byHash[groupStart..<groupEnd].map { related[$0].node }
            groupStart = groupEnd
            if blankNodeList.count > 1 {
                let ranks = labelRanks()
                blankNodeList.sort { ranks[$0] < ranks[$1] }
            }

            // 4.8.3 (5.1)
            dataToHash.append(contentsOf: relatedHash)
            // 4.8.3 (5.2), (5.3)
            var chosenPath: [UInt8] = []
            var chosenIssuer: IdentifierIssuer?
            // 4.8.3 (5.4)
            var permuter = Permuter(count: blankNodeList.count)
            repeat {
                permutations += 1
                if permutations > limits.maxPermutations {
                    throw Self.limitExceeded("the limit of \(limits.maxPermutations) permutations")
                }
                // 4.8.3 (5.4.1)-(5.4.3)
                var issuerCopy = issuer
                path.removeAll(keepingCapacity: true)
                recursionList.removeAll(keepingCapacity: true)
                var skipped = false
                // 4.8.3 (5.4.4)
                for rank in permuter.current {
                    let node = blankNodeList[rank]
                    if let number = canonicalIssuer.issued(node) {
                        // 4.8.3 (5.4.4.1)
                        canonicalIssuer.appendIdentifier(number, to: &path)
                    } else {
                        // 4.8.3 (5.4.4.2.1)
                        if issuerCopy.issued(node) == nil { recursionList.append(node) }
                        // 4.8.3 (5.4.4.2.2)
                        issuerCopy.appendIdentifier(issuerCopy.issue(node), to: &path)
                    }
                    // 4.8.3 (5.4.4.3)
                    if Self.isWorse(path, than: chosenPath) {
                        skipped = true
                        break
                    }
                }
                // 4.8.3 (5.4.5)
                if !skipped {
                    for node in recursionList {
                        // 4.8.3 (5.4.5.1)
                        let result = try hashNDegreeQuads(node, issuer: issuerCopy, depth: depth + 1)
                        // 4.8.3 (5.4.5.2)
                        issuerCopy.appendIdentifier(issuerCopy.issue(node), to: &path)
                        // 4.8.3 (5.4.5.3)
                        path.append(RDFByte.lessThan)
                        path.append(contentsOf: result.hash)
                        path.append(RDFByte.greaterThan)
                        // 4.8.3 (5.4.5.4)
                        issuerCopy = result.issuer
                        // 4.8.3 (5.4.5.5)
                        if Self.isWorse(path, than: chosenPath) {
                            skipped = true
                            break
                        }
                    }
                }
                // 4.8.3 (5.4.6)
                if !skipped, chosenPath.isEmpty || codePointCompare(path, chosenPath) < 0 {
                    chosenPath = path
                    chosenIssuer = issuerCopy
                }
            } while permuter.advance()
            // 4.8.3 (5.5)
            dataToHash.append(contentsOf: chosenPath)
            // 4.8.3 (5.6): the first permutation always sets a chosen issuer.
            issuer = chosenIssuer!
        }
        // 4.8.3 (6)
        return (hexDigest(H.hash(data: dataToHash)), issuer)
    }

    /// For each blank node, its place among all blank nodes ordered by input label (code point order).
    mutating func labelRanks() -> [Int] {
        if labelRankCache.count == labels.count { return labelRankCache }
        let utf8 = labels.map { Array($0.utf8) }
        var ranks = Array(repeating: 0, count: labels.count)
        for (rank, node) in labels.indices.sorted(by: { codePointCompare(utf8[$0], utf8[$1]) < 0 }).enumerated() {
            ranks[node] = rank
        }
        labelRankCache = ranks
        return ranks
    }

    /// 4.8.3 (5.4.4.3) and (5.4.5.5): whether `path` can no longer be chosen. Paths are ASCII, so
    /// their lengths in bytes are their lengths in code points.
    @inline(__always)
    static func isWorse(_ path: [UInt8], than chosenPath: [UInt8]) -> Bool {
        !chosenPath.isEmpty && path.count >= chosenPath.count && codePointCompare(path, chosenPath) > 0
    }

    static func limitExceeded(_ limit: String) -> RDFError {
        RDFError(
            .canonicalizationLimitExceeded,
            "RDFC-1.0: Hash N-Degree Quads exceeded \(limit); the dataset may be a poison graph")
    }
}

/// The permutations of `0..<count` in Steinhaus-Johnson-Trotter order, starting with the identity.
struct Permuter {
    /// The current permutation.
    private(set) var current: [Int]
    /// For each element, whether it is looking left.
    private var leftward: [Bool]

    init(count: Int) {
        current = Array(0..<count)
        leftward = Array(repeating: true, count: count)
    }

    /// Moves to the next permutation; returns false after the last one.
    mutating func advance() -> Bool {
        let count = current.count
        // The largest mobile element: one greater than the neighbour it is looking at.
        var largest = -1
        var position = 0
        for index in 0..<count {
            let element = current[index]
            guard element > largest else { continue }
            let mobile =
                leftward[element]
                ? index > 0 && element > current[index - 1]
                : index < count - 1 && element > current[index + 1]
            if mobile {
                largest = element
                position = index
            }
        }
        if largest < 0 { return false }
        current.swapAt(position, leftward[largest] ? position - 1 : position + 1)
        for element in (largest + 1)..<count { leftward[element].toggle() }
        return true
    }
}
