import PlancheckYAML

/// A problem with an input: a submission, a rule pack, a quota table or the configuration. Rule outcomes are
/// `RuleResult`s; the two never share a type, so no reporter has to guess which one it holds.
///
/// Like a compiler's diagnostic, it has a typed code, a primary location, labelled secondary locations, notes that
/// carry their own locations, help, and the edits that would fix it when the fix is certain.
public struct Diagnostic: Sendable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var message: Message
    /// The offending text; nil for problems with a file as a whole (unreadable, empty).
    public var location: SourceLocation?
    /// The file concerned (a submission, a rule file); set from `location` when there is one.
    public var file: String?
    /// The reporting unit whose file this is, when known.
    public var unit: String?
    /// Other places involved, each with what it is (the first definition of a duplicated key, ...).
    public var labels: [Label] = []
    public var notes: [Note] = []
    public var help: Message?
    /// Edits that fix the problem without changing the meaning; empty when there is no certain fix.
    public var edits: [Edit] = []

    public init(_ code: DiagnosticCode, _ severity: Severity, _ message: Message, location: SourceLocation? = nil,
                file: String? = nil, unit: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.file = file ?? location?.file.path
        self.unit = unit
    }

    /// A secondary location with what it shows.
    public struct Label: Sendable {
        public var location: SourceLocation
        public var message: Message
        public init(_ location: SourceLocation, _ message: Message) {
            self.location = location
            self.message = message
        }
    }

    /// Something more to know, possibly about another place.
    public struct Note: Sendable {
        public var message: Message
        public var location: SourceLocation?
        public init(_ message: Message, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }

        /// "first defined here: file:line:col", located there.
        static func firstDefinedHere(_ location: SourceLocation) -> Note {
            Note(Message(.noteFirstDefinedHere, ["location": .path(location.description)]), at: location)
        }
    }

    /// Replace the text of `location` with `replacement` (a machine-applicable fix).
    public struct Edit: Sendable, Equatable {
        public var location: SourceLocation
        public var replacement: String
        public init(replacing location: SourceLocation, with replacement: String) {
            self.location = location
            self.replacement = replacement
        }

        public static func == (left: Edit, right: Edit) -> Bool {
            left.location.file.path == right.location.file.path && left.location.span == right.location.span
                && left.replacement == right.replacement
        }
    }

    /// Whether this diagnostic counts towards the exit status at `failOn`.
    public func fails(at failOn: Severity) -> Bool { severity >= failOn }

    /// Whether the file it concerns could not be used at all (the run's status is then 2).
    public var makesInputUnusable: Bool {
        switch code {
        case .fileUnreadable, .yamlSyntax, .yamlLimit: return true
        default: return false
        }
    }
}
