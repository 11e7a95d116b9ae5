import Foundation
import Testing
@testable import KinpressCase

/// A folder for one test's files, removed when the test ends.
struct ScratchFolder: ~Copyable {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-cli-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Runs the built `kinpress` program as a user or another system would.
@Suite("The kinpress command")
struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The test runner sits beside the products it was built with.
    static let program = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kinpress")

    static func kinpress(_ arguments: String...) throws -> Run {
        try kinpress(arguments)
    }

    static func kinpress(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    static let invalidFile = "Tests/KinpressCaseTests/Fixtures/invalid/ref-rule-who.yaml"

    @Test("letters writes one file per person, named by their id; a letter the case cannot give is refused, saying why, and writes nothing")
    func letters() throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("letters").path
        let invitations = try Self.kinpress("letters", "SampleCases/hughes/hughes.yaml", "--letter", "invitation", "--output-dir", out)
        #expect(invitations.status == 0, "\(invitations.errors)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(written == ["dr-lindqvist.pdf", "gareth.pdf", "hannah.pdf", "joanne.pdf", "kerry.pdf", "marcus.pdf", "nan-pat.pdf", "ollie.pdf", "pc-whitley.pdf"],
                "everyone invited but the chair")
        let pages = try Self.kinpress("letters", "SampleCases/hughes/hughes.yaml", "--letter", "decision", "--output-dir", out, "--to", "kerry", "mason", "--format", "html")
        #expect(pages.status == 0 && FileManager.default.fileExists(atPath: out + "/kerry.html") && FileManager.default.fileExists(atPath: out + "/mason.html"))

        let unknown = try Self.kinpress("letters", "SampleCases/hughes/hughes.yaml", "--letter", "decision", "--output-dir", out + "-2", "--to", "grandad")
        #expect(unknown.status == 1 && unknown.errors.contains("\"grandad\"") && unknown.errors.contains("Known ids"))
        let undecided = try Self.kinpress("letters", "SampleCases/adeyemi/adeyemi.yaml", "--letter", "decision", "--output-dir", out + "-2")
        #expect(undecided.status == 1 && undecided.errors.contains("meeting.outcome"), "\(undecided.errors)")
        #expect(!FileManager.default.fileExists(atPath: out + "-2"), "nothing is written for a refused letter")
    }

    @Test("batch --letters writes each case's letters beside its documents, and a case without a meeting has none")
    func batchLetters() throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("out").path
        let run = try Self.kinpress("batch", "SampleCases/hughes/hughes.yaml", "SampleCases/adeyemi/adeyemi.yaml", "--output-dir", out,
                                    "--documents", "none", "--letters", "invitation,decision", "--jobs", "1", "--report", out + ".json")
        #expect(run.status == 0, "\(run.errors)")
        let files = FileManager.default.enumerator(atPath: out)?.compactMap { $0 as? String } ?? []
        #expect(files.contains { $0.hasSuffix("/decision-letters/kerry.pdf") } && files.contains { $0.hasSuffix("/invitation-letters/pc-whitley.pdf") },
                "\(files)")
        #expect(files.filter { $0.hasSuffix("/kerry.pdf") }.count == 2, "Kerry's invitation and decision letter")
        let report = try String(contentsOfFile: out + ".json", encoding: .utf8)
        #expect(report.contains("no decision letters: meeting.outcome"), "adeyemi's meeting has not decided yet: said in the report, not a failure")
    }

    @Test("validate prints ok and exits 0 for valid files")
    func validOK() throws {
        let sample = try #require(Repository.sampleFiles().first).path
        let run = try Self.kinpress("validate", sample)
        #expect(run.status == 0)
        #expect(run.output == "\(sample): ok\n")
    }

    @Test("validate names file, line, column and field, and exits 1")
    func invalidFile() throws {
        let run = try Self.kinpress("validate", Self.invalidFile)
        #expect(run.status == 1)
        let first = try #require(run.output.split(separator: "\n").first)
        #expect(first.hasPrefix("\(Self.invalidFile):"))
        #expect(first.contains(": error: safetyPlan.rules[0].who[1]: "))
        #expect(run.output.hasSuffix("\(Self.invalidFile): 1 error\n"))
    }

    @Test("validate --json gives each file's problems for other programs")
    func json() throws {
        let sample = try #require(Repository.sampleFiles().first).path
        let run = try Self.kinpress("validate", "--json", sample, Self.invalidFile, "no-such-file.yaml")
        #expect(run.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(report["valid"] as? Bool == false)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.map { $0["file"] as? String } == [sample, Self.invalidFile, "no-such-file.yaml"])
        #expect(files.map { $0["valid"] as? Bool } == [true, false, false])
        let problem = try #require((files[1]["problems"] as? [[String: Any]])?.first)
        #expect(problem["path"] as? String == "safetyPlan.rules[0].who[1]")
        #expect(problem["code"] as? String == "unresolved-reference")
        #expect(problem["line"] as? Int != nil && problem["column"] as? Int != nil)
        #expect(((files[2]["problems"] as? [[String: Any]])?.first?["message"] as? String)?.contains("no such file") == true)
    }

    @Test("a mistyped command exits 2 with a usage message", arguments: [["validate"], ["validate", "--colour", "x.yaml"], ["frobnicate"]])
    func usageErrors(_ arguments: [String]) throws {
        let run = try Self.kinpress(arguments)
        #expect(run.status == 2)
        #expect(run.errors.contains("Usage") || run.errors.contains("Error"))
    }

    @Test("--version and --help work as argument-parser users expect")
    func versionAndHelp() throws {
        let version = try Self.kinpress("--version")
        #expect(version.status == 0)
        #expect(version.output.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
        let help = try Self.kinpress("--help")
        #expect(help.status == 0)
        #expect(help.output.contains("validate") && help.output.contains("schema"))
    }

    @Test("schema prints the committed schema")
    func schema() throws {
        let run = try Self.kinpress("schema")
        #expect(run.status == 0)
        #expect(run.output == (try String(contentsOf: SchemaTests.committedSchema, encoding: .utf8)))
    }

    @Test("render writes a PDF, and nothing at all when it fails")
    func render() throws {
        let scratch = ScratchFolder()
        let folder = scratch.url
        let sample = "SampleCases/hughes/hughes.yaml"
        let good = folder.appendingPathComponent("plan.pdf").path
        let run = try Self.kinpress("render", sample, "--document", "safety-plan", "--audience", "professional", "--output", good)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: good)).starts(with: Array("%PDF-".utf8)))
        let again = folder.appendingPathComponent("plan-again.pdf").path
        #expect(try Self.kinpress("render", sample, "--document", "safety-plan", "--audience", "professional", "--output", again).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: good)) == Data(contentsOf: URL(fileURLWithPath: again)), "a second process makes the same bytes")
        try FileManager.default.removeItem(atPath: again)

        let badTheme = folder.appendingPathComponent("no-theme.pdf").path
        let theme = try Self.kinpress("render", sample, "--document", "assessment", "--theme", "sparkly", "--output", badTheme)
        #expect(theme.status == 1)
        #expect(theme.errors.contains("no theme called \"sparkly\""))
        #expect(!FileManager.default.fileExists(atPath: badTheme))

        let badCase = folder.appendingPathComponent("bad-case.pdf").path
        let invalid = try Self.kinpress("render", Self.invalidFile, "--document", "assessment", "--output", badCase)
        #expect(invalid.status == 1)
        #expect(invalid.errors.contains("safetyPlan.rules[0].who[1]"))
        #expect(!FileManager.default.fileExists(atPath: badCase))
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        #expect(leftovers == ["plan.pdf"], "no partial files are left behind")

        let unknown = try Self.kinpress("render", sample, "--document", "letter", "--output", badCase)
        #expect(unknown.status == 2)
    }

    @Test("render --format html writes one HTML page; an .html name asks for HTML too; a bad picture leaves nothing")
    func renderHTML() throws {
        let scratch = ScratchFolder()
        let folder = scratch.url
        let sample = "SampleCases/lewis-baby/lewis-baby.yaml"
        let page = folder.appendingPathComponent("story.page").path
        let run = try Self.kinpress("render", sample, "--document", "words-and-pictures", "--format", "html", "--output", page)
        #expect(run.status == 0, "\(run.errors)")
        let html = String(decoding: try Data(contentsOf: URL(fileURLWithPath: page)), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<main") && html.contains("data:image/"))
        let inferred = folder.appendingPathComponent("plan.html").path
        #expect(try Self.kinpress("render", sample, "--document", "safety-plan", "--output", inferred).status == 0)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: inferred)), as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
        let wrong = try Self.kinpress("render", sample, "--document", "safety-plan", "--format", "docx", "--output", inferred)
        #expect(wrong.status == 2)

        // A picture that cannot be read stops the page, with its field named, and writes nothing.
        let caseFolder = folder.appendingPathComponent("case")
        try FileManager.default.createDirectory(at: caseFolder, withIntermediateDirectories: true)
        try Data("not a picture".utf8).write(to: caseFolder.appendingPathComponent("drawing.png"))
        let text = try String(contentsOf: Repository.root.appendingPathComponent("SampleCases/lewis-baby/lewis-baby.yaml"), encoding: .utf8)
        let broken = text.replacingOccurrences(of: #"picture: pictures/[^\n]+"#, with: "picture: drawing.png", options: .regularExpression)
        try Data(broken.utf8).write(to: caseFolder.appendingPathComponent("case.yaml"))
        let failed = folder.appendingPathComponent("broken.html").path
        let refused = try Self.kinpress("render", caseFolder.appendingPathComponent("case.yaml").path, "--document", "words-and-pictures", "--output", failed)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("drawing.png"), "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: failed))

        // One refused only when it is opened (too many pixels) is reported at its line too.
        let huge = "Tests/KinpressCaseTests/Fixtures/hostile/pic-huge-pixels-png/case.yaml"
        let line = try #require(try String(contentsOf: Repository.root.appendingPathComponent(huge), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("picture: ") }) + 1
        for command in [["render", huge, "--document", "words-and-pictures"], ["pack", huge]] {
            let tooBig = try Self.kinpress(command + ["--output", failed])
            #expect(tooBig.status == 1)
            #expect(tooBig.errors.hasPrefix("\(huge):\(line):"), "\(tooBig.errors)")
            #expect(tooBig.errors.contains(": error: wordsAndPictures[0].pages[0].picture: the picture wall.png is 20000 × 20000 pixels"), "\(tooBig.errors)")
            #expect(!FileManager.default.fileExists(atPath: failed))
        }
    }

    @Test("pack writes the chair's pack, or the family's with the chair's list of what it left out beside it")
    func pack() throws {
        let scratch = ScratchFolder()
        let folder = scratch.url
        let sample = "SampleCases/adeyemi/adeyemi.yaml"
        let chair = folder.appendingPathComponent("pack.pdf").path
        let run = try Self.kinpress("pack", sample, "--output", chair)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: chair)).starts(with: Array("%PDF-".utf8)))
        let family = folder.appendingPathComponent("family.html").path
        #expect(try Self.kinpress("pack", sample, "--audience", "family", "--draft", "--output", family).status == 0)
        let list = try String(contentsOf: folder.appendingPathComponent("family.withheld-chair-only.txt"), encoding: .utf8)
        #expect(list.hasPrefix("FOR THE CHAIR ONLY") && list.contains("professionals only"))
        #expect(try Self.kinpress("pack", sample, "--audience", "child", "--output", family).status == 2)
        let contents = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(contents == ["family.html", "family.withheld-chair-only.txt", "pack.pdf"])
    }

    @Test("lint says which fixed sentences are not translated yet (they print in English)")
    func untranslated() throws {
        let scratch = ScratchFolder()
        let templates = scratch.url.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Templates"), to: templates)
        let polish = templates.appendingPathComponent("strings/pl.yaml")
        let text = try String(contentsOf: polish, encoding: .utf8)
        try Data(text.replacingOccurrences(of: #"\n  skip: [^\n]+"#, with: "", options: .regularExpression).utf8).write(to: polish)
        let run = try Self.kinpress("lint", "SampleCases/nowak/nowak.yaml", "--templates", templates.path)
        #expect(run.output.contains("1 fixed sentence is not in Templates/strings/pl.yaml yet and print in English: document.skip"), "\(run.output)")
        let page = scratch.url.appendingPathComponent("plan.html").path
        #expect(try Self.kinpress("render", "SampleCases/nowak/nowak.yaml", "--document", "safety-plan", "--templates", templates.path, "--output", page).status == 0)
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("Go to the main part"), "the missing sentence prints in English")

        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("SampleCases/hughes"), to: scratch.url.appendingPathComponent("hughes"))
        let tigrinya = scratch.url.appendingPathComponent("hughes/ti.yaml")
        let sample = try String(contentsOf: Repository.root.appendingPathComponent("SampleCases/hughes/hughes.yaml"), encoding: .utf8)
        try Data(sample.replacingOccurrences(of: "  language: en\n", with: "  language: ti\n").utf8).write(to: tigrinya)
        let none = try Self.kinpress("lint", tigrinya.path)
        #expect(none.output.contains("no fixed sentences in \"ti\" yet"), "\(none.output)\(none.errors)")
    }

    @Test("lint lists findings by section; an error fails it and stops render --strict")
    func lint() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try Self.kinpress("lint", "SampleCases/jordan/jordan.json")
        #expect(sample.status == 0)
        #expect(sample.output.contains("  Words and Pictures\n"))
        #expect(sample.output.contains("\"safety network\" is a word a child may not know"))

        let file = folder.appendingPathComponent("case.yaml")
        try """
            format: 1
            case: {reference: "T-1", localAuthority: Example Council, date: 2026-03-02, worker: sw}
            children: [{id: ava, name: Ava, dateOfBirth: 2019-05-01}]
            people: [{id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council}]
            wordsAndPictures:
              - {id: story, child: ava, pages: [{text: Sam came after the ICPC.}]}
            """.write(to: file, atomically: true, encoding: .utf8)
        let failing = try Self.kinpress("lint", "--json", file.path)
        #expect(failing.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(failing.output.utf8)) as? [String: Any])
        let finding = try #require(((report["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])?.first)
        #expect(finding["severity"] as? String == "error")
        #expect(finding["path"] as? String == "wordsAndPictures[0].pages[0].text")
        #expect(finding["line"] as? Int == 6 && finding["offset"] as? Int == 19)
        #expect((finding["suggestion"] as? String)?.isEmpty == false)

        let pdf = folder.appendingPathComponent("plan.pdf").path
        let strict = try Self.kinpress("render", file.path, "--document", "safety-plan", "--strict", "--output", pdf)
        #expect(strict.status == 1)
        #expect(strict.errors.contains("not rendered"))
        #expect(!FileManager.default.fileExists(atPath: pdf))
        #expect(try Self.kinpress("render", file.path, "--document", "safety-plan", "--output", pdf).status == 0)
    }

    @Test("pictograms lists every pictogram with its description, and makes a contact sheet")
    func pictograms() throws {
        let list = try Self.kinpress("pictograms")
        #expect(list.status == 0)
        let lines = list.output.split(separator: "\n")
        #expect(lines.count >= 46)
        #expect(lines.contains { $0.hasPrefix("pictogram:social-worker\t") && $0.count > "pictogram:social-worker\t".count + 5 })
        let sheet = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-sheet-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: sheet) }
        #expect(try Self.kinpress("pictograms", "--sheet", sheet.path).status == 0)
        #expect(try Data(contentsOf: sheet).starts(with: Array("%PDF-".utf8)))
    }

    @Test("rendering a story warns about text above a child's reading level, and still renders")
    func storyWarnings() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-story-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try Self.kinpress("render", "SampleCases/jordan/jordan.json", "--document", "words-and-pictures", "--output", output.path)
        #expect(run.status == 0)
        #expect(run.errors.contains("warning: wordsAndPictures[0]"))
        #expect(FileManager.default.fileExists(atPath: output.path))
    }

    @Test("characters no installed font can show are reported, not silently printed as boxes")
    func missingCharacters() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-glyphs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("case.yaml")
        try """
            format: 1
            case: {reference: "T-1", localAuthority: Example Council, date: 2026-03-02, worker: sw}
            children: [{id: ava, name: "Ava \u{1FAE8}", dateOfBirth: 2019-05-01}]
            people: [{id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council}]
            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.kinpress("render", file.path, "--document", "assessment", "--output", folder.appendingPathComponent("out.pdf").path)
        #expect(run.status == 0)
        #expect(run.errors.contains("no installed font can show some characters in \"Ava \u{1FAE8}"))
        #expect(run.errors.contains(":3:"), "the line of the field: \(run.errors)")
        #expect(run.errors.contains("children[0].name: "), "the field: \(run.errors)")
        let clean = try Self.kinpress("render", "SampleCases/hughes/hughes.yaml", "--document", "assessment", "--output", folder.appendingPathComponent("hughes.pdf").path)
        #expect(!clean.errors.contains("no installed font"))
    }
}

extension CommandLineTests {
    @Test("validate --council checks a profile as it checks a case file, alone or with cases")
    func validateCouncil() throws {
        let good = try Self.kinpress("validate", "--council", "Templates/councils/harbourside")
        #expect(good.status == 0 && good.output == "Templates/councils/harbourside/council.yaml: ok\n", "\(good.output)\(good.errors)")
        let bad = try Self.kinpress("validate", "--council", "Tests/KinpressCaseTests/Fixtures/councils/low-contrast")
        #expect(bad.status == 1)
        #expect(bad.output.hasPrefix("Tests/KinpressCaseTests/Fixtures/councils/low-contrast/council.yaml:2:9: error: accent:"), "\(bad.output)")
        let sample = try #require(Repository.sampleFiles().first).path
        let json = try Self.kinpress("validate", "--json", "--council", "Tests/KinpressCaseTests/Fixtures/councils/missing-logo", sample)
        #expect(json.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.count == 2 && files[0]["valid"] as? Bool == false && files[1]["valid"] as? Bool == true)
        let nothing = try Self.kinpress("validate")
        #expect(nothing.status == 2 && nothing.errors.contains("--council"), "\(nothing.errors)")
    }

    @Test("render, pack and batch --council print with the profile given; a broken one stops them with its line, writing nothing")
    func renderWithCouncil() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-council-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fewest = "Tests/KinpressCaseTests/Fixtures/councils/fewest", broken = "Tests/KinpressCaseTests/Fixtures/councils/low-contrast"
        let html = folder.appendingPathComponent("plan.html")
        let given = try Self.kinpress("render", "SampleCases/hughes/hughes.yaml", "--document", "safety-plan", "--format", "html", "--council", fewest, "--output", html.path)
        #expect(given.status == 0, "\(given.errors)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("Fewfield Council") && !page.contains("alt=\"Northmoor Council\""), "the given profile, not the one matching Northmoor")

        for arguments in [["render", "SampleCases/hughes/hughes.yaml", "--document", "timeline", "--output", folder.appendingPathComponent("t.pdf").path],
                          ["pack", "SampleCases/hughes/hughes.yaml", "--output", folder.appendingPathComponent("p.pdf").path],
                          ["batch", "SampleCases/hughes", "--output-dir", folder.appendingPathComponent("batch").path]] {
            let run = try Self.kinpress(arguments + ["--council", broken])
            #expect(run.status == 1 && run.errors.contains("low-contrast/council.yaml:2:9: error: accent:"), "\(arguments[0]): \(run.errors)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.html"], "nothing written with a broken profile")
    }
}
