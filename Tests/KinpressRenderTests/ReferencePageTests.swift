import Foundation
import Testing
import Kinpress
import KinpressAudience
import KinpressCompose

/// Every sample × document × reader, compared with a low-resolution picture of its pages in
/// `Tests/References` (grey, 24 dpi, a small tolerance). Run with RECORD_REFERENCES=1 to write
/// the pictures afresh, then look at every one that changed before committing it.
@Suite("Pages look as reviewed")
struct ReferencePageTests {
    struct Combination: CustomTestStringConvertible, Sendable {
        var sample: URL
        var kind: DocumentKind
        var audience: Audience
        var theme = "default"
        var name: String { sample.deletingLastPathComponent().lastPathComponent }
        var testDescription: String { "\(name) \(kind.rawValue) \(audience.rawValue)\(theme == "default" ? "" : " \(theme)")" }
    }

    /// A child's own documents only for the samples where a child made one (elsewhere they say
    /// there is nothing to show); those in every theme for the child.
    static let combinations = Repository.sampleFiles().flatMap { sample in
        let kinds = (try? readSample(sample)).map { Repository.pictured(DocumentKind.allCases, for: $0) } ?? DocumentKind.allCases
        let made = kinds.contains(.threeHouses)
        return kinds.flatMap { kind in
            Repository.readers(of: kind).map { Combination(sample: sample, kind: kind, audience: $0) }
                + (made && [.threeHouses, .safetyHouse].contains(kind) ? ["large-print", "easy-read", "storyboard"].map {
                    Combination(sample: sample, kind: kind, audience: .child, theme: $0)
                } : [])
        }
    }

    @Test("pages match their reference picture", arguments: combinations)
    func matches(_ combination: Combination) throws {
        let found = try readSample(combination.sample)
        let pdf = try PDFFile(try kinpress.pdf(combination.kind, of: found, options: .init(audience: combination.audience, theme: combination.theme)))
        let theme = combination.theme == "default" ? "" : "-\(combination.theme)"
        let reference = Repository.root.appendingPathComponent("Tests/References/\(combination.name)/\(combination.kind.rawValue)-\(combination.audience.rawValue)\(theme).png")
        let mode = ProcessInfo.processInfo.environment["RECORD_REFERENCES"] == "1" ? "record" : "check"
        let (status, said) = try runPython([Repository.root.appendingPathComponent("Tests/tools/reference_pages.py").path, mode, pdf.url.path, reference.path])
        #expect(status == 0, "\(combination.testDescription): \(said)")
    }
}
