import Foundation
import Testing
import Kinpress
import KinpressAudience
@testable import KinpressCase
import KinpressCompose

/// Random valid cases with a unique marker in every text some reader may not see: hidden list
/// items, hidden people and hidden contact details. Every document for the family and for the
/// child is searched for them, as PDF (text and objects) and as HTML (the whole source: text,
/// alternative text, SVG, title and metadata); 500 more cases' pages and family packs as HTML.
/// `LEAK_CASES=500 LEAK_SWEEP=5000 swift test --filter GeneratedLeakTests` is the long run. `LEAK_CASES=500 swift test --filter GeneratedLeakTests` runs longer.
@Suite("Nothing leaks from generated cases")
struct GeneratedLeakTests {
    /// Fields that hold words a reader sees (never ids, references, dates or choices).
    static let textFields: Set<String> = [
        "name", "fullName", "relationship", "organisation", "childCalls", "value", "text", "worry", "ifNothingChanges", "familyView",
        "howLong", "question", "zero", "ten", "said", "oneStepUp", "area", "rule", "why", "when", "howWeCheck", "howChildKnows",
        "ifBroken", "sign", "whatToDo", "number", "what", "title", "detail", "heading", "pictureDescription",
        "says", "ifRuleBroken", "closerWhen", "how", "reasons", "chairSummary", "supporter",
    ]

    /// Puts `PROFMARK…` in every text under something only professionals may see,
    /// `ADULTMARK…` under something only adults may see, and `UNSHAREDMARK…` in a record the
    /// child did not share with the family (`shareWith` without `family`).
    static func mark(_ value: Any, hidden: String?, counter: inout Int) -> Any {
        switch value {
        case let object as [String: Any]:
            let own = object["visibility"] as? String
            let unshared = (object["shareWith"] as? [String]).map { !$0.contains("family") } ?? false
            let level = own == "professionals" ? "PROFMARK" : own == "adults" ? (hidden ?? "ADULTMARK") : hidden ?? (unshared ? "UNSHAREDMARK" : nil)
            var result: [String: Any] = [:]
            for (key, field) in object {
                if let text = field as? String, textFields.contains(key), let level {
                    counter += 1
                    result[key] = "\(level)\(counter)x \(text)"
                } else {
                    result[key] = mark(field, hidden: level, counter: &counter)
                }
            }
            return result
        case let array as [Any]:
            return array.map { mark($0, hidden: hidden, counter: &counter) }
        default:
            return value
        }
    }

    static var count: Int { Int(ProcessInfo.processInfo.environment["LEAK_CASES"] ?? "") ?? 30 }
    /// The wider sweep, over the HTML (which holds every word of the document model: text,
    /// alternative text, SVG, title, metadata) and the family's meeting pack.
    static var sweep: Int { Int(ProcessInfo.processInfo.environment["LEAK_SWEEP"] ?? "") ?? 500 }

    /// Generated case `seed` with its markers, and the marked case file as written.
    static func markedCase(_ seed: Int) throws -> (Case, Data) {
        var generator = CaseGenerator(seed: UInt64(seed) &+ 5000)
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(generator.caseFile()))
        var counter = 0
        let marked = try JSONSerialization.data(withJSONObject: Self.mark(json, hidden: nil, counter: &counter))
        let reading = CaseReader.read(bytes: Array(marked), displayName: "leak-\(seed).json", folder: nil)
        return (try #require(reading.case, "\(reading.errors.prefix(3))"), marked)
    }

    /// What `make` returns, or nil where the reader has no Words and Pictures story: then the
    /// error, which names the children, must name none the reader may not see.
    static func unlessNothingToMake(_ markers: [String], _ make: () throws -> [UInt8]) throws -> [UInt8]? {
        do {
            return try make()
        } catch let failure as RenderFailure where failure.isNothingToMake {
            for marker in markers { #expect(!failure.description.contains(marker), "\(marker) in the error: \(failure.description)") }
            return nil
        }
    }

    @Test("no marker in any family or child page, nor in the family's meeting pack", arguments: 0..<sweep)
    func noLeakInPages(seed: Int) throws {
        let (found, _) = try Self.markedCase(seed + 100_000)
        for (audience, markers) in [(Audience.family, ["PROFMARK", "UNSHAREDMARK"]), (.child, ["PROFMARK", "ADULTMARK"]), (.network, ["PROFMARK"])] {
            var pages = try DocumentKind.allCases.compactMap { kind in
                try Self.unlessNothingToMake(markers) { try kinpress.html(kind, of: found, options: .init(audience: audience)) }
            }
            if audience == .family { pages.append(try kinpress.pack(of: found, options: .init(audience: .family), format: .html, draft: true).bytes) }
            for page in pages.map({ String(decoding: $0, as: UTF8.self) }) {
                for marker in markers { #expect(!page.contains(marker), "seed \(seed): \(marker) in a \(audience.rawValue) page") }
            }
        }
    }

    @Test("no marker in any family or child document", arguments: 0..<count)
    func noLeak(seed: Int) throws {
        let (found, marked) = try Self.markedCase(seed)
        for (audience, markers) in [(Audience.family, ["PROFMARK", "UNSHAREDMARK"]), (.child, ["PROFMARK", "ADULTMARK"]), (.network, ["PROFMARK"])] {
            for kind in DocumentKind.allCases {
                guard let bytes = try Self.unlessNothingToMake(markers, { try kinpress.pdf(kind, of: found, options: .init(audience: audience)) }) else { continue }
                let pdf = try PDFFile(bytes)
                let html = String(decoding: try kinpress.html(kind, of: found, options: .init(audience: audience)), as: UTF8.self)
                let places = [try pdf.text(), String(decoding: bytes, as: UTF8.self), html]
                for marker in markers {
                    for place in places {
                        #expect(!place.contains(marker), "seed \(seed): \(marker) in the \(audience.rawValue) \(kind.rawValue)")
                    }
                }
            }
        }
        // The family's meeting pack as PDF: its text, objects, bookmarks and metadata.
        let pack = try kinpress.pack(of: found, options: .init(audience: .family), format: .pdf, draft: false)
        let packFile = try PDFFile(pack.bytes)
        for place in [try packFile.text(), try packFile.objects()] {
            #expect(!place.contains("PROFMARK"), "seed \(seed): PROFMARK in the family pack")
        }
        // The markers are real: what professionals get shows them (checked for fields every
        // professional document set prints).
        let markedText = String(decoding: marked, as: UTF8.self)
        let printed: Set<String> = ["rule", "worry", "sign", "question", "heading"]
        if markedText.matches(of: /"([a-zA-Z]+)":"PROFMARK/).contains(where: { printed.contains(String($0.1)) }) {
            var all = ""
            for kind in DocumentKind.allCases {
                guard let bytes = try Self.unlessNothingToMake([], { try kinpress.pdf(kind, of: found, options: .init(audience: .professional)) }) else { continue }
                all += try PDFFile(bytes).text()
            }
            #expect(all.contains("PROFMARK"), "seed \(seed): professionals see what is marked for them")
        }
    }
}
