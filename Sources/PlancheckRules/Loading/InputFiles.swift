import PlancheckSystem
import PlancheckYAML

/// Why a file could not be read.
public enum FileReadError: Error, Sendable {
    case notFound(String)
    case isDirectory(String)
    case permissionDenied(String)
    case other(String, code: Int32)
    /// Larger than `limit` bytes (`YAMLLimits.maxInputBytes`): refused before or while reading, never read whole.
    case tooLarge(String, limit: Int)
}

/// Reads whole files with POSIX calls: no Foundation on the hot path, and never a write.
package enum InputFiles {
    /// The whole file, or `.tooLarge` once it is known to exceed `limit` bytes: a regular file by its size before
    /// any byte is read, anything else (a device such as /dev/zero, a pipe) as soon as more than `limit` arrive.
    package static func read(_ path: String, limit: Int = YAMLLimits().maxInputBytes) throws(FileReadError) -> [UInt8] {
        // Opening never waits for a FIFO's writer (see `openForReading`); reads block as usual.
        let file: FileDescriptor
        do { file = try FileDescriptor.openForReading(path) } catch { throw self.error(for: error, path: path) }
        defer { file.close() }
        var expected = 0
        if let status = file.status() {
            if status.kind == .directory { throw .isDirectory(path) }
            if status.kind == .regular {
                expected = max(status.size, 0)
                if expected > limit { throw .tooLarge(path, limit: limit) }
            }
        }
        // Straight into the array, sized by fstat, one byte over so that reaching the end is seen without a second
        // buffer (a zeroed 64 KiB chunk per file was most of the cost of reading small files).
        var failure: SystemError?
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let rest = UnsafeMutableRawBufferPointer(start: buffer.baseAddress! + count, count: buffer.count - count)
                switch Result(catching: { () throws(SystemError) in try file.read(into: rest) }) {
                case .success(0): return
                case .success(let got): count += got
                case .failure(let error): failure = error; return
                }
            }
        }
        if let failure { throw error(for: failure, path: path) }
        if bytes.count <= expected { return bytes }
        // More than fstat said (the file grew, or is not a regular file): read the rest in chunks, up to the limit.
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count: Int
            do { count = try file.read(into: chunk) } catch { throw self.error(for: error, path: path) }
            if count == 0 { break }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            // A file that grew after fstat, or a stream without a size: stop as soon as the limit is passed.
            if bytes.count > limit { throw .tooLarge(path, limit: limit) }
        }
        return bytes
    }

    static func isDirectory(_ path: String) -> Bool {
        FilePaths.status(path)?.kind == .directory
    }

    static func exists(_ path: String) -> Bool {
        FilePaths.status(path) != nil
    }

    private static func error(for error: SystemError, path: String) -> FileReadError {
        if error.isNotFound { return .notFound(path) }
        if error.isPermissionDenied { return .permissionDenied(path) }
        if error.isDirectory { return .isDirectory(path) }
        return .other(path, code: error.code)
    }
}

extension DiagnosticSink {
    func report(readError: FileReadError) {
        // No line or column exists for a file that cannot be opened; the finding still names its file, so that
        // reports grouped by file show it under the right one.
        func unreadable(_ message: Message, _ path: String) {
            append(Diagnostic(.fileUnreadable, .error, message, file: path))
        }
        switch readError {
        case .notFound(let path):
            unreadable(Message(.fileNotFound, ["path": .text(path)]), path)
        case .isDirectory(let path):
            unreadable(Message(.fileIsDirectory, ["path": .text(path)]), path)
        case .permissionDenied(let path):
            unreadable(Message(.filePermissionDenied, ["path": .text(path)]), path)
        case .other(let path, let code):
            unreadable(Message(.fileUnreadable, ["path": .text(path), "code": .number(Int(code))]), path)
        case .tooLarge(let path, _):
            // The same finding the YAML layer gives for an over-long input, placed at the start of the file,
            // since the file was refused unread.
            let start = SourceLocation(file: SourceFile(path: path, bytes: []),
                                       span: SourceSpan(at: SourceMark(line: 1, column: 1, offset: 0)))
            report(.yamlLimit, .error, Message(.yamlLimit, ["problem": .text(LibyamlText.Ours.tooLarge)]), at: start)
        }
    }

    /// Reads and parses one YAML file; reports and returns nil when that fails. Exactly one document is expected.
    /// `findIssues: false` is for text proven free of YAML issues (duplicate keys, YAML 1.1 readings) by a test.
    func readYAML(_ file: SourceFile, findIssues: Bool = true) -> YAMLNode? {
        // libyaml would read UTF-16 with a byte-order mark, but every position and excerpt here counts UTF-8 bytes,
        // and an excerpt of UTF-16 prints NUL bytes: such a file is refused at its start, with what to do.
        if let encoding = TextEncoding.otherThanUTF8(file.bytes) {
            report(.fileUnreadable, .error, Message(.fileWrongEncoding, ["path": .text(file.path), "encoding": .text(encoding)]),
                   at: SourceLocation(file: SourceFile(path: file.path, bytes: []),
                                      span: SourceSpan(at: SourceMark(line: 1, column: 1, offset: 0))),
                   help: Message(.helpSaveAsUTF8))
            return nil
        }
        do {
            let stream = try YAMLReader.read(file, findIssues: findIssues)
            report(issues: stream.issues, in: file)
            guard let root = stream.documents.first else {
                report(.wrongShape, .error, Message(.emptyFile), at: SourceLocation(
                    file: file, span: SourceSpan(at: SourceMark(line: 1, column: 1, offset: 0))))
                return nil
            }
            return root
        } catch {
            report(error: error, in: file)
            return nil
        }
    }
}

/// Standard input, for `plancheck check -` (an editor's buffer, a generated file).
public enum StandardInput {
    /// Everything on standard input, with the limit a file has (`YAMLLimits.maxInputBytes`).
    public static func read() throws(FileReadError) -> [UInt8] {
        try InputFiles.read("/dev/stdin")
    }

    /// What a failed `read()` is reported as.
    public static func diagnostics(for error: FileReadError) -> [Diagnostic] {
        let sink = DiagnosticSink()
        sink.report(readError: error)
        return sink.diagnostics
    }
}

/// Encodings a YAML file may arrive in that plancheck does not read.
enum TextEncoding {
    /// "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" when `bytes` start with that encoding's byte-order mark or,
    /// without one, with the zero bytes its ASCII characters have (YAML 1.2, 5.2); nil for UTF-8.
    static func otherThanUTF8(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4)) + Array(repeating: 0xAA, count: max(0, 4 - bytes.count))
        switch (head[0], head[1], head[2], head[3]) {
        // A mark is whole bytes of the file (the padding is 0xAA), so only the zero-byte guesses need a length.
        case (0x00, 0x00, 0xFE, 0xFF): return "UTF-32BE"
        case (0x00, 0x00, 0x00, _) where bytes.count >= 4: return "UTF-32BE"
        case (0xFF, 0xFE, 0x00, 0x00): return "UTF-32LE"
        case (_, 0x00, 0x00, 0x00) where bytes.count >= 4: return "UTF-32LE"
        case (0xFE, 0xFF, _, _): return "UTF-16BE"
        case (0x00, _, _, _) where bytes.count >= 2: return "UTF-16BE"
        case (0xFF, 0xFE, _, _): return "UTF-16LE"
        case (_, 0x00, _, _) where bytes.count >= 2: return "UTF-16LE"
        default: return nil
        }
    }
}
