// Cheap checks after libyaml for invalid YAML it accepts (the YAML test suite's "invalid input accepted" cases):
// a comment whose `#` has no space before it (`]#x`, `"value"#x`, `%YAML 1.1#x`), a directive after a document that
// was not ended with `...`, and a plain `-` as a flow sequence entry (`[-]`). Each is found from the bytes and the
// finished tree, without parsing again: a `#` outside every scalar is a comment to libyaml, a `%` at the start of a
// line outside every scalar is a directive.

struct PostParseChecks {
    static let commentWithoutSpace = "found a comment without a space before `#`"
    static let directiveInDocument = "found a directive after a document that was not ended with `...`"
    static let plainDashInFlow = "found a plain `-` in a flow collection"

    let bytes: [UInt8]
    let file: SourceFile
    /// Byte ranges of every scalar (keys included), sorted by start: text inside them is content, not syntax.
    private var scalars: [Range<Int>] = []

    init(file: SourceFile, documents: [YAMLNode]) {
        self.file = file
        self.bytes = file.bytes
        var ranges: [Range<Int>] = []
        var stack = documents
        while let node = stack.popLast() {
            switch node.content {
            case .scalar:
                if !node.isAliasExpansion { ranges.append(node.span.start.offset..<max(node.span.start.offset, node.span.end.offset)) }
            case .sequence(let items, _):
                stack += items
            case .mapping(let pairs, _):
                for pair in pairs { stack.append(pair.key); stack.append(pair.value) }
            }
        }
        scalars = ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The first problem found, as libyaml would have reported it.
    func check(documents: [YAMLNode]) -> YAMLError? {
        plainDash(in: documents) ?? commentsAndDirectives()
    }

    private func insideScalar(_ offset: Int) -> Bool {
        var low = 0, high = scalars.count
        while low < high {
            let middle = (low + high) / 2
            if scalars[middle].lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        // Scalars do not overlap except when one key's span holds another's (never in practice): look back a few.
        var index = low - 1
        while index >= 0, index >= low - 4 {
            if scalars[index].contains(offset) { return true }
            index -= 1
        }
        return false
    }

    private func error(_ problem: String, at offset: Int) -> YAMLError {
        let mark = bytes.withUnsafeBufferPointer {
            MarkMapper.mark(forOffset: offset, bytes: $0, lineStarts: file.lineStarts, origin: 0)
        }
        return YAMLError(kind: .scanner, problem: problem, mark: mark)
    }

    /// Walks the lines: `#` outside scalars must follow white space or start a line; `%` at the start of a line
    /// outside scalars is a directive, allowed only before a document's content or after `...`.
    private func commentsAndDirectives() -> YAMLError? {
        var directivesAllowed = true
        var lineStart = 0
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var inComment = false
        var lineHasContent = false
        while index <= bytes.count {
            let atEnd = index == bytes.count
            let byte: UInt8 = atEnd ? 0x0A : bytes[index]
            if byte == 0x0A || byte == 0x0D {
                // The end of a line: a line with content other than a directive or `...` closes the directive part.
                let line = Array(bytes[lineStart..<index])
                if line.starts(with: Array("...".utf8)), line.count == 3 || [0x20, 0x09].contains(line[3]) {
                    directivesAllowed = true
                } else if lineHasContent, line.first != UInt8(ascii: "%") || insideScalar(lineStart) {
                    directivesAllowed = false
                }
                if atEnd { break }
                index += 1
                lineStart = index
                inComment = false
                lineHasContent = false
                continue
            }
            if !inComment {
                if byte == UInt8(ascii: "#"), !insideScalar(index) {
                    let previous = index > lineStart ? bytes[index - 1] : 0x20
                    if previous != 0x20 && previous != 0x09 { return error(Self.commentWithoutSpace, at: index) }
                    inComment = true
                } else if byte == UInt8(ascii: "%"), index == lineStart, !insideScalar(index), !directivesAllowed {
                    return error(Self.directiveInDocument, at: index)
                } else if byte != 0x20 && byte != 0x09 {
                    lineHasContent = true
                }
            }
            index += 1
        }
        return nil
    }

    /// A plain scalar `-` (or one starting `- `) as an entry of a flow collection: `-` followed by a space or a
    /// flow indicator cannot start a plain scalar.
    private func plainDash(in documents: [YAMLNode]) -> YAMLError? {
        var stack: [(YAMLNode, inFlow: Bool)] = documents.map { ($0, false) }
        while let (node, inFlow) = stack.popLast() {
            switch node.content {
            case .scalar(let scalar):
                if inFlow, scalar.style == .plain, !node.isAliasExpansion, scalar.text == "-" || scalar.text.hasPrefix("- ") {
                    return error(Self.plainDashInFlow, at: node.span.start.offset)
                }
            case .sequence(let items, let style):
                stack += items.map { ($0, inFlow || style == .flow) }
            case .mapping(let pairs, let style):
                for pair in pairs {
                    stack.append((pair.key, inFlow || style == .flow))
                    stack.append((pair.value, inFlow || style == .flow))
                }
            }
        }
        return nil
    }
}
