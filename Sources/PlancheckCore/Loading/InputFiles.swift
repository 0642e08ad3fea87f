#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
enum InputFiles {
    /// The whole file, or `.tooLarge` once it is known to exceed `limit` bytes: a regular file by its size before
    /// any byte is read, anything else (a device such as /dev/zero, a pipe) as soon as more than `limit` arrive.
    static func read(_ path: String, limit: Int = YAMLLimits().maxInputBytes) throws(FileReadError) -> [UInt8] {
        // O_NONBLOCK only for the open itself: opening a FIFO for reading would otherwise wait for a writer
        // forever. Reads go back to blocking so that a pipe with a writer is read normally.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 { throw error(for: errno, path: path) }
        defer { close(descriptor) }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        var status = stat()
        var expected = 0
        if fstat(descriptor, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path) }
            if (status.st_mode & S_IFMT) == S_IFREG {
                expected = max(Int(status.st_size), 0)
                if expected > limit { throw .tooLarge(path, limit: limit) }
            }
        }
        // Straight into the array, sized by fstat, one byte over so that reaching the end is seen without a second
        // buffer (a zeroed 64 KiB chunk per file was most of the cost of reading small files).
        var failure: Int32?
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 { return }
                count += got
            }
        }
        if let failure { throw error(for: failure, path: path) }
        if bytes.count <= expected { return bytes }
        // More than fstat said (the file grew, or is not a regular file): read the rest in chunks, up to the limit.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw error(for: errno, path: path)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            // A file that grew after fstat, or a stream without a size: stop as soon as the limit is passed.
            if bytes.count > limit { throw .tooLarge(path, limit: limit) }
        }
        return bytes
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    private static func error(for code: Int32, path: String) -> FileReadError {
        switch code {
        case ENOENT, ENOTDIR: return .notFound(path)
        case EACCES, EPERM: return .permissionDenied(path)
        case EISDIR: return .isDirectory(path)
        default: return .other(path, code: code)
        }
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
    func readYAML(_ file: SourceFile) -> YAMLNode? {
        do {
            let stream = try YAMLReader.read(file)
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
