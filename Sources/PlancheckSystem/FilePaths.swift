#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Calls that take a path: what is there, where it really leads, folder listings, and the pieces of an atomic
/// write (a temporary file, a rename).
public enum FilePaths {
    /// `stat` (symbolic links followed): nil when the path does not lead to anything that can be examined.
    public static func status(_ path: String) -> FileStatus? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileStatus(status)
    }

    /// Whether something exists at `path` (`access(path, F_OK)`; symbolic links followed).
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The canonical absolute path (`realpath`: symbolic links, `.` and `..` resolved), or nil when it does not
    /// resolve.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The names in a folder, in the order the system lists them, without `.` and `..`; nil when it cannot be
    /// opened.
    public static func entries(ofDirectory path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// `mkdir` of one folder with the permission bits `mode` (e.g. `0o755`); parents must exist.
    public static func makeDirectory(_ path: String, mode: Int) throws(SystemError) {
        if mkdir(path, mode_t(mode)) != 0 { throw .last }
    }

    /// A new file from `template`, a path ending in `XXXXXX` that `mkstemp` replaces: the file is created
    /// exclusively, readable and writable by its owner only. Returns its descriptor, open for writing, and its path.
    public static func makeTemporaryFile(template: String) throws(SystemError) -> (FileDescriptor, path: String) {
        var bytes = template.utf8CString
        let raw = bytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if raw < 0 { throw .last }
        let path = bytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return (FileDescriptor(rawValue: raw), path)
    }

    /// `rename`: replaces `destination` atomically when both are on one file system.
    public static func rename(_ source: String, to destination: String) throws(SystemError) {
        if renamePath(source, destination) != 0 { throw .last }
    }

    /// `unlink`. Used to clean up after a failure, so its own failure is not reported.
    public static func remove(_ path: String) {
        _ = unlink(path)
    }
}

private func renamePath(_ source: String, _ destination: String) -> Int32 {
    rename(source, destination)
}
