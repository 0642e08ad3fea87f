import PlancheckCore
import PlancheckReport
import Testing

/// A report file is written as the run goes, yet appears at its path only whole.
@Suite("Atomic file writer")
struct AtomicFileWriterTests {
    @Test("nothing is at the path until commit; then exactly what was written, however many pieces")
    func appearsWholeOnCommit() throws {
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        let path = folder + "/report.json"
        let writer = AtomicFileWriter(path: path)
        var expected = ""
        for index in 0..<5_000 {
            let piece = "line \(index) 第\(index)行\n"
            writer.write(piece)
            expected += piece
        }
        #expect(expected.utf8.count > 1 << 16)  // more than one chunk reached the temporary file
        #expect(!Robust.entries(folder).contains("report.json"))
        try writer.commit()
        #expect(Robust.entries(folder) == ["report.json"])
        #expect(Robust.size(path) == expected.utf8.count)
    }

    @Test("a folder that does not exist fails at commit and leaves nothing behind")
    func failureIsThrownAtCommit() throws {
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        let writer = AtomicFileWriter(path: folder + "/missing/report.json")
        writer.write(String(repeating: "x", count: 70_000))
        #expect(throws: AtomicFileError.self) { try writer.commit() }
        #expect(Robust.entries(folder).isEmpty)
    }

    @Test("with overwrite off, an existing file is left alone")
    func existingFileKept() throws {
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        let path = folder + "/kept.txt"
        #expect(Robust.write("old", to: path))
        let writer = AtomicFileWriter(path: path, overwrite: false)
        writer.write("new")
        #expect(throws: AtomicFileError.self) { try writer.commit() }
        #expect(Robust.size(path) == 3)
        #expect(Robust.entries(folder) == ["kept.txt"])
    }
}
