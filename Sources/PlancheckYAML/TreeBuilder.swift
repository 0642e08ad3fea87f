// Builds the node tree from parse events with an explicit stack of open collections, so nesting depth costs heap,
// never call stack. It also owns the checks that need the tree: depth, anchors and aliases, duplicate keys.

struct TreeBuilder {
    private let limits: YAMLLimits
    /// Off only for text known to hold no duplicate key (`YAMLReader.read(_:limits:findIssues:)`).
    private let findsDuplicateKeys: Bool
    private(set) var documents: [YAMLNode] = []
    var issues: [YAMLIssue] = []

    private var stack: [Frame] = []
    /// The finished children of every open collection, innermost last; a mapping's are key, value, key, ...
    /// Sharing one buffer means a collection costs one exactly-sized array when it closes, instead of an array
    /// regrown while it fills.
    private var scratch: [YAMLNode] = []
    private var root: YAMLNode?
    /// Anchored nodes of the current document, with the size of each (nodes in its subtree, expansions included).
    private var anchors: [String: Anchored] = [:]
    /// Nodes added by alias expansion so far in the stream.
    private var expandedNodes = 0

    private struct Anchored {
        var node: YAMLNode
        var count: Int
    }

    private struct Frame {
        var isMapping: Bool
        var start: SourceMark
        var style: CollectionStyle
        var tag: String?
        var anchor: String?
        /// Where this collection's children begin in `scratch`.
        var base: Int
        /// The first span of each key, for duplicate detection in O(1) per key; filled only for larger mappings.
        var keys: [KeyIdentity: SourceSpan] = [:]
        /// Nodes in this subtree so far, itself included.
        var count = 1
    }

    init(limits: YAMLLimits, findsDuplicateKeys: Bool = true) {
        self.limits = limits
        self.findsDuplicateKeys = findsDuplicateKeys
    }

    var openStyle: CollectionStyle? { stack.last?.style }

    // MARK: Documents

    mutating func startDocument() {
        // Anchors are scoped to one document.
        anchors.removeAll(keepingCapacity: true)
        root = nil
        stack.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
    }

    mutating func endDocument(at mark: SourceMark) {
        // libyaml always gives a document one root node; an empty one is an empty plain scalar. Be safe anyway.
        documents.append(root ?? YAMLNode(content: .scalar(YAMLScalar(text: "", style: .plain, kind: .null)),
                                          span: SourceSpan(at: mark)))
        root = nil
    }

    // MARK: Nodes

    mutating func scalar(_ node: YAMLNode) {
        if let anchor = node.anchor { anchors[anchor] = Anchored(node: node, count: 1) }
        add(node, count: 1)
    }

    mutating func open(isMapping: Bool, start: SourceMark, style: CollectionStyle, tag: String?,
                       anchor: String?) throws(YAMLError) {
        guard stack.count < limits.maxDepth else {
            throw YAMLError(kind: .tooDeep, problem: LibyamlText.Ours.tooDeep, mark: start,
                            contextMark: stack.first?.start)
        }
        stack.append(Frame(isMapping: isMapping, start: start, style: style, tag: tag, anchor: anchor,
                           base: scratch.count))
    }

    /// Closes the innermost collection. `flowEnd` is the end of the closing bracket; a block collection ends
    /// where its last entry ends, because libyaml's block end mark lies at the next token, past line breaks and
    /// comments that no underline should cover.
    mutating func close(flowEnd: SourceMark?) {
        guard let frame = stack.popLast() else { return }
        let (content, lastEnd) = collectionContent(frame)
        // Only now, with no slice of `scratch` alive, is its buffer unique, so this shrinks it in place.
        scratch.removeSubrange(frame.base...)
        let end = flowEnd ?? lastEnd ?? frame.start
        let node = YAMLNode(content: content, span: SourceSpan(start: frame.start, end: end), tag: frame.tag,
                            anchor: frame.anchor)
        if let anchor = frame.anchor { anchors[anchor] = Anchored(node: node, count: frame.count) }
        add(node, count: frame.count)
    }

    private func collectionContent(_ frame: Frame) -> (YAMLNode.Content, SourceMark?) {
        let children = scratch[frame.base...]
        guard frame.isMapping else {
            return (.sequence(Array(children), frame.style), children.last?.span.end)
        }
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity((children.count + 1) / 2)
        var index = children.startIndex
        while index < children.endIndex {
            let key = children[index]
            let value = index + 1 < children.endIndex ? children[index + 1]
                // libyaml always sends a value after a key; never lose a key if it did not.
                : YAMLNode(content: .scalar(YAMLScalar(text: "", style: .plain, kind: .null)),
                           span: SourceSpan(at: key.span.end))
            pairs.append(YAMLPair(key: key, value: value))
            index += 2
        }
        return (.mapping(pairs, frame.style), pairs.last?.value.span.end)
    }

    /// Expands `*name`. The copy shares storage with the anchored node (arrays are copy-on-write), so it costs
    /// O(1); the node limit still counts every node the expansion stands for, because that is what a consumer
    /// walking the tree will pay, and it is checked before anything is added.
    mutating func alias(_ name: String, span: SourceSpan) throws(YAMLError) {
        guard let anchored = anchors[name] else {
            let recursive = stack.contains { $0.anchor == name }
            throw YAMLError(kind: .undefinedAlias,
                            problem: recursive ? LibyamlText.Ours.recursiveAlias : LibyamlText.Ours.undefinedAlias,
                            mark: span.start)
        }
        let (total, overflow) = expandedNodes.addingReportingOverflow(anchored.count)
        guard !overflow, total <= limits.maxAliasExpansionNodes else {
            throw YAMLError(kind: .aliasExpansionLimit, problem: LibyamlText.Ours.aliasExpansionLimit,
                            mark: span.start)
        }
        expandedNodes = total
        var node = anchored.node
        node.span = span
        node.isAliasExpansion = true
        add(node, count: anchored.count)
    }

    private mutating func add(_ node: YAMLNode, count: Int) {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        stack[top].count &+= count
        if findsDuplicateKeys && stack[top].isMapping && (scratch.count - stack[top].base) % 2 == 0 {
            // An even number of children so far: this node is a key.
            let identity = KeyIdentity(node)
            if let first = firstSpan(of: identity, inFrame: top) {
                issues.append(YAMLIssue(kind: .duplicateKey, span: node.span, text: identity.text, otherSpan: first))
            } else if !stack[top].keys.isEmpty {
                stack[top].keys[identity] = node.span
            }
        }
        scratch.append(node)
    }

    /// Most mappings have a handful of keys: for those a linear scan beats hashing and saves allocating a
    /// dictionary per mapping. From `linearScanLimit` keys on, a dictionary keeps each lookup O(1).
    private static let linearScanLimit = 8

    private mutating func firstSpan(of identity: KeyIdentity, inFrame top: Int) -> SourceSpan? {
        let base = stack[top].base
        if stack[top].keys.isEmpty {
            let keyCount = (scratch.count - base) / 2
            if keyCount < Self.linearScanLimit {
                for index in stride(from: base, to: scratch.count, by: 2) where identity.matches(scratch[index]) {
                    return scratch[index].span
                }
                return nil
            }
            var keys: [KeyIdentity: SourceSpan] = [:]
            keys.reserveCapacity(keyCount * 2)
            for index in stride(from: base, to: scratch.count, by: 2) {
                let key = scratch[index]
                let existing = KeyIdentity(key)
                if keys[existing] == nil { keys[existing] = key.span }
            }
            stack[top].keys = keys
        }
        return stack[top].keys[identity]
    }
}

/// What makes two mapping keys the same: equal values under the core schema. `1` and `"1"` differ (int and
/// string), `~` and `null` agree, `0x10` and `16` agree. Collection keys compare by their full structure, written
/// out as a canonical flow text; that text also names the key in the issue.
struct KeyIdentity: Hashable {
    var kind: ScalarKind?
    var text: String

    init(_ node: YAMLNode) {
        if case .scalar(let scalar) = node.content {
            kind = scalar.kind
            text = KeyIdentity.canonical(scalar)
        } else {
            kind = nil
            text = KeyIdentity.render(node)
        }
    }

    /// Same as `KeyIdentity(node) == self`, without building an identity for the common case of a string key.
    func matches(_ node: YAMLNode) -> Bool {
        if case .scalar(let scalar) = node.content, scalar.kind == .string {
            return kind == .string && text == scalar.text
        }
        return KeyIdentity(node) == self
    }

    static func canonical(_ scalar: YAMLScalar) -> String {
        switch scalar.kind {
        case .string: return scalar.text
        case .null: return ""
        case .bool: return scalar.boolValue == true ? "true" : "false"
        case .int: return scalar.intValue.map { String($0) } ?? scalar.text
        case .float:
            guard let value = scalar.doubleValue else { return scalar.text }
            return value.isNaN ? "nan" : String(value)
        }
    }

    /// A canonical flow rendering of a collection, built with an explicit stack (keys may nest deeply too).
    static func render(_ node: YAMLNode) -> String {
        enum Step {
            case node(YAMLNode)
            case literal(String)
        }
        var out = ""
        var work: [Step] = [.node(node)]
        while let step = work.popLast() {
            switch step {
            case .literal(let text):
                out += text
            case .node(let node):
                switch node.content {
                case .scalar(let scalar):
                    if scalar.kind == .string {
                        out += "\""
                        for ch in scalar.text.unicodeScalars {
                            if ch == "\"" || ch == "\\" { out += "\\" }
                            out.unicodeScalars.append(ch)
                        }
                        out += "\""
                    } else {
                        out += scalar.kind == .null ? "null" : canonical(scalar)
                    }
                case .sequence(let items, _):
                    out += "["
                    work.append(.literal("]"))
                    for (i, item) in items.enumerated().reversed() {
                        work.append(.node(item))
                        if i > 0 { work.append(.literal(", ")) }
                    }
                case .mapping(let pairs, _):
                    out += "{"
                    work.append(.literal("}"))
                    for (i, pair) in pairs.enumerated().reversed() {
                        work.append(.node(pair.value))
                        work.append(.literal(": "))
                        work.append(.node(pair.key))
                        if i > 0 { work.append(.literal(", ")) }
                    }
                }
            }
        }
        return out
    }
}
