#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat`/`fstat` tell plancheck about a file: its kind and, for a regular file, its size.
public struct FileStatus: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case regular, directory, other
    }

    public let kind: Kind
    /// `st_size`: the length of a regular file in bytes; meaningless for other kinds.
    public let size: Int
    /// The permission bits (`st_mode & 0o7777`), so that a file rewritten in place keeps them.
    public let permissions: Int

    public init(kind: Kind, size: Int, permissions: Int = 0o644) {
        self.kind = kind
        self.size = size
        self.permissions = permissions
    }

    init(_ status: stat) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        default: kind = .other
        }
        size = Int(status.st_size)
        permissions = Int(status.st_mode) & 0o7777
    }
}

/// An open file descriptor. It is a plain value: whoever opens one closes it (`close()`), usually in a `defer`.
public struct FileDescriptor: Sendable, Hashable {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    public static let standardOutput = FileDescriptor(rawValue: STDOUT_FILENO)
    public static let standardError = FileDescriptor(rawValue: STDERR_FILENO)

    /// Opens `path` read-only (close-on-exec). The open itself is non-blocking, because opening a FIFO for reading
    /// would otherwise wait for a writer forever; the descriptor is then switched back to blocking, so that a pipe
    /// with a writer is read normally.
    public static func openForReading(_ path: String) throws(SystemError) -> FileDescriptor {
        let raw = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if raw < 0 { throw .last }
        let flags = fcntl(raw, F_GETFL)
        if flags >= 0 { _ = fcntl(raw, F_SETFL, flags & ~O_NONBLOCK) }
        return FileDescriptor(rawValue: raw)
    }

    /// `fstat`: nil when the call fails.
    public func status() -> FileStatus? {
        var status = stat()
        guard fstat(rawValue, &status) == 0 else { return nil }
        return FileStatus(status)
    }

    /// One `read` into `buffer`, made again when a signal interrupts it: the number of bytes read, 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        while true {
            let count = readDescriptor(rawValue, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            let error = SystemError.last
            if !error.isInterrupted { throw error }
        }
    }

    /// Writes all of `bytes`, retrying short writes (a pipe may take less than everything at once) and writes a
    /// signal interrupted.
    public func write(_ bytes: [UInt8]) throws(SystemError) {
        try write(bytes[...])
    }

    /// Writes all of `bytes`, retrying short writes and writes a signal interrupted.
    public func write(_ bytes: ArraySlice<UInt8>) throws(SystemError) {
        var remaining = bytes
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { writeDescriptor(rawValue, $0.baseAddress, $0.count) }
            if written < 0 {
                let error = SystemError.last
                if error.isInterrupted { continue }
                throw error
            }
            remaining = remaining.dropFirst(written)
        }
    }

    /// `fchmod`: sets the permission bits (e.g. `0o644`).
    public func setPermissions(_ mode: Int) throws(SystemError) {
        if fchmod(rawValue, mode_t(mode)) != 0 { throw .last }
    }

    /// `fsync`: waits until the file's data has reached the disk.
    public func synchronize() throws(SystemError) {
        if fsync(rawValue) != 0 { throw .last }
    }

    /// `close`. A failure leaves nothing to do (the descriptor is released either way), so none is reported.
    public func close() {
        _ = closeDescriptor(rawValue)
    }

    /// Whether the descriptor is a terminal (`isatty`).
    public var isTerminal: Bool { isatty(rawValue) == 1 }

    /// The width of the terminal window in columns (`ioctl(TIOCGWINSZ)`), nil when the descriptor is no terminal
    /// or the system does not say.
    public var terminalColumns: Int? {
        var size = winsize()
        let status = withUnsafeMutablePointer(to: &size) { ioctl(rawValue, UInt(TIOCGWINSZ), $0) }
        guard status == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

// The calls whose names the methods above reuse, reached from file scope where the names are not shadowed.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func writeDescriptor(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
