// The event loop: libyaml parses, we turn each event into nodes with spans. No C type leaves this file's module.
internal import CYAML

public enum YAMLReader {
    /// Reads every document of `file`.
    ///
    /// Plain scalars are typed by the YAML 1.2 core schema; YAML 1.1 readings that differ and duplicate keys are
    /// reported in `YAMLStream.issues`. Throws a located `YAMLError` for malformed input or exceeded limits.
    ///
    /// `findIssues: false` skips looking for those issues (the tree is the same; `issues` stays empty): for text
    /// known to have none, such as a file built into the program and checked by its tests. Errors and limits
    /// are enforced either way.
    public static func read(_ file: SourceFile, limits: YAMLLimits = YAMLLimits(),
                            findIssues: Bool = true) throws(YAMLError) -> YAMLStream {
        let bytes = file.bytes
        if bytes.count > limits.maxInputBytes {
            let mark = bytes.withUnsafeBufferPointer {
                MarkMapper.mark(forOffset: max(0, limits.maxInputBytes), bytes: $0, lineStarts: file.lineStarts,
                                origin: 0)
            }
            throw YAMLError(kind: .tooLarge, problem: LibyamlText.Ours.tooLarge, mark: mark)
        }
        if bytes.isEmpty {
            return YAMLStream(file: file, documents: [], issues: [])
        }
        // libyaml would transcode UTF-16, but then its character counts no longer walk our bytes; such files are
        // rare enough to ask for UTF-8 instead of guessing positions.
        if bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)) {
            throw YAMLError(kind: .reader, problem: LibyamlText.Ours.utf16, mark: SourceMark(line: 1, column: 1, offset: 0))
        }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLError) -> YAMLStream in
            var builder = TreeBuilder(limits: limits, findsDuplicateKeys: findIssues)
            try parse(file: file, buffer: buffer, limits: limits, lintsScalars: findIssues, builder: &builder)
            // Invalid YAML libyaml lets through, found cheaply from the bytes and the tree.
            if let error = PostParseChecks(file: file, documents: builder.documents).check(documents: builder.documents) {
                throw error
            }
            return YAMLStream(file: file, documents: builder.documents, issues: builder.issues)
        }
    }

    private static func parse(file: SourceFile, buffer: UnsafeBufferPointer<UInt8>, limits: YAMLLimits,
                              lintsScalars: Bool, builder: inout TreeBuilder) throws(YAMLError) {
        let hasBOM = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
        let origin = hasBOM ? 3 : 0
        var mapper = MarkMapper(bytes: buffer, lineStarts: file.lineStarts, origin: origin)

        // libyaml's input handler keeps a pointer to the parser, so the parser must not move: heap-allocate it.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw YAMLError(kind: .tooLarge, problem: LibyamlText.Ours.outOfMemory, mark: SourceMark(line: 1, column: 1, offset: 0))
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }

        var finished = false
        while !finished {
            guard yaml_parser_parse(parser, event) != 0 else {
                throw libyamlError(parser.pointee, mapper: &mapper, buffer: buffer, lineStarts: file.lineStarts,
                                   origin: origin)
            }
            defer { yaml_event_delete(event) }
            let ev = event.pointee

            switch ev.type {
            case YAML_SCALAR_EVENT:
                let data = ev.data.scalar
                let value = UnsafeBufferPointer(start: data.value, count: data.length)
                let style = scalarStyle(data.style)
                let tag = data.tag.map { String(cString: $0) }
                let kind: ScalarKind
                if let tag {
                    // `!` is the non-specific tag: "do not resolve by content", which means a string.
                    kind = tag == "!" ? .string : ScalarResolver.kind(of: value, tag: tag)
                } else {
                    kind = style == .plain ? ScalarResolver.kind(of: value) : .string
                }
                let start = mapper.mark(forIndex: Int(ev.start_mark.index))
                var end = mapper.mark(forIndex: Int(ev.end_mark.index))
                if style.isBlock {
                    end = trimmedEnd(start: start, end: end, buffer: buffer, lineStarts: file.lineStarts, origin: origin)
                }
                let span = SourceSpan(start: start, end: end)
                let text = String(decoding: value, as: UTF8.self)
                if lintsScalars && tag == nil && style == .plain, let lint = YAML11Lint.check(value) {
                    builder.issues.append(YAMLIssue(kind: lint.kind, span: span, text: text, yaml11Reading: lint.reading))
                }
                builder.scalar(YAMLNode(content: .scalar(YAMLScalar(text: text, style: style, kind: kind)), span: span,
                                        tag: tag, anchor: data.anchor.map { String(cString: $0) }))

            case YAML_SEQUENCE_START_EVENT:
                let data = ev.data.sequence_start
                try builder.open(isMapping: false, start: mapper.mark(forIndex: Int(ev.start_mark.index)),
                                 style: data.style == YAML_FLOW_SEQUENCE_STYLE ? .flow : .block,
                                 tag: data.tag.map { String(cString: $0) },
                                 anchor: data.anchor.map { String(cString: $0) })

            case YAML_MAPPING_START_EVENT:
                let data = ev.data.mapping_start
                try builder.open(isMapping: true, start: mapper.mark(forIndex: Int(ev.start_mark.index)),
                                 style: data.style == YAML_FLOW_MAPPING_STYLE ? .flow : .block,
                                 tag: data.tag.map { String(cString: $0) },
                                 anchor: data.anchor.map { String(cString: $0) })

            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let flowEnd = builder.openStyle == .flow ? mapper.mark(forIndex: Int(ev.end_mark.index)) : nil
                builder.close(flowEnd: flowEnd)

            case YAML_ALIAS_EVENT:
                let name = ev.data.alias.anchor.map { String(cString: $0) } ?? ""
                let span = SourceSpan(start: mapper.mark(forIndex: Int(ev.start_mark.index)),
                                      end: mapper.mark(forIndex: Int(ev.end_mark.index)))
                try builder.alias(name, span: span)

            case YAML_DOCUMENT_START_EVENT:
                if !limits.allowMultipleDocuments && !builder.documents.isEmpty {
                    throw YAMLError(kind: .multipleDocuments, problem: LibyamlText.Ours.multipleDocuments,
                                    mark: mapper.mark(forIndex: Int(ev.start_mark.index)),
                                    contextMark: builder.documents.first?.span.start)
                }
                builder.startDocument()

            case YAML_DOCUMENT_END_EVENT:
                builder.endDocument(at: mapper.mark(forIndex: Int(ev.start_mark.index)))

            case YAML_STREAM_END_EVENT:
                finished = true

            default:
                // STREAM-START carries nothing we need; NO-EVENT does not occur after a successful parse.
                break
            }
        }
    }

    private static func scalarStyle(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    /// libyaml ends a block scalar at column 0 of the line after it (after any trailing blank lines), which would
    /// underline line breaks. We end it after its last non-blank character instead, so the span covers the header
    /// (`|`, `>`, with properties) and the content lines exactly; an empty block scalar spans just its header.
    private static func trimmedEnd(start: SourceMark, end: SourceMark, buffer: UnsafeBufferPointer<UInt8>,
                                   lineStarts: [Int], origin: Int) -> SourceMark {
        var offset = min(end.offset, buffer.count)
        while offset > start.offset {
            let byte = buffer[offset - 1]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { break }
            offset -= 1
        }
        if offset == end.offset { return end }
        return MarkMapper.mark(forOffset: offset, bytes: buffer, lineStarts: lineStarts, origin: origin)
    }

    private static func libyamlError(_ parser: yaml_parser_t, mapper: inout MarkMapper,
                                     buffer: UnsafeBufferPointer<UInt8>, lineStarts: [Int], origin: Int) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) }
        let context = parser.context.map { String(cString: $0) }
        switch parser.error {
        case YAML_READER_ERROR:
            // The reader reports a byte offset into the raw input, not a mark.
            let mark = MarkMapper.mark(forOffset: Int(parser.problem_offset), bytes: buffer, lineStarts: lineStarts,
                                       origin: origin)
            return YAMLError(kind: .reader, problem: problem ?? LibyamlText.Ours.unknown, mark: mark)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let mark = mapper.mark(forIndex: Int(parser.problem_mark.index))
            let contextMark = context == nil ? nil : mapper.mark(forIndex: Int(parser.context_mark.index))
            return YAMLError(kind: parser.error == YAML_SCANNER_ERROR ? .scanner : .parser,
                             problem: problem ?? LibyamlText.Ours.unknown, context: context, mark: mark,
                             contextMark: contextMark)
        case YAML_MEMORY_ERROR:
            // There is no memory kind; running out of memory on an input means it was too large to read.
            return YAMLError(kind: .tooLarge, problem: LibyamlText.Ours.outOfMemory,
                             mark: mapper.mark(forIndex: Int(parser.mark.index)))
        default:
            return YAMLError(kind: .parser, problem: problem ?? LibyamlText.Ours.unknown,
                             mark: mapper.mark(forIndex: Int(parser.mark.index)))
        }
    }
}
