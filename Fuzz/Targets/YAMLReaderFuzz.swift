// libFuzzer target: arbitrary bytes through the YAML layer (`YAMLReader.read`).
//
// Beyond "does not crash", it checks the promise every diagnostic relies on: each span and error mark lies
// inside the file and its line/column agree with the byte offset. A span outside the bytes would crash the
// reporters that underline source text, far from the reader that produced it, so it is caught here instead.
import PlancheckYAML

#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let file = SourceFile(path: "fuzz.yml", bytes: bytes)
    // Small limits so the fuzzer reaches the limit checks with short inputs; one run with the defaults too.
    let small = YAMLLimits(maxInputBytes: 1 << 20, maxDepth: 40, maxAliasExpansionNodes: 2_000,
                           allowMultipleDocuments: bytes.first.map { $0 & 1 == 1 } ?? false)
    for limits in [small, YAMLLimits()] {
        do {
            let stream = try YAMLReader.read(file, limits: limits)
            var work = stream.documents
            var visited = 0
            while let node = work.popLast() {
                visited += 1
                // Alias expansions reuse the anchored subtree; do not walk them again (the count is bounded
                // by the alias limit, but walking it here would only slow the fuzzer down).
                check(node.span, in: file)
                if node.isAliasExpansion { continue }
                switch node.content {
                case .scalar(let scalar):
                    _ = scalar.doubleValue
                    _ = scalar.intValue
                    _ = scalar.boolValue
                case .sequence(let items, _):
                    work += items
                case .mapping(let pairs, _):
                    for pair in pairs { work += [pair.key, pair.value] }
                }
            }
            for issue in stream.issues {
                check(issue.span, in: file)
                if let other = issue.otherSpan { check(other, in: file) }
            }
        } catch {
            check(SourceSpan(at: error.mark), in: file)
            if let context = error.contextMark { check(SourceSpan(at: context), in: file) }
        }
    }
    return 0
}

/// Aborts (a finding for libFuzzer) when a span is not inside the file or its marks disagree with the bytes.
private func check(_ span: SourceSpan, in file: SourceFile) {
    let count = file.bytes.count
    for mark in [span.start, span.end] {
        guard mark.offset >= 0, mark.offset <= count, mark.line >= 1, mark.line <= file.lineStarts.count,
              mark.column >= 1 else {
            say("mark out of range: \(mark) in \(count) bytes")
            abort()
        }
        // The line must contain the offset (a mark may sit just past the line's last byte).
        let lineStart = file.lineStarts[mark.line - 1]
        let nextStart = mark.line < file.lineStarts.count ? file.lineStarts[mark.line] : count + 1
        guard lineStart <= mark.offset, mark.offset < nextStart || mark.offset == count else {
            say("mark \(mark) is not on its line (line starts at \(lineStart))")
            abort()
        }
        _ = file.lineText(mark.line)
    }
    guard span.start.offset <= span.end.offset else {
        say("span ends before it starts: \(span)")
        abort()
    }
}

/// Writes a line to standard error (the C `stderr` global is not concurrency-safe to name in Swift 6).
private func say(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
