import PlancheckSystem

public enum AtomicFileError: Error, Sendable {
    case exists(String)
    case cannotWrite(String, code: Int32)
}

/// Writes files the safe way: to a temporary file in the same folder, flushed, then renamed over the target, so a
/// reader (or a crash) never sees half a file. Every file plancheck writes goes through here.
public enum AtomicFile {
    /// Writes `bytes` to `path`. With `overwrite: false` an existing file is left alone and `.exists` is thrown.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool = true) throws(AtomicFileError) {
        let writer = AtomicFileWriter(path: path, overwrite: overwrite)
        writer.write(bytes)
        try writer.commit()
    }

    public static func write(_ text: String, to path: String, overwrite: Bool = true) throws(AtomicFileError) {
        try write(Array(text.utf8), to: path, overwrite: overwrite)
    }
}

/// A file written piece by piece as a run goes (a report of any size, without holding it whole), that appears at
/// its path, whole, only on `commit()`. Until then it is a temporary file beside the target; a failure at any point
/// removes it and is thrown by `commit()`.
public final class AtomicFileWriter: TextSink {
    private let path: String
    private let overwrite: Bool
    private let permissions: Int
    private var file: FileDescriptor?
    private var temporary: String?
    private var pending: [UInt8] = []
    private var failure: AtomicFileError?
    private static let chunk = 1 << 16

    /// - Parameter permissions: the new file's permission bits (a file rewritten in place passes its own).
    public init(path: String, overwrite: Bool = true, permissions: Int = 0o644) {
        self.path = path
        self.overwrite = overwrite
        self.permissions = permissions
        if !overwrite, FilePaths.exists(path) { failure = .exists(path) }
    }

    public func write(_ text: String) { write(Array(text.utf8)) }

    public func write(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        pending.append(contentsOf: bytes)
        if pending.count >= Self.chunk { flush() }
    }

    /// Flushes, then renames the temporary file over the target.
    public func commit() throws(AtomicFileError) {
        flush()
        if file == nil, failure == nil { open() }  // an empty report is still a file
        if let failure { throw failure }
        guard let file, let temporary else { return }
        // Files are created 0600 by mkstemp; give them the usual permissions of a user's file.
        try? file.setPermissions(permissions)
        try? file.synchronize()
        file.close()
        self.file = nil
        if !overwrite, FilePaths.exists(path) {
            FilePaths.remove(temporary)
            throw .exists(path)
        }
        do {
            try FilePaths.rename(temporary, to: path)
        } catch {
            FilePaths.remove(temporary)
            throw .cannotWrite(path, code: error.code)
        }
    }

    private func open() {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let template = (folder.isEmpty ? "/" : folder + "/") + "." + name + ".tmp-XXXXXX"
        do {
            (file, temporary) = try FilePaths.makeTemporaryFile(template: template)
        } catch {
            failure = .cannotWrite(path, code: error.code)
        }
    }

    private func flush() {
        guard failure == nil, !pending.isEmpty else { return }
        if file == nil { open() }
        guard let file else { return }
        do {
            try file.write(pending)
            pending.removeAll(keepingCapacity: true)
        } catch {
            file.close()
            self.file = nil
            if let temporary { FilePaths.remove(temporary) }
            failure = .cannotWrite(path, code: error.code)
        }
    }
}
