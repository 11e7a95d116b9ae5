import Foundation
import Testing

/// `kinpress batch` run as a service would run it, over folders of good and bad cases.
@Suite("kinpress batch", .serialized)
struct BatchCommandTests {
    /// A folder with `count` copies of a sample (each with its own reference) and, if asked, bad cases.
    static func inputFolder(count: Int, bad: Bool) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-batch-\(UUID().uuidString)")
        let sample = Repository.root.appendingPathComponent("SampleCases/hughes")
        let text = try String(contentsOf: sample.appendingPathComponent("hughes.yaml"), encoding: .utf8)
        for index in 1...count {
            let copy = folder.appendingPathComponent("in/case-\(String(format: "%03d", index))")
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: sample, to: copy)
            let changed = text.replacingOccurrences(of: #"reference: [^\n]+"#, with: "reference: \"NM/\(index)\"", options: .regularExpression)
            try Data(changed.utf8).write(to: copy.appendingPathComponent("hughes.yaml"))
        }
        if bad {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(CommandLineTests.invalidFile),
                                             to: folder.appendingPathComponent("in/broken.yaml"))
            try Data("format: 1\ncase: [not, a, case".utf8).write(to: folder.appendingPathComponent("in/garbled.yml"))
        }
        return folder
    }

    static func report(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    static func files(under folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var found: [String] = []
        while let file = enumerator?.nextObject() as? URL {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue {
                found.append(String(file.path.dropFirst(folder.path.count + 1)))
            }
        }
        return found.sorted()
    }

    @Test("good cases rendered, bad ones reported with their errors, exit 1; the quality table has a row per good case")
    func goodAndBad() throws {
        let folder = try Self.inputFolder(count: 3, bad: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), report = folder.appendingPathComponent("report.json")
        let run = try CommandLineTests.kinpress("batch", folder.appendingPathComponent("in").path, "--output-dir", out.path, "--documents", "safety-plan,timeline",
                                                "--formats", "pdf,html", "--pack", "--audiences", "family,professional", "--report", report.path, "--jobs", "2")
        #expect(run.status == 1, "\(run.errors)")
        #expect(run.errors.contains("safetyPlan.rules[0].who[1]"), "the bad case's error is shown")
        let written = Self.files(under: out)
        for index in 1...3 {
            for name in ["safety-plan-family.pdf", "safety-plan-family.html", "timeline-professional.pdf", "pack-family.pdf", "pack-professional.html",
                         "pack-family.withheld-chair-only.txt"] {
                #expect(written.contains("NM-\(index)/\(name)"), "NM-\(index)/\(name)")
            }
        }
        #expect(!written.contains { $0.contains("partial") })
        let json = try Self.report(report)
        let totals = json["totals"] as? [String: Any]
        #expect(totals?["rendered"] as? Int == 3 && totals?["failed"] as? Int == 2 && totals?["cases"] as? Int == 5)
        let cases = json["cases"] as? [[String: Any]] ?? []
        let broken = cases.first { ($0["input"] as? String)?.hasSuffix("broken.yaml") == true }
        #expect((broken?["errors"] as? [String])?.first?.contains("safetyPlan.rules[0].who[1]") == true)
        #expect(cases.filter { $0["status"] as? String == "rendered" }.allSatisfy { ($0["outputs"] as? [Any])?.count == 12 })
        let quality = try String(contentsOf: out.appendingPathComponent("quality.csv"), encoding: .utf8).split(separator: "\n")
        #expect(quality.count == 4, "a header and one row per case that could be read")
        #expect(quality.first?.hasPrefix("reference,input,networkSize,safetyNetworkMembers,peopleToldWorries,rules,overdueMilestones,daysToNextReview") == true)
        #expect(quality.dropFirst().allSatisfy { $0.hasPrefix("NM/") })

        // A second run finds everything up to date; --force renders again.
        let again = try CommandLineTests.kinpress("batch", folder.appendingPathComponent("in/case-001").path, "--output-dir", out.path, "--documents", "safety-plan",
                                                  "--report", report.path)
        let skipped = try Self.report(report)["totals"] as? [String: Any]
        #expect(again.status == 0 && skipped?["skipped"] as? Int == 1)
        _ = try CommandLineTests.kinpress("batch", folder.appendingPathComponent("in/case-001").path, "--output-dir", out.path, "--documents", "safety-plan",
                                          "--report", report.path, "--force")
        let forced = try Self.report(report)["totals"] as? [String: Any]
        #expect(forced?["rendered"] as? Int == 1)
        #expect(try CommandLineTests.kinpress("batch", "nowhere", "--output-dir", out.path).status == 1)
        #expect(try CommandLineTests.kinpress("batch", folder.path, "--output-dir", out.path, "--formats", "docx").status == 2)
    }

    @Test("--jobs 1 and --jobs 2 write the same bytes")
    func jobsAgree() throws {
        let folder = try Self.inputFolder(count: 4, bad: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        var contents: [[String: Data]] = []
        for jobs in ["1", "2"] {
            let out = folder.appendingPathComponent("out-\(jobs)")
            let run = try CommandLineTests.kinpress("batch", folder.appendingPathComponent("in").path, "--output-dir", out.path, "--formats", "pdf,html",
                                                    "--pack", "--jobs", jobs)
            #expect(run.status == 0, "\(run.errors)")
            contents.append(Dictionary(uniqueKeysWithValues: try Self.files(under: out).map { ($0, try Data(contentsOf: out.appendingPathComponent($0))) }))
        }
        // Eight documents a case as PDF and HTML, and the pack as both; and the report.
        #expect(contents[0].count == 4 * 18 + 1)
        #expect(contents[0] == contents[1])
    }

    @Test("Ctrl-C stops cleanly: no partial file, a report saying what happened to each case, and a rerun finishes the rest")
    func interrupted() throws {
        let folder = try Self.inputFolder(count: 12, bad: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), report = folder.appendingPathComponent("report.json")
        let process = Process()
        process.executableURL = CommandLineTests.program
        process.arguments = ["batch", folder.appendingPathComponent("in").path, "--output-dir", out.path, "--jobs", "1", "--report", report.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Stop it once the first case is written (the network's pack is its last document).
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: out.appendingPathComponent("NM-1/network-pack-network.pdf").path), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(!Self.files(under: out).contains { $0.contains("partial") })
        let totals = try Self.report(report)["totals"] as? [String: Any]
        let (rendered, cancelled) = (totals?["rendered"] as? Int ?? 0, totals?["cancelled"] as? Int ?? 0)
        #expect(rendered >= 1 && cancelled >= 1 && rendered + cancelled == 12, "\(String(describing: totals))")

        let rerun = try CommandLineTests.kinpress("batch", folder.appendingPathComponent("in").path, "--output-dir", out.path, "--report", report.path)
        #expect(rerun.status == 0)
        let after = try Self.report(report)["totals"] as? [String: Any]
        #expect(after?["skipped"] as? Int == rendered && after?["rendered"] as? Int == cancelled)
    }
}
