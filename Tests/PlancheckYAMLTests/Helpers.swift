@testable import PlancheckYAML

/// Reads `text` as a file named `test.yaml`.
func read(_ text: String, limits: YAMLLimits = YAMLLimits()) throws -> YAMLStream {
    try YAMLReader.read(SourceFile(path: "test.yaml", text: text), limits: limits)
}

/// Reads raw bytes as a file named `test.yaml`.
func read(bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) throws -> YAMLStream {
    try YAMLReader.read(SourceFile(path: "test.yaml", bytes: bytes), limits: limits)
}

/// The error reading `text` throws, or nil when it reads.
func readError(_ text: String, limits: YAMLLimits = YAMLLimits()) -> YAMLError? {
    readError(bytes: Array(text.utf8), limits: limits)
}

func readError(bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) -> YAMLError? {
    do throws(YAMLError) {
        _ = try YAMLReader.read(SourceFile(path: "test.yaml", bytes: bytes), limits: limits)
        return nil
    } catch {
        return error
    }
}

/// The only document of `text`.
func root(_ text: String) throws -> YAMLNode {
    let stream = try read(text)
    guard stream.documents.count == 1 else { throw TestFailure("expected one document, got \(stream.documents.count)") }
    return stream.documents[0]
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `line:column@offset`, compact for expectations.
func at(_ mark: SourceMark) -> String { "\(mark.line):\(mark.column)@\(mark.offset)" }

/// `start-end` of a span in the form of `at`.
func at(_ span: SourceSpan) -> String { "\(at(span.start))-\(at(span.end))" }
