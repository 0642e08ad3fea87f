import PlancheckSystem

/// The Swift files below a folder, for the tests that read the project's own sources (layer boundaries, words).
enum SwiftSourceFiles {
    /// Appends every `.swift` file below `folder` to `files`, in name order, folders depth first.
    static func collect(_ folder: String, into files: inout [String]) {
        for name in (FilePaths.entries(ofDirectory: folder) ?? []).sorted() {
            let path = folder + "/" + name
            if FilePaths.status(path)?.kind == .directory {
                collect(path, into: &files)
            } else if name.hasSuffix(".swift") {
                files.append(path)
            }
        }
    }
}
