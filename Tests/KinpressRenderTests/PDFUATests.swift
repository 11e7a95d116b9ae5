import Foundation
import Testing
import Kinpress
import KinpressAudience
import KinpressCompose

/// Every sample × document × reader and both packs (the family's marked DRAFT) checked by the
/// outside PDF/UA checker `pdfua` (PyPI; `Tests/tools/requirements.txt`), all files in one
/// Python process: no error and no warning — every piece of content tagged or an artifact,
/// header cells scoped, links described, language, title and XMP with the PDF/UA claim.
@Suite("PDF/UA checker")
struct PDFUATests {
    @Test("pdfua finds no error and no warning in any sample PDF")
    func pdfua() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-pdfua-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        func write(_ bytes: [UInt8], _ name: String) throws {
            let file = folder.appendingPathComponent(name)
            try Data(bytes).write(to: file)
            files.append(file.path)
        }
        for sample in Repository.sampleFiles() {
            let name = sample.deletingLastPathComponent().lastPathComponent
            let found = try readSample(sample)
            for (kind, audience) in HTMLTests.combinations {
                try write(try kinpress.pdf(kind, of: found, options: .init(audience: audience)), "\(name)-\(kind.rawValue)-\(audience.rawValue).pdf")
            }
            for audience in [Audience.family, .professional] {
                let pack = try kinpress.pack(of: found, options: .init(audience: audience), format: .pdf, draft: audience == .family)
                try write(pack.bytes, "\(name)-pack-\(audience.rawValue).pdf")
            }
        }
        #expect(files.count == Repository.sampleFiles().count * (HTMLTests.combinations.count + 2))

        // One process for every file. Exit 0: nothing at warning or above; 1: findings listed;
        // 4: a file it could not read; 5: a usage error (an old pdfua, say).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "pdfua", "check", "--format", "text", "--min-severity", "warning", "--quiet"] + files
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let findings = printed.replacingOccurrences(of: folder.path + "/", with: "")
        #expect(process.terminationStatus == 0, "pdfua (exit \(process.terminationStatus)) found:\n\(findings.split(separator: "\n").prefix(80).joined(separator: "\n"))")
    }
}
