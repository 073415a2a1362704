import Crypto

/// The canonicalization state of RDFC-1.0 (https://www.w3.org/TR/rdf-canon/#canon-state) and the
/// canonicalization algorithm (https://www.w3.org/TR/rdf-canon/#canon-algorithm), generic over the
/// hash function so that hashing is specialized.
///
/// Blank nodes are numbered `0..<labels.count` in the order they are first met (subject, object,
/// graph name of each quad in turn). Each quad is serialized once, in canonical N-Quads form, with
/// every blank node written as `_:z`; Hash First Degree Quads patches the reference node's `z` to
/// `a`, and the final serialization splices canonical labels into the same lines. All lines share
/// one buffer, and all blank node components one array, to keep allocations few.
struct CanonicalizationState<H: HashFunction> {
    /// One quad, serialized once for every later use.
    struct QuadRecord {
        /// Its canonical N-Quads line in `text`, `\n` included, with each blank node written `_:z`.
        var line: Range<Int>
        /// Its blank node components in `slots`, in subject, object, graph name order.
        var slots: Range<Int>
        /// The predicate's `<iri>` in `text`.
        var predicate: Range<Int>
    }

    /// A blank node component of a quad.
    struct Slot {
        /// Where its `_:z` starts in `text`.
        var offset: Int
        var node: Int
        /// `s`, `o` or `g`, as Hash Related Blank Node writes it.
        var position: UInt8
    }

    let limits: RDFCanonicalizer
    /// The input dataset's quads, prepared, in input order.
    private(set) var quads: [QuadRecord] = []
    /// The lines of all quads.
    private(set) var text: [UInt8] = []
    /// The blank node components of all quads.
    private(set) var slots: [Slot] = []
    /// The input blank node identifier map, from number to label.
    private(set) var labels: [String] = []
    /// The blank node to quads map (4.2): the quads that mention node `n` are
    /// `mentionedIn[mentionStart[n]..<mentionStart[n + 1]]`.
    private(set) var mentionStart: [Int] = []
    private(set) var mentionedIn: [Int] = []
    /// The first degree hash of each blank node, as lower-case hex bytes.
    private(set) var firstDegreeHashes: [[UInt8]] = []
    /// The canonical issuer, prefix `c14n`.
    var canonicalIssuer = IdentifierIssuer(prefix: "c14n", nodeCount: 0)
    /// How many times Hash N-Degree Quads has run, and how many permutations it has tried.
    var hashNDegreeCalls = 0
    var permutations = 0
    var deepestRecursion = 0
    /// Each blank node's place in the order of input labels, once Hash N-Degree Quads needs it.
    var labelRankCache: [Int] = []

    init(_ dataset: RDFDataset, limits: RDFCanonicalizer) throws(RDFError) {
        self.limits = limits
        var numbers: [String: Int] = [:]
        var lastMention: [Int] = []
        var mentions: [(node: Int, quad: Int)] = []
        // Note: locals, not properties, while building, so that appends need no access to `self`.
        var quads: [QuadRecord] = []
        var text: [UInt8] = []
        var slots: [Slot] = []
        var labels: [String] = []
        quads.reserveCapacity(dataset.count)
        text.reserveCapacity(dataset.count * 128)
        slots.reserveCapacity(dataset.count * 2)
        mentions.reserveCapacity(dataset.count * 2)

        // 4.4.3 (2): for each quad, a reference from each blank node in it, in subject, object,
        // graph name order; a quad is referenced once, however many components name the node.
        func add(_ term: RDFTerm, _ position: UInt8, quad: Int) {
            guard case .blankNode(let label) = term else {
                NQuadsSerializer.append(term, to: &text)
                return
            }
            let node: Int
            if let existing = numbers[label] {
                node = existing
            } else {
                node = labels.count
                numbers[label] = node
                labels.append(label)
                lastMention.append(-1)
            }
            if lastMention[node] != quad {
                lastMention[node] = quad
                mentions.append((node, quad))
            }
            slots.append(Slot(offset: text.count, node: node, position: position))
            text.append(RDFByte.underscore)
            text.append(RDFByte.colon)
            text.append(UInt8(ascii: "z"))
        }

        for (index, quad) in dataset.quads.enumerated() {
            if case .literal = quad.subject { throw Self.unsupported("a literal subject") }
            guard case .iri(let predicate) = quad.predicate else {
                throw Self.unsupported("a predicate that is not an IRI")
            }
            if case .literal? = quad.graph { throw Self.unsupported("a literal graph name") }
            let lineStart = text.count
            let slotStart = slots.count
            add(quad.subject, UInt8(ascii: "s"), quad: index)
            text.append(RDFByte.space)
            let predicateStart = text.count
            NQuadsSerializer.appendIRI(predicate, to: &text)
            let predicateRange = predicateStart..<text.count
            text.append(RDFByte.space)
            add(quad.object, UInt8(ascii: "o"), quad: index)
            if let graph = quad.graph {
                text.append(RDFByte.space)
                add(graph, UInt8(ascii: "g"), quad: index)
            }
            text.append(contentsOf: NQuadsSerializer.lineEnd)
            quads.append(QuadRecord(line: lineStart..<text.count, slots: slotStart..<slots.count, predicate: predicateRange))
        }

        self.quads = quads
        self.text = text
        self.slots = slots
        self.labels = labels
        // The blank node to quads map, laid out by node (a counting sort keeps the quad order).
        mentionStart = Array(repeating: 0, count: labels.count + 1)
        for mention in mentions { mentionStart[mention.node + 1] += 1 }
        for node in labels.indices { mentionStart[node + 1] += mentionStart[node] }
        var next = mentionStart
        mentionedIn = Array(repeating: 0, count: mentions.count)
        for mention in mentions {
            mentionedIn[next[mention.node]] = mention.quad
            next[mention.node] += 1
        }
        canonicalIssuer = IdentifierIssuer(prefix: "c14n", nodeCount: labels.count)
    }

    static func unsupported(_ what: String) -> RDFError {
        RDFError(.unsupportedTerm, "RDFC-1.0 cannot canonicalize a quad with \(what) (generalized RDF)")
    }

    /// The quads that mention a blank node, from the blank node to quads map.
    @inline(__always)
    func mentions(of node: Int) -> ArraySlice<Int> {
        mentionedIn[mentionStart[node]..<mentionStart[node + 1]]
    }

    // MARK: - 4.4.3 Canonicalization Algorithm

    /// Runs the canonicalization algorithm (4.4.3), issuing every blank node a canonical identifier.
    mutating func canonicalize() throws(RDFError) {
        // 4.4.3 (1): the state is this value; (2) the blank node to quads map was filled by `init`.
        // 4.4.3 (3): the first degree hash of every blank node.
        var scratch = ByteLines(capacity: 1024)
        firstDegreeHashes.reserveCapacity(labels.count)
        for node in labels.indices {
            // 4.4.3 (3.1)
            firstDegreeHashes.append(firstDegreeHash(node, scratch: &scratch))
        }
        // 4.4.3 (3.2): the hash to blank nodes map, as the nodes sorted by hash (then by number, so
        // that each identifier list keeps the order of step 3).
        let byHash = labels.indices.sorted {
            let order = codePointCompare(firstDegreeHashes[$0], firstDegreeHashes[$1])
            return order < 0 || (order == 0 && $0 < $1)
        }

        // 4.4.3 (4): issue canonical identifiers to the nodes with unique first degree hashes, in
        // the order of their hashes.
        var shared: [Range<Int>] = []
        var start = 0
        while start < byHash.count {
            var end = start + 1
            while end < byHash.count, firstDegreeHashes[byHash[end]] == firstDegreeHashes[byHash[start]] { end += 1 }
            if end - start > 1 {
                // 4.4.3 (4.1)
                shared.append(start..<end)
            } else {
                // 4.4.3 (4.2), (4.3)
                canonicalIssuer.issue(byHash[start])
            }
            start = end
        }

        // 4.4.3 (5): the nodes that share a first degree hash, in the order of their hashes.
        for identifierList in shared {
            // 4.4.3 (5.1)
            var hashPathList: [(hash: [UInt8], issuer: IdentifierIssuer)] = []
            // 4.4.3 (5.2)
            for node in byHash[identifierList] {
                // 4.4.3 (5.2.1)
                if canonicalIssuer.issued(node) != nil { continue }
                // 4.4.3 (5.2.2), (5.2.3)
                var temporaryIssuer = IdentifierIssuer(prefix: "b", nodeCount: labels.count)
                temporaryIssuer.issue(node)
                // 4.4.3 (5.2.4)
                hashPathList.append(try hashNDegreeQuads(node, issuer: temporaryIssuer, depth: 1))
            }
            // 4.4.3 (5.3): a stable sort, so equal hashes keep the order of identifier list.
            let ordered = hashPathList.indices.sorted {
                let order = codePointCompare(hashPathList[$0].hash, hashPathList[$1].hash)
                return order < 0 || (order == 0 && $0 < $1)
            }
            for index in ordered {
                // 4.4.3 (5.3.1)
                for node in hashPathList[index].issuer.issuedOrder { canonicalIssuer.issue(Int(node)) }
            }
        }
    }

    // MARK: - 4.6.3 Hash First Degree Quads

    /// Hash First Degree Quads (4.6.3) for a blank node, as lower-case hex bytes.
    private func firstDegreeHash(_ node: Int, scratch: inout ByteLines) -> [UInt8] {
        // 4.6.3 (1), (2)
        scratch.removeAll()
        // 4.6.3 (3): each quad's canonical line, `_:a` for the reference node and `_:z` for others.
        for quadIndex in mentions(of: node) {
            let quad = quads[quadIndex]
            scratch.beginLine()
            let shift = scratch.bytes.count - quad.line.lowerBound
            scratch.bytes.append(contentsOf: text[quad.line])
            for slot in slots[quad.slots] where slot.node == node {
                scratch.bytes[shift + slot.offset + 2] = UInt8(ascii: "a")
            }
            scratch.endLine()
        }
        // 4.6.3 (4)
        scratch.sort()
        // 4.6.3 (5): hashing the lines one by one is hashing their concatenation.
        var hasher = H()
        scratch.forEachLine { hasher.update(bufferPointer: $0) }
        return hexDigest(hasher.finalize())
    }

    // MARK: - 5 Serialization

    /// The serialized canonical form (section 5) and, for each line in it, the quad it came from.
    func serialize() -> (nquads: [UInt8], order: [Int]) {
        var lines = ByteLines(capacity: text.count + 8 * slots.count)
        text.withUnsafeBufferPointer { text in
            for quad in quads {
                lines.beginLine()
                var copied = quad.line.lowerBound
                for slot in slots[quad.slots] {
                    lines.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<slot.offset]))
                    canonicalIssuer.appendIdentifier(canonicalIssuer.issued(slot.node)!, to: &lines.bytes)
                    copied = slot.offset + 3
                }
                lines.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<quad.line.upperBound]))
                lines.endLine()
            }
        }
        lines.sort()
        return (lines.joined(), lines.order)
    }

    /// The canonical number issued to each blank node.
    var canonicalNumbers: [Int] { labels.indices.map { canonicalIssuer.issued($0)! } }
}

private let lowerHexDigits: [UInt8] = Array("0123456789abcdef".utf8)

/// A digest as lower-case hexadecimal ASCII bytes.
func hexDigest<D: Digest>(_ digest: D) -> [UInt8] {
    digest.withUnsafeBytes { raw in
        [UInt8](unsafeUninitializedCapacity: raw.count * 2) { output, count in
            lowerHexDigits.withUnsafeBufferPointer { digits in
                for (index, byte) in raw.enumerated() {
                    output[2 * index] = digits[Int(byte >> 4)]
                    output[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
            }
            count = raw.count * 2
        }
    }
}
