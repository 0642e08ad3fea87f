// The public entry point of the YAML layer. The implementation drives libyaml's event API and builds the
// node tree iteratively (an explicit stack), so deep input cannot overflow the call stack.

/// Limits that keep hostile input from exhausting time or memory.
public struct YAMLLimits: Sendable {
    /// Largest input accepted, in bytes.
    public var maxInputBytes: Int = 64 << 20
    /// Deepest nesting of collections accepted. The reader itself never recurses, but the tree it returns is
    /// freed (and usually walked by its users) recursively, so keep this in the low thousands at most.
    public var maxDepth: Int = 512
    /// Most nodes that alias expansion may add to a stream (the "billion laughs" guard).
    public var maxAliasExpansionNodes: Int = 100_000
    /// Whether a stream may hold more than one document.
    public var allowMultipleDocuments: Bool = false

    public init() {}

    /// Added: every limit at once; omitted ones keep their defaults.
    public init(maxInputBytes: Int = 64 << 20, maxDepth: Int = 512, maxAliasExpansionNodes: Int = 100_000,
                allowMultipleDocuments: Bool = false) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansionNodes = maxAliasExpansionNodes
        self.allowMultipleDocuments = allowMultipleDocuments
    }
}

/// A finding about the text that does not stop parsing: it still produced a tree, but a person should look.
public struct YAMLIssue: Sendable {
    public enum Kind: String, Sendable {
        /// A mapping holds the same key twice (`key` and `otherSpan` say which and where the first was).
        case duplicateKey
        /// A plain scalar that YAML 1.1 tools read as a boolean (yes/no/on/off/y/n), while we read a string.
        case yaml11Boolean
        /// A plain scalar that YAML 1.1 tools read as an octal number (e.g. `010`), while we read decimal.
        case yaml11Octal
        /// A plain scalar that YAML 1.1 tools read as a base-60 number (e.g. `1:20`), while we read a string.
        case yaml11Sexagesimal
        /// Added: a plain scalar with `_` digit grouping (e.g. `1_000`, `0x_FF`) that YAML 1.1 tools read as a
        /// number, while we read a string.
        case yaml11DigitGrouping
        /// Added: a plain scalar like `0b1010` that YAML 1.1 tools read as a binary number, while we read a string.
        case yaml11Binary
    }

    public var kind: Kind
    public var span: SourceSpan
    /// The scalar text concerned.
    public var text: String
    /// For a duplicate key: the span of the first occurrence.
    public var otherSpan: SourceSpan?
    /// For YAML 1.1 findings: what a YAML 1.1 reader would make of the text (e.g. "true", "8").
    public var yaml11Reading: String?

    public init(kind: Kind, span: SourceSpan, text: String, otherSpan: SourceSpan? = nil, yaml11Reading: String? = nil) {
        self.kind = kind
        self.span = span
        self.text = text
        self.otherSpan = otherSpan
        self.yaml11Reading = yaml11Reading
    }
}

/// A file that could not be read as YAML, with the place where reading stopped.
public struct YAMLError: Error, Sendable {
    public enum Kind: String, Sendable {
        /// libyaml's reader: bad encoding (invalid UTF-8, a NUL byte, an unsupported BOM, ...).
        case reader
        /// libyaml's scanner: bad tokens (a tab as indentation, an unterminated quote, ...).
        case scanner
        /// libyaml's parser: bad structure (a key where a value must be, a missing `]`, ...).
        case parser
        /// The input is larger than `YAMLLimits.maxInputBytes`.
        case tooLarge
        /// Nesting deeper than `YAMLLimits.maxDepth`.
        case tooDeep
        /// Alias expansion would exceed `YAMLLimits.maxAliasExpansionNodes`.
        case aliasExpansionLimit
        /// An alias names an anchor that was never defined.
        case undefinedAlias
        /// More than one document where one was expected.
        case multipleDocuments
    }

    public var kind: Kind
    /// libyaml's problem text (English), or our own for the kinds we detect.
    public var problem: String
    /// libyaml's context text, if it gave one (e.g. "while parsing a block mapping").
    public var context: String?
    /// Where the problem is.
    public var mark: SourceMark
    /// Where the context starts (e.g. the start of the mapping being parsed), if known.
    public var contextMark: SourceMark?

    public init(kind: Kind, problem: String, context: String? = nil, mark: SourceMark, contextMark: SourceMark? = nil) {
        self.kind = kind
        self.problem = problem
        self.context = context
        self.mark = mark
        self.contextMark = contextMark
    }
}

/// The result of reading one file: its documents (empty for an empty stream) and the issues found on the way.
public struct YAMLStream: Sendable {
    public var file: SourceFile
    public var documents: [YAMLNode]
    public var issues: [YAMLIssue]

    public init(file: SourceFile, documents: [YAMLNode], issues: [YAMLIssue]) {
        self.file = file
        self.documents = documents
        self.issues = issues
    }
}
