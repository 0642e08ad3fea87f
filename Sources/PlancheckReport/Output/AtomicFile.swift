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
        if !overwrite, FilePaths.exists(path) { throw .exists(path) }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let template = (folder.isEmpty ? "/" : folder + "/") + "." + name + ".tmp-XXXXXX"
        let file: FileDescriptor, temporary: String
        do {
            (file, temporary) = try FilePaths.makeTemporaryFile(template: template)
        } catch {
            throw .cannotWrite(path, code: error.code)
        }
        do {
            try file.write(bytes)
        } catch {
            file.close()
            FilePaths.remove(temporary)
            throw .cannotWrite(path, code: error.code)
        }
        // Files are created 0600 by mkstemp; give them the usual permissions of a user's file.
        try? file.setPermissions(0o644)
        try? file.synchronize()
        file.close()
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

    public static func write(_ text: String, to path: String, overwrite: Bool = true) throws(AtomicFileError) {
        try write(Array(text.utf8), to: path, overwrite: overwrite)
    }
}
