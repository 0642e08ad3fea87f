import PlancheckRules

/// Finds the pack to use: a folder given with `--rules`, or the default pack built into the binary. It lives with
/// the default pack because it is the only code that knows both kinds of pack.
public enum PackLocator {
    /// A folder is always linted; the built-in pack, proven lint-clean by the tests, only with `lintBuiltIn`
    /// (`plancheck rules lint`).
    public static func load(_ path: String?, lintBuiltIn: Bool = false) -> PackLoadResult {
        if let path {
            return PackLoader.load(from: FolderPackSource(folder: path))
        }
        return PackLoader.load(from: DefaultPack.source, lint: lintBuiltIn)
    }
}
