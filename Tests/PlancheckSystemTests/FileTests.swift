import PlancheckSystem
import Testing

@Suite("Files and paths")
struct FileTests {
    @Test("a file written through the layer reads back whole, in small reads, with its size and kind")
    func writeAndReadBack() throws {
        let folder = Scratch.folder()
        defer { Scratch.remove(folder) }
        let text = "目标: 5.5%\nline two\n"
        try Scratch.writeFile(folder + "/a.yml", text)
        #expect(try Scratch.readFile(folder + "/a.yml", chunkSize: 7) == Array(text.utf8))
        let status = try #require(FilePaths.status(folder + "/a.yml"))
        #expect(status.kind == .regular)
        #expect(status.size == text.utf8.count)
        let file = try FileDescriptor.openForReading(folder + "/a.yml")
        defer { file.close() }
        #expect(file.status() == status)
    }

    @Test("opening what is not there, or a path through a file, is 'not found'; a folder is a folder")
    func openFailures() throws {
        let folder = Scratch.folder()
        defer { Scratch.remove(folder) }
        try Scratch.writeFile(folder + "/file", "x")
        for path in [folder + "/missing.yml", folder + "/file/below"] {
            #expect(throws: SystemError.self) { try FileDescriptor.openForReading(path) }
            do {
                _ = try FileDescriptor.openForReading(path)
            } catch {
                #expect(error.isNotFound, "\(path): \(error)")
                #expect(!error.isPermissionDenied)
            }
        }
        #expect(FilePaths.status(folder)?.kind == .directory)
        #expect(FilePaths.status(folder + "/missing.yml") == nil)
        #expect(FilePaths.exists(folder + "/file"))
        #expect(!FilePaths.exists(folder + "/missing.yml"))
    }

    @Test("a FIFO without a writer opens at once and reads as empty instead of waiting forever")
    func fifoDoesNotBlock() throws {
        let folder = Scratch.folder()
        defer { Scratch.remove(folder) }
        let path = folder + "/pipe.yml"
        try #require(Scratch.makeFIFO(path))
        #expect(FilePaths.status(path)?.kind == .other)
        #expect(try Scratch.readFile(path) == [])
    }

    @Test("realPath resolves symbolic links and '..'; a path that does not resolve gives nil")
    func realPath() throws {
        let folder = try #require(FilePaths.realPath(Scratch.folder()))
        defer { Scratch.remove(folder) }
        try FilePaths.makeDirectory(folder + "/inner", mode: 0o755)
        try Scratch.writeFile(folder + "/inner/target", "t")
        try #require(Scratch.makeSymbolicLink(folder + "/link", to: "inner/target"))
        #expect(FilePaths.realPath(folder + "/link") == folder + "/inner/target")
        #expect(FilePaths.realPath(folder + "/inner/../inner/./target") == folder + "/inner/target")
        #expect(FilePaths.realPath(folder + "/nothing-here") == nil)
    }

    @Test("a folder lists its entries without '.' and '..'; an absent one lists nothing")
    func directoryEntries() throws {
        let folder = Scratch.folder()
        defer { Scratch.remove(folder) }
        try Scratch.writeFile(folder + "/b.yml", "b")
        try Scratch.writeFile(folder + "/.hidden", "h")
        try FilePaths.makeDirectory(folder + "/a", mode: 0o755)
        #expect(FilePaths.entries(ofDirectory: folder)?.sorted() == [".hidden", "a", "b.yml"])
        #expect(FilePaths.entries(ofDirectory: folder + "/absent") == nil)
    }

    @Test("making a folder that exists says so; a missing parent is 'not found'")
    func makeDirectory() throws {
        let folder = Scratch.folder()
        defer { Scratch.remove(folder) }
        do {
            try FilePaths.makeDirectory(folder, mode: 0o755)
            Issue.record("mkdir of an existing folder succeeded")
        } catch {
            #expect(error.isAlreadyExisting)
        }
        do {
            try FilePaths.makeDirectory(folder + "/no/such", mode: 0o755)
            Issue.record("mkdir below a missing parent succeeded")
        } catch {
            #expect(error.isNotFound)
        }
    }

    @Test("a temporary file is the owner's alone until its permissions are set; rename replaces the target")
    func temporaryFileAndRename() throws {
        let folder = Scratch.folder()
        defer { Scratch.remove(folder) }
        try Scratch.writeFile(folder + "/target", "old")
        let (file, temporary) = try FilePaths.makeTemporaryFile(template: folder + "/.target.tmp-XXXXXX")
        #expect(temporary.hasPrefix(folder + "/.target.tmp-") && !temporary.hasSuffix("XXXXXX"))
        #expect(Scratch.mode(temporary) == 0o600)
        try file.write(Array("new".utf8)[...])
        try file.setPermissions(0o644)
        try file.synchronize()
        file.close()
        #expect(Scratch.mode(temporary) == 0o644)
        try FilePaths.rename(temporary, to: folder + "/target")
        #expect(try Scratch.readFile(folder + "/target") == Array("new".utf8))
        #expect(!FilePaths.exists(temporary))
        FilePaths.remove(folder + "/target")
        #expect(!FilePaths.exists(folder + "/target"))
    }
}
