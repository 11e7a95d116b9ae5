import Foundation
import Testing
import Kinpress
import KinpressAudience
import KinpressCase
import KinpressCompose
import KinpressLint
import KinpressLayout

/// A small Arabic case: Arabic fixed text around Arabic case text with English names inside it.
let arabicCase = """
    format: 1
    case: {reference: "AR-1", localAuthority: Northmoor Council, date: 2026-03-02, worker: sw, language: ar}
    children: [{id: sami, name: "سامي", dateOfBirth: 2018-05-01}]
    people:
      - {id: sw, name: Rachel Green, relationship: "الأخصائية الاجتماعية", kind: professional, organisation: Northmoor Council}
      - {id: mum, name: "ليلى حداد", relationship: "أم سامي", kind: parent, inSafetyNetwork: true, informedOfWorries: true, circle: 1}
    assessment:
      harm: ["رأت المعلمة Mrs Jones كدمة على خد سامي."]
      strengths: ["ليلى تحب سامي كثيراً."]
      scaling:
        - {id: s1, question: "كم سامي آمن في البيت؟", zero: "غير آمن", ten: "آمن تماماً", scores: [{person: mum, score: 6}]}
    safetyPlan:
      rules: [{id: r1, rule: "خالد يزور البيت كل يوم جمعة.", who: [mum]}]
    """

@Suite("Families' languages")
struct LanguageTests {
    static let nowak = Repository.root.appendingPathComponent("SampleCases/nowak/nowak.yaml")
    static let zielinski = Repository.root.appendingPathComponent("SampleCases/zielinski/zielinski.yaml")
    static let dabrowski = Repository.root.appendingPathComponent("SampleCases/dabrowski/dabrowski.yaml")

    @Test("an Arabic document: its language, right to left, text in logical order, mirrored pages")
    func arabic() throws {
        let found = try readCase(arabicCase)
        let document = try kinpress.document(.assessment, of: found, for: .family)
        #expect(document.language == "ar" && document.rightToLeft)
        let catalogue = try kinpress.templates.catalogue(for: "ar")
        #expect(catalogue.language == "ar" && catalogue.missing.isEmpty, "\(catalogue.missing.prefix(5))")

        let pdf = try PDFFile(try kinpress.pdf(.assessment, of: found, options: .init()))
        #expect(try pdf.objects().contains("/Lang (ar)"))
        // pdftotext -raw gives right-to-left text in logical order, though it may cut it into
        // letters between embedding marks: compare the letters alone.
        func letters(_ text: String) -> String {
            String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) && !(0x202A...0x202E).contains($0.value) }.map(Character.init))
        }
        let raw = letters(try pdf.text(raw: true))
        #expect(raw.contains(letters("ليلى تحب سامي كثيراً")))
        #expect(raw.contains(letters(try catalogue.text("assessment.worried.heading"))))
        // An English name inside Arabic: poppler moves left-to-right runs about in its output, so
        // each run is checked on its own (the order on the page is checked by eye, in the
        // reference pictures).
        for piece in ["رأت المعلمة", "Mrs Jones", "كدمة على خد سامي"] { #expect(raw.contains(letters(piece))) }

        // Mirrored: headings end at the right margin; the page number sits on the left.
        let laidOut = try LayoutEngine(fonts: kinpress.fonts).layout(document, theme: kinpress.templates.theme(named: "default"), paper: .a4)
        let right = laidOut.geometry.right
        var headings = 0
        for page in laidOut.pages {
            for item in page.items where item.structure.last?.role.hasPrefix("H") == true {
                guard case .text(let block, let lines, let x, _) = item.mark, let first = lines.first else { continue }
                let line = block.lines[first]
                #expect(abs(x + line.left + line.width - right) < 1.5, "a heading starts at the right margin")
                headings += 1
            }
            let footer = page.items.filter(\.isArtifact).compactMap { item -> Double? in
                guard case .text(let block, _, let x, let y) = item.mark, y > laidOut.geometry.bottom, block.lineTexts.first?.contains("1") == true else { return nil }
                return x + (block.lines.first?.left ?? 0)
            }
            #expect(footer.allSatisfy { $0 < laidOut.geometry.width / 2 }, "the page number is on the left")
        }
        #expect(headings >= 3)

        let page = try HTMLPage(try kinpress.html(.assessment, of: found, options: .init()))
        #expect(page.all("html").first?.attributes["dir"] == "rtl" && page.all("html").first?.attributes["lang"] == "ar")
    }

    @Test("Urdu is set in Nastaliq (its regular face, not the mislabelled bold)")
    func urdu() throws {
        let text = arabicCase.replacingOccurrences(of: "language: ar", with: "language: ur")
            .replacingOccurrences(of: "ليلى تحب سامي كثيراً.", with: "لیلیٰ سامی سے بہت پیار کرتی ہے۔")
        let found = try readCase(text)
        let pdf = try PDFFile(try kinpress.pdf(.assessment, of: found, options: .init()))
        let fonts = try pdf.fonts()
        #expect(fonts.contains("NotoNastaliqUrdu-Regular") || fonts.contains("NotoNastaliqUrdu,"), "\(fonts)")
        #expect(!fonts.contains("NotoNastaliqUrdu-Bold"))
        #expect(try pdf.objects().contains("/Lang (ur)"))
    }

    @Test("bilingual: each section in the family's language, then in English where the case says it in English too, each part tagged with its language")
    func bilingual() throws {
        let found = try readSample(Self.zielinski)
        #expect(found.file.case.alsoInEnglish && found.file.case.language == "pl")
        let document = try kinpress.document(.safetyPlan, of: found, for: .family)
        let polish = document.blocks.filter { if case .section = $0 { return true } else { return false } }.count
        let english = document.blocks.filter { if case .language(let code, let rightToLeft, _) = $0 { return code == "en" && !rightToLeft } else { return false } }.count
        #expect(polish > 2 && english > 2 && english <= polish)
        // The family half reads the Polish texts, the English half the English ones.
        let text = try kinpress.document(.assessment, of: found, for: .family).plainText.split(separator: "\n")
        #expect(text.contains { $0.contains("Oliwia") && $0.contains("cukier") } && text.contains { $0.contains("Oliwia") && $0.contains("sugar") }, "\(text.prefix(20))")
        let label = try kinpress.templates.catalogue(for: "pl").text("document.inEnglish")
        #expect(document.blocks.contains { if case .paragraph(_, let runs) = $0 { return runs.first?.text == label } else { return false } })

        let pdf = try PDFFile(try kinpress.pdf(.safetyPlan, of: found, options: .init()))
        let objects = try pdf.objects()
        #expect(objects.contains("/Lang (pl)"))
        #expect(objects.components(separatedBy: "/S /Part").count - 1 == english)
        #expect(objects.components(separatedBy: "/Lang (en)").count - 1 == english)
        let page = try HTMLPage(try kinpress.html(.safetyPlan, of: found, options: .init()))
        #expect(page.all("div").filter { $0.attributes["lang"] == "en" && $0.attributes["dir"] == "ltr" }.count == english)
        // Professionals read English only.
        let professional = try kinpress.document(.safetyPlan, of: found, for: .professional)
        #expect(professional.language == "en" && !professional.blocks.contains { if case .language = $0 { return true } else { return false } })
    }

    @Test("a bilingual case written only in English is not printed twice; lint says each text is not in the family's language")
    func bilingualWrittenInEnglish() throws {
        let found = try readSample(Self.dabrowski)
        let document = try kinpress.document(.wordsAndPictures, of: found, for: .child)
        #expect(!document.blocks.contains { if case .language = $0 { return true } else { return false } })
        let reading = CaseReader.read(contentsOf: Self.dabrowski)
        let linter = try Linter(templates: Repository.root.appendingPathComponent("Templates"), language: "pl")
        let findings = linter.lint(try #require(reading.case), locations: reading.locations, fileName: "dabrowski.yaml", for: Audience.family,
                                   languages: reading.languages(at:))
        #expect(findings.filter { $0.message.contains("looks like English") }.count > 10)
    }

    @Test("a sentence missing from a catalogue prints in English, and lint says which", arguments: ["pl", "cy", "ro", "ar", "ur"])
    func fallback(_ language: String) throws {
        let catalogue = try kinpress.templates.catalogue(for: language)
        #expect(catalogue.language == language)
        #expect(catalogue.missing.isEmpty, "\(language): \(catalogue.missing.prefix(5))")
        // Every catalogue says it needs a translator's review.
        let file = try String(contentsOf: Repository.root.appendingPathComponent("Templates/strings/\(language).yaml"), encoding: .utf8)
        #expect(file.prefix(600).lowercased().contains("translator"))
    }

    @Test("plural forms follow each language's rules")
    func plurals() throws {
        let polish = try kinpress.templates.catalogue(for: "pl")
        let forms = try [1, 2, 5, 22, 25].map { try polish.plural("age.years", count: $0, ["name": "Ola"]) }
        #expect(Set(forms).count >= 3, "Polish says 1, 2 and 5 years differently: \(forms)")
        let english = try kinpress.templates.catalogue(for: "en")
        #expect(try english.plural("age.years", count: 2, ["name": "Ola"]) == "\u{2068}Ola\u{2069} is \u{2068}2\u{2069}")
    }
}
