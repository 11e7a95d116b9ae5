import Crypto
import Foundation
import Testing
@testable import KinpressService

@Suite("Who may call the service")
struct TokenTests {
    static let digest = SHA256.hash(data: Array("s3cret".utf8)).map { String(format: "%02x", $0) }.joined()

    @Test("a token is known by its SHA-256 and gives its caller's name; any other token gives none")
    func callers() throws {
        let tokens = try Tokens(text: "# callers\n\nmosaic \(Self.digest)\n", file: "tokens")
        #expect(tokens.caller(presenting: "s3cret") == "mosaic")
        #expect(tokens.caller(presenting: "s3cre") == nil)
        #expect(tokens.caller(presenting: "s3cret ") == nil)
        #expect(tokens.caller(presenting: Self.digest[...]) == nil, "the hash itself is not a token")
    }

    @Test("a tokens file written with Windows line ends reads the same")
    func windowsLineEnds() throws {
        let tokens = try Tokens(text: "# callers\r\nmosaic \(Self.digest)\r\nliquid \(String(repeating: "ab", count: 32))\r\n", file: "tokens")
        #expect(tokens.caller(presenting: "s3cret") == "mosaic")
        #expect(tokens.entries.map(\.name) == ["mosaic", "liquid"])
    }

    @Test("only Authorization: Bearer TOKEN carries a token")
    func bearer() {
        #expect(Tokens.bearer("Bearer abc") == "abc")
        #expect(Tokens.bearer("bearer  abc") == "abc")
        #expect(Tokens.bearer("Basic abc") == nil)
        #expect(Tokens.bearer("Bearer") == nil)
        #expect(Tokens.bearer(nil) == nil)
    }

    @Test("a tokens file that is wrong says which line and what to write", arguments: [
        ("mosaic", "tokens:1", "NAME and the SHA-256"),
        ("mosaic abc123", "tokens:1", "64 hex digits"),
        ("a \(digest)\na \(digest)", "tokens:2", "used twice"),
        ("# nothing\n", "tokens", "no tokens"),
    ])
    func wrongFile(_ text: String, _ place: String, _ reason: String) {
        let error = #expect(throws: ServiceError.self) { try Tokens(text: text, file: "tokens") }
        #expect(error?.description.hasPrefix(place) == true && error?.description.contains(reason) == true, "\(error?.description ?? "")")
    }
}

@Suite("Where the service may listen")
struct ConfigurationTests {
    @Test("loopback addresses are known as such; any other address needs tokens", arguments: [
        ("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("::1", true), ("[::1]", true),
        ("0.0.0.0", false), ("192.168.1.10", false), ("127.0.0.1.example.org", false), ("::", false), ("example.org", false),
    ])
    func loopback(_ host: String, _ isLoopback: Bool) {
        let configuration = ServiceConfiguration(host: host)
        #expect(configuration.isLoopback == isLoopback)
        #expect((try? configuration.check()) != nil || !isLoopback)
        var withTokens = configuration
        withTokens.tokens = URL(fileURLWithPath: "tokens")
        #expect((try? withTokens.check()) != nil)
    }

    @Test("limits that cannot work are refused before the service starts")
    func limits() {
        for change in [{ (c: inout ServiceConfiguration) in c.jobs = 0 }, { $0.jobs = ServiceConfiguration.maximumJobs + 1 }, { $0.queue = -1 }, { $0.maxBody = 10 }, { $0.timeout = .zero }, { $0.port = 70_000 }] {
            var configuration = ServiceConfiguration()
            change(&configuration)
            #expect(throws: ServiceError.self) { try configuration.check() }
        }
    }

    @Test("a --jobs far beyond the limit is refused, not a crash", arguments: [Int.max, Int.min, 3_000_000_000])
    func hugeJobs(_ jobs: Int) {
        let configuration = ServiceConfiguration(jobs: jobs)
        let error = #expect(throws: ServiceError.self) { try configuration.check() }
        #expect(error?.description.contains("--jobs must be between 1 and") == true)
    }
}

/// `kinpress serve` checked from outside by `Tests/tools/service_check.py`: each check starts its
/// own server and calls it over HTTP as a case-management system would. One at a time, so the
/// load checks measure the service and not each other.
@Suite("kinpress serve, called over HTTP", .serialized)
struct ServiceCheckTests {
    static let program = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kinpress")
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("each check holds", arguments: ["endpoints", "identical", "problems", "schemathesis", "load", "busy", "timeout", "sigterm"])
    func check(_ name: String) throws {
        let (status, printed) = try Self.serviceCheck([name])
        #expect(status == 0, "\(name):\n\(printed)")
    }

    @Test("nothing marked for professionals or adults reaches a family or child answer, and no case text reaches the log or metrics")
    func leaks() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-marked-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(markedCase.utf8).write(to: file)
        let (status, printed) = try Self.serviceCheck(["leaks", file.path])
        #expect(status == 0, "\(printed)")
    }

    /// The worker's page in real Chromium (`Tests/tools/page_check.py`): a sample opened with its
    /// pictures, a rule changed and the preview following, a broken case's first problem and its
    /// line, the family's preview of the marked case, the saved PDF equal to `kinpress render`,
    /// the keyboard alone, axe-core in each state at 375 and 1280 px and at 200%, no outside request.
    @Test("the worker's page works in a browser, with and without script")
    func page() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-marked-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(markedCase.utf8).write(to: file)
        let (status, printed) = try Self.run("page_check.py", [file.path])
        #expect(status == 0, "\(printed)")
    }

    static func serviceCheck(_ arguments: [String]) throws -> (Int32, String) {
        try run("service_check.py", arguments)
    }

    static func run(_ script: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tests/tools/\(script)").path, program.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, printed)
    }
}
