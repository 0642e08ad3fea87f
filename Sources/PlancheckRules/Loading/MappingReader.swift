import PlancheckYAML

/// Typed, located access to a YAML mapping. Every key a loader asks for is remembered, so that `finish()` can
/// report the keys nobody asked for as unknown — with a suggestion of the intended key.
struct MappingReader {
    let node: YAMLNode
    let file: SourceFile
    let sink: DiagnosticSink
    private var askedFor: [String] = []

    /// Nil (after reporting) when `node` is not a mapping.
    init?(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink, what: String) {
        guard node.mapping != nil else {
            sink.report(.wrongShape, .error, Message(.expectedMapping, [
                "what": .text(what), "found": .text(node.shapeDescription)]),
                        at: SourceLocation(file: file, span: node.span))
            return nil
        }
        self.node = node
        self.file = file
        self.sink = sink
    }

    func location(of node: YAMLNode) -> SourceLocation { SourceLocation(file: file, span: node.span) }
    var location: SourceLocation { location(of: node) }

    /// The value node at `key`, reporting a missing required one at the mapping.
    mutating func value(_ key: String, required: Bool = false) -> YAMLNode? {
        askedFor.append(key)
        if let value = node[key], !(value.scalar?.kind == .null && value.scalar?.style == .plain && required) {
            return value
        }
        if required {
            sink.report(.missingField, .error, Message(.missingField, ["key": .text(key)]), at: keyLocation)
        }
        return nil
    }

    /// A string scalar at `key`. Numbers are accepted as their text (a code like 210102 typed without quotes).
    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard let scalar = value.scalar, scalar.kind != .null else {
            if value.scalar?.kind == .null, !required { return nil }
            reportShape(value, expected: .expectedScalar, key: key)
            return nil
        }
        return scalar.text
    }

    mutating func integer(_ key: String, required: Bool = false) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        guard let scalar = value.scalar, scalar.kind == .int, let number = Int(scalar.text) else {
            sink.report(.invalidValue, .error, Message(.expectedInteger, ["key": .text(key)]),
                        at: location(of: value))
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let scalar = value.scalar, scalar.kind == .bool else {
            sink.report(.invalidValue, .error, Message(.expectedBool, ["key": .text(key)]), at: location(of: value))
            return nil
        }
        return scalar.text.lowercased() == "true"
    }

    /// `{zh: ..., en: ...}`.
    mutating func localized(_ key: String, required: Bool = false) -> LocalizedText? {
        guard let value = value(key, required: required) else { return nil }
        return MappingReader.localized(value, file: file, sink: sink, what: key)
    }

    static func localized(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink, what: String) -> LocalizedText? {
        guard var reader = MappingReader(node, file: file, sink: sink, what: what) else { return nil }
        let zh = reader.string("zh", required: true)
        let en = reader.string("en", required: true)
        reader.finish()
        guard let zh, let en else { return nil }
        return LocalizedText(zh: zh, en: en)
    }

    /// A sequence of strings (a single string is accepted as a one-element list).
    mutating func strings(_ key: String) -> [String]? {
        guard let value = value(key) else { return nil }
        if let scalar = value.scalar, scalar.kind != .null { return [scalar.text] }
        guard let items = value.sequence else {
            reportShape(value, expected: .expectedSequence, key: key)
            return nil
        }
        var result: [String] = []
        for item in items {
            if let scalar = item.scalar, scalar.kind != .null {
                result.append(scalar.text)
            } else {
                reportShape(item, expected: .expectedScalar, key: key)
            }
        }
        return result
    }

    /// Reports every key of the mapping that no accessor asked for.
    func finish(extraKnownKeys: [String] = []) {
        guard let pairs = node.mapping else { return }
        let known = askedFor + extraKnownKeys
        for pair in pairs {
            let keyText = pair.key.scalar?.text ?? ""
            if known.contains(keyText) { continue }
            var help: Message?
            if let suggestion = Suggestions.closest(to: keyText, in: known) {
                help = Message(.helpDidYouMean, ["suggestion": .text(suggestion)])
            } else {
                help = Message(.helpKnownKeys, ["keys": .text(known.joined(separator: ", "))])
            }
            sink.report(.unknownKey, .error, Message(.unknownKey, ["key": .text(keyText)]),
                        at: location(of: pair.key), help: help)
        }
    }

    private var keyLocation: SourceLocation {
        // A missing key is reported at the start of the mapping that should hold it.
        SourceLocation(file: file, span: SourceSpan(at: node.span.start))
    }

    private func reportShape(_ value: YAMLNode, expected: MessageKey, key: String) {
        sink.report(.wrongShape, .error, Message(expected, ["key": .text(key), "found": .text(value.shapeDescription)]),
                    at: location(of: value))
    }
}

extension YAMLNode {
    /// How the node looks, for "expected a mapping, found …" messages.
    var shapeDescription: String {
        switch content {
        case .scalar(let scalar): return scalar.kind == .null ? "null" : "'\(scalar.text)'"
        case .sequence: return "[…]"
        case .mapping: return "{…}"
        }
    }
}
