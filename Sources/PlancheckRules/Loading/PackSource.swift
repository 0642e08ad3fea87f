import PlancheckSystem

/// Where a pack's files come from: a folder on disk, or the copy built into the binary.
public protocol PackSource: Sendable {
    /// How the pack is named in diagnostics (a folder path, or `<built-in>/id`).
    var displayName: String { get }
    /// The bytes of `relativePath`, a path inside the pack. Paths that leave the pack are refused.
    func read(_ relativePath: String) throws(PackSourceError) -> [UInt8]
    /// The path shown in diagnostics for a file of the pack.
    func displayPath(_ relativePath: String) -> String
}

public enum PackSourceError: Error, Sendable {
    case outsidePack(String)
    case unreadable(FileReadError)
}

/// A pack folder on disk.
public struct FolderPackSource: PackSource {
    public let folder: String

    public init(folder: String) {
        var folder = folder
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        self.folder = folder
    }

    public var displayName: String { folder }

    public func displayPath(_ relativePath: String) -> String { folder + "/" + relativePath }

    public func read(_ relativePath: String) throws(PackSourceError) -> [UInt8] {
        guard FolderPackSource.staysInside(relativePath) else { throw .outsidePack(relativePath) }
        // The text of the path stays inside; a symbolic link in the pack may still lead out of it (a pack cloned
        // from another repository can carry one to /etc/passwd, whose lines would then be quoted in diagnostics).
        // A path that does not resolve (a missing file) is reported when read.
        if let real = FilePaths.realPath(displayPath(relativePath)), let root = FilePaths.realPath(folder),
           !real.hasPrefix(root == "/" ? "/" : root + "/") {
            throw .outsidePack(relativePath)
        }
        do {
            return try InputFiles.read(displayPath(relativePath))
        } catch {
            throw .unreadable(error)
        }
    }

    /// A pack may only include its own files: no absolute paths, no `..`, no home-directory shortcuts.
    static func staysInside(_ path: String) -> Bool {
        if path.isEmpty || path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\\") { return false }
        return !path.split(separator: "/").contains("..")
    }
}

/// A pack compiled into the binary, so that an installed `plancheck` works without the source tree.
public struct EmbeddedPackSource: PackSource {
    public let id: String
    public let files: [String: String]

    public init(id: String, files: [String: String]) {
        self.id = id
        self.files = files
    }

    public var displayName: String { "<built-in>/\(id)" }

    public func displayPath(_ relativePath: String) -> String { "<built-in>/\(id)/\(relativePath)" }

    public func read(_ relativePath: String) throws(PackSourceError) -> [UInt8] {
        guard FolderPackSource.staysInside(relativePath) else { throw .outsidePack(relativePath) }
        guard let text = files[relativePath] else {
            throw .unreadable(.notFound(displayPath(relativePath)))
        }
        return Array(text.utf8)
    }
}
