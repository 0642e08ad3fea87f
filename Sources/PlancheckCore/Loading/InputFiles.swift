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
}

/// Reads whole files with POSIX calls: no Foundation on the hot path, and never a write.
enum InputFiles {
    static func read(_ path: String) throws(FileReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        if descriptor < 0 { throw error(for: errno, path: path) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path) }
        // Straight into the array, sized by fstat, one byte over so that reaching the end is seen without a second
        // buffer (a zeroed 64 KiB chunk per file was most of the cost of reading small files).
        let expected = max(Int(status.st_size), 0)
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
        // More than fstat said (the file grew, or is not a regular file): read the rest in chunks.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw error(for: errno, path: path)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
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
        switch readError {
        case .notFound(let path):
            report(.fileUnreadable, .error, Message(.fileNotFound, ["path": .text(path)]), at: nil)
        case .isDirectory(let path):
            report(.fileUnreadable, .error, Message(.fileIsDirectory, ["path": .text(path)]), at: nil)
        case .permissionDenied(let path):
            report(.fileUnreadable, .error, Message(.filePermissionDenied, ["path": .text(path)]), at: nil)
        case .other(let path, let code):
            report(.fileUnreadable, .error, Message(.fileUnreadable, ["path": .text(path), "code": .number(Int(code))]),
                   at: nil)
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
