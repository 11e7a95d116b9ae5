import Foundation
import Testing
import KinpressAudience

/// Every sample × document × reader and both packs (`SamplePDFs`), and a family pack marked
/// DRAFT, checked by the outside PDF/UA checker `pdfua` (PyPI; `Tests/tools/requirements.txt`),
/// all files in one Python process: no error and no warning — every piece of content tagged or
/// an artifact, header cells scoped, links described, language, title and XMP with the PDF/UA
/// claim.
@Suite("PDF/UA checker")
struct PDFUATests {
    @Test("pdfua finds no error and no warning in any sample PDF")
    func pdfua() throws {
        let files = try SamplePDFs.files.get()
        let letters = files.filter { $0.lastPathComponent.contains("-letter-") }
        let samples = try Repository.sampleFiles().map(readSample)
        #expect(files.count - letters.count == samples.map { Repository.checked(for: $0).count + 2 }.reduce(0, +))
        let meetings = try Repository.sampleFiles().map(readSample).compactMap(\.file.meeting)
        #expect(letters.count == meetings.count * 2 + meetings.filter { $0.outcome != nil }.count, "two invitations for each meeting, and a decision letter")
        let draft = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-draft-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: draft) }
        try Data(try kinpress.pack(of: try readSample(RenderTests.hughes), options: .init(audience: .family), format: .pdf, draft: true).bytes).write(to: draft)
        // Exit 0: nothing at warning or above; 1: findings, listed; 4: a file it could not
        // read; 5: a usage error (an old pdfua, say).
        let (status, printed) = try SamplePDFs.python(["-m", "pdfua", "check", "--format", "text", "--min-severity", "warning", "--quiet"] + (files + [draft]).map(\.path))
        #expect(status == 0, "pdfua (exit \(status)) found:\n\(printed.split(separator: "\n").prefix(80).joined(separator: "\n"))")
    }
}
