import Testing
@testable import PlancheckYAML

@Test func smoke() throws {
    let stream = try YAMLReader.read(SourceFile(path: "t.yaml", text: "a: 1\n"))
    #expect(stream.documents.count == 1)
}
