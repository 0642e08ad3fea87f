// Builds the node tree from parse events with an explicit stack of open collections, so nesting depth costs heap,
// never call stack. It also owns the checks that need the tree: depth, anchors and aliases, duplicate keys.

struct TreeBuilder {
    private let limits: YAMLLimits
    private(set) var documents: [YAMLNode] = []
    var issues: [YAMLIssue] = []

    private var stack: [Frame] = []
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
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// The first span of each key seen, for duplicate detection in O(1) per key.
        var keys: [KeyIdentity: SourceSpan] = [:]
        /// Nodes in this subtree so far, itself included.
        var count = 1
    }

    init(limits: YAMLLimits) {
        self.limits = limits
    }

    var openStyle: CollectionStyle? { stack.last?.style }

    // MARK: Documents

    mutating func startDocument() {
        // Anchors are scoped to one document.
        anchors.removeAll(keepingCapacity: true)
        root = nil
        stack.removeAll(keepingCapacity: true)
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
        stack.append(Frame(isMapping: isMapping, start: start, style: style, tag: tag, anchor: anchor))
    }

    /// Closes the innermost collection. `flowEnd` is the end of the closing bracket; a block collection ends
    /// where its last entry ends, because libyaml's block end mark lies at the next token, past line breaks and
    /// comments that no underline should cover.
    mutating func close(flowEnd: SourceMark?) {
        guard let frame = stack.popLast() else { return }
        let content: YAMLNode.Content
        let lastEnd: SourceMark?
        if frame.isMapping {
            var pairs = frame.pairs
            if let key = frame.pendingKey {
                // libyaml always sends a value after a key; never lose a key if it did not.
                pairs.append(YAMLPair(key: key, value: YAMLNode(
                    content: .scalar(YAMLScalar(text: "", style: .plain, kind: .null)), span: SourceSpan(at: key.span.end))))
            }
            lastEnd = pairs.last?.value.span.end
            content = .mapping(pairs, frame.style)
        } else {
            lastEnd = frame.items.last?.span.end
            content = .sequence(frame.items, frame.style)
        }
        let end = flowEnd ?? lastEnd ?? frame.start
        let node = YAMLNode(content: content, span: SourceSpan(start: frame.start, end: end), tag: frame.tag,
                            anchor: frame.anchor)
        if let anchor = frame.anchor { anchors[anchor] = Anchored(node: node, count: frame.count) }
        add(node, count: frame.count)
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
        node.anchor = name
        add(node, count: anchored.count)
    }

    private mutating func add(_ node: YAMLNode, count: Int) {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        stack[top].count &+= count
        if stack[top].isMapping {
            if let key = stack[top].pendingKey {
                stack[top].pairs.append(YAMLPair(key: key, value: node))
                stack[top].pendingKey = nil
            } else {
                let identity = KeyIdentity(node)
                if let first = stack[top].keys[identity] {
                    issues.append(YAMLIssue(kind: .duplicateKey, span: node.span, text: identity.text,
                                            otherSpan: first))
                } else {
                    stack[top].keys[identity] = node.span
                }
                stack[top].pendingKey = node
            }
        } else {
            stack[top].items.append(node)
        }
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
