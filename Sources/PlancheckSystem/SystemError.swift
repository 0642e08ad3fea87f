#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: the `errno` it left. The predicates group the codes the way plancheck tells users about
/// them, so that no caller has to know the platform's constants.
public struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `errno` value.
    public let code: Int32

    public init(code: Int32) {
        self.code = code
    }

    /// The `errno` of the call that just failed.
    static var last: SystemError { SystemError(code: errno) }

    /// No such file, or a path through something that is not a folder (ENOENT, ENOTDIR).
    public var isNotFound: Bool { code == ENOENT || code == ENOTDIR }

    /// Refused by permissions (EACCES, EPERM).
    public var isPermissionDenied: Bool { code == EACCES || code == EPERM }

    /// A folder where a file was expected (EISDIR).
    public var isDirectory: Bool { code == EISDIR }

    /// Something already exists at the path (EEXIST).
    public var isAlreadyExisting: Bool { code == EEXIST }

    /// Interrupted by a signal before anything happened (EINTR): the call is simply made again.
    var isInterrupted: Bool { code == EINTR }

    /// The system's text for the code (`strerror`), or `errno N` when it has none.
    public var description: String { SystemError.text(for: code) }

    /// The system's text for an `errno` value (`strerror`), or `errno N` when it has none.
    public static func text(for code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
