#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PlancheckSystem

/// Scratch folders and the few set-up calls the layer itself does not offer (FIFOs, symbolic links, modes).
enum Scratch {
    /// The repository root: two folders above `Tests/PlancheckSystemTests`.
    static let repositoryRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) }
        return path
    }()

    /// A new empty folder under the system's temporary folder.
    static func folder() -> String {
        let base = CurrentProcess.environment("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = (base + "/plancheck-system-XXXXXX").utf8CString
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Removes `path` and everything under it (symbolic links are removed, not followed).
    static func remove(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            for name in FilePaths.entries(ofDirectory: path) ?? [] { remove(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    static func makeFIFO(_ path: String) -> Bool { mkfifo(path, 0o600) == 0 }

    static func makeSymbolicLink(_ path: String, to target: String) -> Bool { symlink(target, path) == 0 }

    /// The permission bits of `path`.
    static func mode(_ path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_mode) & 0o777
    }

    static func writeFile(_ path: String, _ text: String) throws(SystemError) {
        let (file, temporary) = try FilePaths.makeTemporaryFile(template: path + ".tmp-XXXXXX")
        defer { file.close() }
        try file.write(Array(text.utf8))
        try FilePaths.rename(temporary, to: path)
    }

    /// The whole file, read through the layer `chunkSize` bytes at a time.
    static func readFile(_ path: String, chunkSize: Int = 1 << 14) throws(SystemError) -> [UInt8] {
        let file = try FileDescriptor.openForReading(path)
        defer { file.close() }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = try chunk.withUnsafeMutableBytes { buffer in
                Result { () throws(SystemError) in try file.read(into: buffer) }
            }.get()
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }
}
