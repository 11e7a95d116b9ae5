import Foundation
import Testing

/// Faults on the night of a batch: inputs that cannot be read, an output folder that cannot be
/// written, a full disk, a batch killed outright. Never a partial or corrupt file; the report
/// says what happened to each case; a rerun finishes the rest.
@Suite("kinpress batch under faults", .serialized)
struct BatchFaultTests {
    static func report(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    /// Every finished file is whole: PDFs end with %%EOF, HTML with </html>; no temporary file is left.
    static func checkWhole(_ folder: URL) {
        for file in BatchCommandTests.files(under: folder) {
            #expect(!file.hasSuffix(".partial"), "\(file) is a leftover")
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else { continue }
            if file.hasSuffix(".pdf") {
                #expect(data.starts(with: Array("%PDF-".utf8)) && String(decoding: data.suffix(8), as: UTF8.self).contains("%%EOF"), "\(file) is whole")
            } else if file.hasSuffix(".html") {
                #expect(String(decoding: data.suffix(16), as: UTF8.self).contains("</html>"), "\(file) is whole")
            }
        }
    }

    @Test("inputs that cannot be read are reported by name; the others render")
    func unreadable() throws {
        let folder = try BatchCommandTests.inputFolder(count: 2, bad: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("folder-not-file.yaml"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("gone.json").path, withDestinationPath: "/nowhere/at/all.json")
        let report = folder.appendingPathComponent("report.json"), out = folder.appendingPathComponent("out")
        let run = try CommandLineTests.kinpress("batch", input.path, "--output-dir", out.path, "--documents", "timeline", "--report", report.path)
        #expect(run.status == 1)
        let cases = try Self.report(report)["cases"] as? [[String: Any]] ?? []
        let failed = cases.filter { $0["status"] as? String == "failed" }.compactMap { $0["input"] as? String }
        #expect(failed.contains { $0.hasSuffix("gone.json") } && failed.contains { $0.hasSuffix("folder-not-file.yaml") })
        #expect(cases.filter { $0["status"] as? String == "rendered" }.count == 2)
        Self.checkWhole(out)
    }

    @Test("an output folder that cannot be written: every case fails with a reason, nothing is half written")
    func unwritable() throws {
        let folder = try BatchCommandTests.inputFolder(count: 2, bad: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocked = folder.appendingPathComponent("out")
        try Data("a file where the folder should be".utf8).write(to: blocked)
        let report = folder.appendingPathComponent("report.json")
        let run = try CommandLineTests.kinpress("batch", folder.appendingPathComponent("in").path, "--output-dir", blocked.path, "--documents", "timeline",
                                                "--report", report.path)
        #expect(run.status == 1)
        let cases = try Self.report(report)["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 2 && cases.allSatisfy { $0["status"] as? String == "failed" && !(($0["errors"] as? [String]) ?? []).isEmpty })
        #expect(try Data(contentsOf: blocked) == Data("a file where the folder should be".utf8))
    }

    @Test("a full disk: the cases that do not fit fail with a reason and leave no partial file; the report still says so",
          .enabled(if: getuid() == 0, "mounting a small tmpfs needs root"))
    func fullDisk() throws {
        let folder = try BatchCommandTests.inputFolder(count: 4, bad: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=1200k", "tmpfs", disk.path]
        try mount.run()
        mount.waitUntilExit()
        try #require(mount.terminationStatus == 0, "could not mount a small tmpfs")
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [disk.path]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        let report = folder.appendingPathComponent("report.json")
        let run = try CommandLineTests.kinpress("batch", folder.appendingPathComponent("in").path, "--output-dir", disk.appendingPathComponent("out").path,
                                                "--formats", "pdf,html", "--jobs", "1", "--report", report.path)
        #expect(run.status == 1)
        let cases = try Self.report(report)["cases"] as? [[String: Any]] ?? []
        let failed = cases.filter { $0["status"] as? String == "failed" }
        #expect(!failed.isEmpty && failed.allSatisfy { ($0["errors"] as? [String])?.isEmpty == false })
        Self.checkWhole(disk.appendingPathComponent("out"))
    }

    @Test("a batch killed outright leaves only whole files, and running it again finishes the rest")
    func killed() throws {
        let folder = try BatchCommandTests.inputFolder(count: 10, bad: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), report = folder.appendingPathComponent("report.json")
        let process = Process()
        process.executableURL = CommandLineTests.program
        process.arguments = ["batch", folder.appendingPathComponent("in").path, "--output-dir", out.path, "--jobs", "2", "--formats", "pdf,html"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: out.appendingPathComponent("NM-2/timeline-family.pdf").path), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // Only temporary files may be left, never a half-written output.
        for file in BatchCommandTests.files(under: out) where !file.hasSuffix(".partial") {
            let data = try Data(contentsOf: out.appendingPathComponent(file))
            if file.hasSuffix(".pdf") { #expect(String(decoding: data.suffix(8), as: UTF8.self).contains("%%EOF"), "\(file) is whole") }
        }
        let rerun = try CommandLineTests.kinpress("batch", folder.appendingPathComponent("in").path, "--output-dir", out.path, "--jobs", "2",
                                                  "--formats", "pdf,html", "--report", report.path)
        #expect(rerun.status == 0)
        let totals = try Self.report(report)["totals"] as? [String: Any]
        #expect((totals?["rendered"] as? Int ?? 0) + (totals?["skipped"] as? Int ?? 0) == 10 && totals?["failed"] as? Int == 0)
        Self.checkWhole(out)
        // Each case's eight documents: the five, its meeting's record, the review update and the network's pack.
        #expect(BatchCommandTests.files(under: out).filter { $0.hasSuffix(".pdf") }.count == 80)
    }
}
