#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum AtomicFileError: Error, Sendable {
    case exists(String)
    case cannotWrite(String, code: Int32)
}

/// Writes files the safe way: to a temporary file in the same folder, flushed, then renamed over the target, so a
/// reader (or a crash) never sees half a file. Every file plancheck writes goes through here.
public enum AtomicFile {
    /// Writes `bytes` to `path`. With `overwrite: false` an existing file is left alone and `.exists` is thrown.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool = true) throws(AtomicFileError) {
        if !overwrite, access(path, F_OK) == 0 { throw .exists(path) }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = ((folder.isEmpty ? "/" : folder + "/") + "." + name + ".tmp-XXXXXX").utf8CString
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if descriptor < 0 { throw .cannotWrite(path, code: errno) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var remaining = bytes[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw .cannotWrite(path, code: code)
            }
            remaining = remaining.dropFirst(written)
        }
        // Files are created 0600 by mkstemp; give them the usual permissions of a user's file.
        fchmod(descriptor, 0o644)
        fsync(descriptor)
        close(descriptor)
        if !overwrite, access(path, F_OK) == 0 {
            unlink(temporary)
            throw .exists(path)
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw .cannotWrite(path, code: code)
        }
    }

    public static func write(_ text: String, to path: String, overwrite: Bool = true) throws(AtomicFileError) {
        try write(Array(text.utf8), to: path, overwrite: overwrite)
    }
}
