// The YAML node tree. Unlike most YAML libraries, nothing here drops source positions: every scalar,
// collection and mapping key carries its span and presentation style.

public enum ScalarStyle: String, Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    public var isQuoted: Bool { self == .singleQuoted || self == .doubleQuoted }
    public var isBlock: Bool { self == .literal || self == .folded }
}

public enum CollectionStyle: String, Sendable, Hashable {
    case block, flow
}

/// What a scalar means under the YAML 1.2 core schema. Plain scalars are resolved by their text;
/// quoted and block scalars are always strings (unless an explicit tag says otherwise).
public enum ScalarKind: String, Sendable, Hashable {
    case null, bool, int, float, string
}

public struct YAMLScalar: Sendable, Hashable {
    /// The scalar's value after YAML unescaping and folding (what the document means, not how it is written).
    public var text: String
    public var style: ScalarStyle
    /// The kind under the YAML 1.2 core schema.
    public var kind: ScalarKind

    public init(text: String, style: ScalarStyle, kind: ScalarKind) {
        self.text = text
        self.style = style
        self.kind = kind
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode], CollectionStyle)
        /// Pairs in document order. Duplicate keys are kept (and reported as a `YAMLIssue`), never silently dropped.
        case mapping([YAMLPair], CollectionStyle)
    }

    public var content: Content
    public var span: SourceSpan
    /// The explicit tag as written after resolution of handles (e.g. `tag:yaml.org,2002:str`), if any.
    public var tag: String?
    /// The anchor this node was defined with, if any.
    public var anchor: String?
    /// True when this node was produced by expanding an alias (`*name`); `span` then points at the alias.
    /// Only the root of an expansion is marked: the nodes inside it are the anchored node's own (shared
    /// copy-on-write), so their spans point at the anchored text, where a reader can see them. `anchor` keeps the
    /// anchored node's name, which is also the alias's.
    public var isAliasExpansion: Bool

    public init(content: Content, span: SourceSpan, tag: String? = nil, anchor: String? = nil,
                isAliasExpansion: Bool = false) {
        self.content = content
        self.span = span
        self.tag = tag
        self.anchor = anchor
        self.isAliasExpansion = isAliasExpansion
    }
}

extension YAMLNode {
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = content { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs, _) = content { return pairs }
        return nil
    }

    /// The first value whose key is the plain string `key`.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs, _) = content else { return nil }
        return pairs.first { $0.key.scalar?.text == key }?.value
    }

    /// A word for the node's shape, for messages: "scalar", "sequence" or "mapping".
    public var shapeName: String {
        switch content {
        case .scalar: return "scalar"
        case .sequence: return "sequence"
        case .mapping: return "mapping"
        }
    }
}
