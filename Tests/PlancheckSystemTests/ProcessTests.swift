import PlancheckSystem
import Testing

@Suite("The process and the clock")
struct ProcessTests {
    @Test("the working directory is a real, absolute path")
    func currentDirectory() throws {
        let directory = try #require(CurrentProcess.currentDirectory)
        #expect(directory.hasPrefix("/"))
        #expect(FilePaths.realPath(".") == directory)
    }

    @Test("environment variables: a set one is read, an unset one is nil")
    func environment() {
        #expect(CurrentProcess.environment("PATH") != nil)
        #expect(CurrentProcess.environment("PLANCHECK_SURELY_UNSET_VARIABLE") == nil)
    }

    @Test("at least one processor is online")
    func processors() throws {
        #expect(try #require(CurrentProcess.processorsOnline) >= 1)
    }

    @Test("error codes have the system's text")
    func errorText() throws {
        let notFound: SystemError
        do {
            _ = try FileDescriptor.openForReading("/nonexistent-plancheck-path/x")
            Issue.record("opened a file that cannot exist")
            return
        } catch {
            notFound = error
        }
        #expect(notFound.isNotFound)
        #expect(!notFound.description.isEmpty)
        #expect(notFound.description == SystemError.text(for: notFound.code))
        #expect(notFound.description != "errno \(notFound.code)")
    }

    @Test("today is a plausible calendar day, and a time zone a day ahead is one day later or at a month's start")
    func today() {
        let utc = SystemClock.today(utcOffset: 0)
        #expect(utc.year >= 2025)
        #expect((1...12).contains(utc.month))
        #expect((1...31).contains(utc.day))
        let ahead = SystemClock.today(utcOffset: 24 * 3600)
        #expect(ahead.day == utc.day + 1 || ahead.day == 1)
    }
}
