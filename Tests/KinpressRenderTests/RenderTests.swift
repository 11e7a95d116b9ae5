import Foundation
import Testing
import Kinpress
import KinpressAudience
@testable import KinpressCase
import KinpressCompose
import KinpressLayout

@Suite("PDF documents")
struct RenderTests {
    static let hughes = Repository.root.appendingPathComponent("SampleCases/hughes/hughes.yaml")

    /// Where each link annotation leads, from a PDF's objects in QDF form.
    static func linkTargets(_ objects: String) -> [String] {
        objects.components(separatedBy: "endobj").filter { $0.contains("/Subtype /Link") }
            .compactMap { $0.firstMatch(of: /\/Dest \(([A-Za-z0-9-]+)\)/).map { String($0.1) } }
    }

    @Test("every sample, document and reader renders to the same bytes twice", arguments: Repository.sampleFiles())
    func deterministic(_ url: URL) throws {
        let found = try readSample(url)
        for kind in DocumentKind.all(for: found) {
            for audience in Audience.allCases {
                let first = try kinpress.pdf(kind, of: found, options: .init(audience: audience))
                let second = try kinpress.pdf(kind, of: found, options: .init(audience: audience))
                #expect(first == second, "\(url.lastPathComponent) \(kind.rawValue) \(audience.rawValue)")
            }
        }
    }

    @Test("a parent can read the assessment: the sections, in plain words, with the case's own words")
    func assessmentText() throws {
        let pdf = try PDFFile(try kinpress.pdf(.assessment, of: try readSample(Self.hughes), options: .init()))
        let text = try pdf.text().replacingOccurrences(of: "\n", with: " ")
        for expected in ["What are we worried about?", "What is working well?", "What needs to happen?", "How safe do people think things are?",
                         "What we do not know yet", "What happens next", "Mason is 8", "Hannah Whitfield wrote this with your family on Wednesday 29 April 2026.",
                         "Tony next door found Mason in the street", "Gareth Hughes does not agree with this."] {
            #expect(text.contains(expected), "\(expected)")
        }
        #expect(try pdf.text(page: 1).contains("Page 1 of \(try pdf.pageCount())"))
        #expect(!text.contains("OFFICIAL-SENSITIVE"), "no protective marking on family documents")
    }

    @Test("professional documents carry the protective marking on every page")
    func protectiveMarking() throws {
        let pdf = try PDFFile(try kinpress.pdf(.safetyPlan, of: try readSample(Self.hughes), options: .init(audience: .professional)))
        for page in 1...(try pdf.pageCount()) {
            #expect(try pdf.text(page: page).components(separatedBy: "OFFICIAL-SENSITIVE").count == 3, "top and bottom of page \(page)")
        }
    }

    @Test("the PDF is tagged, has a language, bookmarks, embedded fonts and alternative text")
    func structure() throws {
        let found = try readSample(Self.hughes)
        let pdf = try PDFFile(try kinpress.pdf(.assessment, of: found, options: .init()))
        #expect(try pdf.info().contains("Tagged:          yes"))
        let objects = try pdf.objects()
        #expect(objects.contains("/Lang (en)"))
        #expect(objects.contains("/DisplayDocTitle true"))
        #expect(!objects.contains("/Private"), "the header and footer markers are gone")
        #expect(objects.contains("/Artifact"), "headers and footers are artifacts")
        let scales = found.file.assessment?.scaling.count ?? 0
        let elements = objects.components(separatedBy: "endobj")
        #expect(elements.filter { $0.contains("/S /Figure") && $0.contains("/Alt ") }.count == scales + 1, "one alternative text per scale figure, and the council's logo")
        #expect(elements.filter { $0.contains("/S /Link") }.allSatisfy { $0.contains("/Alt ") }, "each link says where it leads")
        #expect(objects.contains("/Scope /Column") && objects.contains("/Scope /Row"), "header cells say what they head")
        #expect(objects.contains("<pdfuaid:part>1</pdfuaid:part>"), "XMP metadata claims PDF/UA-1")
        #expect(objects.contains("/Title (What are we worried about?)"), "a bookmark per heading")
        let fontLines = try pdf.fonts().split(separator: "\n").dropFirst(2)
        #expect(!fontLines.isEmpty)
        for line in fontLines {
            #expect(line.contains("NotoSans"), "only the project's fonts: \(line)")
            #expect(line.contains(" yes yes "), "embedded and subset: \(line)")
        }
        // The tag tree, one element per line, indented by depth: (depth, role).
        let tags = try pdf.structure().split(separator: "\n").map { line in
            (depth: line.prefix { $0 == " " }.count / 2, role: String(line.drop { $0 == " " }.split(separator: " ").first ?? ""))
        }
        #expect(tags.first?.role == "Document" && tags.first?.depth == 0, "one Document element holds everything")
        #expect(tags.dropFirst().allSatisfy { $0.depth >= 1 })
        // Only the council's logo and name come before the title.
        let beforeTitle = tags.dropFirst().prefix { !$0.role.hasPrefix("H") }.map(\.role)
        #expect(beforeTitle == ["Figure", "P"], "\(beforeTitle)")
        #expect(tags.dropFirst(3).first?.role == "H1" && tags.filter { $0.role == "H1" && $0.depth == 1 }.count == 1, "the title is the document's one top-level H1, first after the masthead")
        #expect(tags.contains { $0.role == "Sect" }, "sections are Sect elements")
        #expect(tags.filter { $0.role == "Figure" }.count >= scales, "a Figure per scale")
        for (index, tag) in tags.enumerated() where tag.role == "Table" {
            let rows = tags[(index + 1)...].prefix { $0.depth > tag.depth }.filter { $0.role == "TR" && $0.depth == tag.depth + 1 }
            #expect(!rows.isEmpty, "each Table holds its rows")
        }
    }

    @Test("the contents give each section's page and link to it")
    func contents() throws {
        let pdf = try PDFFile(try kinpress.pdf(.assessment, of: try readSample(Self.hughes), options: .init()))
        let first = try run("pdftotext", ["-layout", "-f", "1", "-l", "1", "-enc", "UTF-8", pdf.url.path, "-"])
        #expect(first.contains("What is in this paper"))
        var checked = 0
        for line in first.split(separator: "\n") {
            guard let match = line.wholeMatch(of: /\s*(.+?)\s{2,}(\d+)\s*/), let number = Int(match.2) else { continue }
            let title = String(match.1)
            guard ["What are we worried about?", "What is working well?", "What needs to happen?", "How safe do people think things are?", "What happens next"].contains(title) else { continue }
            #expect(try pdf.text(page: number).contains(title), "\(title) is on page \(number)")
            checked += 1
        }
        #expect(checked == 5)
        let objects = try pdf.objects()
        #expect(objects.components(separatedBy: "/Subtype /Link").count - 1 >= 5, "each entry is a link")
        // Every link's destination is a named destination of the document.
        let names = Set(objects.matches(of: /\n    \(([a-z0-9-]+)\)\n    \[/).map { String($0.1) })
        let targets = Self.linkTargets(objects)
        #expect(targets.count >= 5)
        for target in targets { #expect(names.contains(target), "\(target) is a destination") }
        #expect(try pdf.structure().contains("TOCI"))
    }

    @Test("a table over several pages stays one table, with its header row repeated")
    func longTable() throws {
        var text = caseStart() + """
            assessment:
              nextSteps:

            """
        for step in 1...70 { text += "    - {text: \"Step number \(step): Sam will phone the school and check how Ava is doing.\", who: [sw], by: 2026-04-01}\n" }
        let pdf = try PDFFile(try kinpress.pdf(.assessment, of: try readCase(text), options: .init()))
        let pages = try pdf.pageCount()
        #expect(pages >= 3)
        let tags = try pdf.structure()
        #expect(tags.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Table") }.count == 1)
        #expect(tags.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("TR") }.count == 71)
        for page in 2...pages where try pdf.text(page: page).contains("Step number") {
            #expect(try pdf.text(page: page).contains("By when"), "the header row is repeated on page \(page)")
        }
    }

    @Test("a table row too tall for a page breaks between lines and stays inside the page")
    func tallRow() throws {
        let long = Array(repeating: "Jo checks that the back door is locked every night before she goes to bed.", count: 90).joined(separator: " ")
        let text = caseStart() + """
            safetyPlan:
              rules: [{id: r1, rule: The door is locked at night., why: "\(long)", who: [sw]}]
            """
        let pdf = try PDFFile(try kinpress.pdf(.safetyPlan, of: try readCase(text), options: .init()))
        #expect(try pdf.pageCount() >= 2)
        let bottoms = try run("pdftotext", ["-bbox", pdf.url.path, "-"])
        let limit = 841.89 - 22 * 72 / 25.4 + 1
        let words = bottoms.matches(of: /yMax="([0-9.]+)">([^<]*)</).compactMap { match -> (Double, String)? in Double(match.1).map { ($0, String(match.2)) } }
        let body = words.filter { !$0.1.hasPrefix("Page") && !["of"].contains($0.1) && Int($0.1) == nil }
        #expect(body.allSatisfy { $0.0 <= limit }, "no text below the bottom margin but the footer")
    }

    @Test("a history of 90 events runs over pages in date order, with quiet times and today marked, nothing past the margin")
    func longTimeline() throws {
        var text = caseStart(child: "{id: ava, name: Ava, dateOfBirth: 2012-05-01}") + """
            timeline:
              journey: [{date: 2026-06-01, title: Step still to come, status: planned}, {date: 2025-12-01, title: Step already done, status: done}]
              events:

            """
        let kinds = ["harm", "worry", "strength", "safety", "service", "move", "meeting", "other"]
        for index in (0..<90).reversed() {
            let year = 2014 + index / 8, month = index % 8 + 1
            let date = index == 40 ? "\(year)" : String(format: "%04d-%02d-10", year, month)
            text += "    - {date: \"\(date)\", title: \"Event number \(index)\", kind: \(kinds[index % kinds.count]), detail: \"Something happened that month and people wrote it down.\"}\n"
        }
        text += "    - {date: 2008-01-10, title: Long ago, kind: other}\n"
        let pdf = try PDFFile(try kinpress.pdf(.timeline, of: try readCase(text), options: .init()))
        #expect(try pdf.pageCount() >= 4)
        let all = try pdf.text()
        var last = all.range(of: "Long ago")!.upperBound
        for index in 0..<90 {
            let found = try #require(all.range(of: "Event number \(index)\n", range: last..<all.endIndex), "event \(index) in order")
            last = found.upperBound
        }
        #expect(all.contains("years later"), "the six quiet years before 2014 are a break in the line")
        let done = try #require(all.range(of: "Step already done")), today = try #require(all.range(of: "Today: Monday 2 March 2026")), planned = try #require(all.range(of: "Step still to come"))
        #expect(done.lowerBound < today.lowerBound && today.lowerBound < planned.lowerBound)
        let bottoms = try run("pdftotext", ["-bbox", pdf.url.path, "-"])
        let limit = 841.89 - 22 * 72 / 25.4 + 1
        let words = bottoms.matches(of: /yMax="([0-9.]+)">([^<]*)</).compactMap { match -> (Double, String)? in Double(match.1).map { ($0, String(match.2)) } }
        #expect(words.filter { !$0.1.hasPrefix("Page") && $0.1 != "of" && Int($0.1) == nil }.allSatisfy { $0.0 <= limit })
    }

    @Test("case text is text: markup, template tags and entities print as written")
    func escaping() throws {
        let hostile = #"<script>alert(1)</script> {{header.title}} &amp; ]]> "quoted" 'single' \#u{202E}reversed"#
        let text = caseStart() + """
            assessment:
              harm: [\(String(decoding: try JSONEncoder().encode(hostile), as: UTF8.self))]
            """
        let pdf = try PDFFile(try kinpress.pdf(.assessment, of: try readCase(text), options: .init()))
        let extracted = try pdf.text(raw: true)
        #expect(extracted.contains("<script>alert(1)</script> {{header.title}} &amp; ]]> \"quoted\" 'single'"))
    }

    @Test("names in Arabic, Bengali, Gurmukhi and Ge'ez script are set in the Noto family for their script")
    func scripts() throws {
        let text = caseStart(child: "{id: ava, name: \"آفا\", dateOfBirth: 2019-05-01}") + """
            assessment:
              strengths: ["অনু খেলতে ভালোবাসে।", "ਹਰਪ੍ਰੀਤ ਸਕੂਲ ਜਾਂਦੀ ਹੈ।", "ሰላም ነው።"]
            """
        let pdf = try PDFFile(try kinpress.pdf(.assessment, of: try readCase(text), options: .init()))
        let fonts = try pdf.fonts()
        for family in ["NotoNaskhArabic", "NotoSansBengali", "NotoSansGurmukhi", "NotoSansEthiopic"] {
            #expect(fonts.contains(family), "\(family) in \(fonts)")
        }
    }

    @Test("a direction override in a name cannot reorder the sentence around it")
    func bidiIsolated() throws {
        let text = caseStart(child: "{id: ava, name: \"Ava \u{202E}evil\", dateOfBirth: 2019-05-01}") + """
            """
        let pdf = try PDFFile(try kinpress.pdf(.assessment, of: try readCase(text), options: .init()))
        let extracted = try pdf.text(page: 1).replacingOccurrences(of: "\n", with: " ")
        #expect(extracted.contains("our worries and what needs to"))
        #expect(extracted.contains("You can ask Sam Okafor about anything in it."))
    }

    @Test("easy read: 16 pt type, no third level of heading, a pictogram beside each point; storyboard: landscape pages")
    func easyReadAndStoryboard() throws {
        let found = try readSample(Self.hughes)
        let normal = try PDFFile(try kinpress.pdf(.assessment, of: found, options: .init()))
        let easy = try PDFFile(try kinpress.pdf(.assessment, of: found, options: .init(theme: "easy-read")))
        let threeLevels = Document(title: "Levels", language: "en", runningTitle: "Levels", pageLabel: "{page}", blocks: (1...3).map {
            .heading(level: $0, id: "heading-\($0)", text: [TextRun(text: "Heading \($0)")])
        })
        let deep = try PDFFile(try kinpress.renderPDF(threeLevels, author: "", date: "2026-01-01T00:00:00Z", options: .init()).bytes)
        let capped = try PDFFile(try kinpress.renderPDF(threeLevels, author: "", date: "2026-01-01T00:00:00Z", options: .init(theme: "easy-read")).bytes)
        #expect(try deep.structure().contains("H3"))
        #expect(!(try capped.structure().contains("H3")), "headings keep to two levels")
        #expect(try easy.pageCount() > normal.pageCount())
        let easyArtifacts = try easy.objects().components(separatedBy: "/Artifact").count
        let normalArtifacts = try normal.objects().components(separatedBy: "/Artifact").count
        #expect(easyArtifacts > normalArtifacts + 10, "a pictogram beside each point, drawn as decoration")
        let theme = try kinpress.templates.theme(named: "easy-read")
        #expect(theme.font.size >= 16)
        let story = try PDFFile(try kinpress.pdf(.wordsAndPictures, of: found, options: .init(audience: .child, theme: "storyboard")))
        #expect(try story.info().contains("841.89 x 595.276 pts"))
    }

    @Test("Letter paper and the large-print theme")
    func paperAndTheme() throws {
        let found = try readSample(Self.hughes)
        let letter = try PDFFile(try kinpress.pdf(.safetyPlan, of: found, options: .init(paper: .letter)))
        #expect(try letter.info().contains("612 x 792 pts (letter)"))
        let normal = try PDFFile(try kinpress.pdf(.safetyPlan, of: found, options: .init()))
        let large = try PDFFile(try kinpress.pdf(.safetyPlan, of: found, options: .init(theme: "large-print")))
        #expect(try large.pageCount() > normal.pageCount())
    }

    @Test("every sample renders every document for every reader", arguments: Repository.sampleFiles())
    func samples(_ url: URL) throws {
        let found = try readSample(url)
        for kind in DocumentKind.all(for: found) {
            for audience in Audience.allCases {
                let pdf = try PDFFile(try kinpress.pdf(kind, of: found, options: .init(audience: audience)))
                #expect(try pdf.pageCount() >= 1)
            }
        }
    }
}

@Suite("Templates and fonts a council may change")
struct TemplateTests {
    /// A copy of the repository's templates that a test may break.
    struct Copy: ~Copyable {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-templates-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Templates"), to: url)
        }

        func edit(_ file: String, _ change: (String) -> String) throws {
            let path = url.appendingPathComponent(file)
            try change(try String(contentsOf: path, encoding: .utf8)).write(to: path, atomically: true, encoding: .utf8)
        }

        deinit {
            try? FileManager.default.removeItem(at: url)
        }
    }

    private func loadError(_ folder: URL) -> TemplateError? {
        do {
            _ = try TemplateSet(folder: folder)
            return nil
        } catch {
            return error
        }
    }

    @Test("a command reads English at start and another language when a case first needs it; a broken one is named with its file and line either way")
    func catalogueWhenAsked() throws {
        let copy = try Copy()
        try copy.edit("strings/pl.yaml") { "broken: [\n" + $0 }
        // Read and checked at once (a service, the tests): the load fails.
        let error = try #require(loadError(copy.url))
        #expect(error.file.hasSuffix("strings/pl.yaml") && error.line != nil, "\(error)")
        // Read when asked: English serves at once; Polish is refused when a Polish case needs it.
        let templates = try TemplateSet(folder: copy.url, everyLanguage: false)
        #expect(try templates.catalogue(for: "en").language == "en")
        #expect(try templates.catalogue(for: "ar").language == "ar")
        do {
            _ = try templates.catalogue(for: "pl-PL")
            Issue.record("a broken Polish catalogue should be refused")
        } catch {
            #expect(error.file.hasSuffix("strings/pl.yaml") && error.line != nil, "\(error)")
        }
        let pipeline = try Kinpress(resources: Repository.root, templates: copy.url, everyLanguage: false)
        let polish = try String(contentsOf: RenderTests.hughes, encoding: .utf8).replacingOccurrences(of: "  language: en\n", with: "  language: pl\n")
        let found = try readCase(polish, folder: RenderTests.hughes.deletingLastPathComponent())
        #expect(found.file.case.language == "pl")
        #expect(throws: RenderFailure.self) { try pipeline.pdf(.safetyPlan, of: found, options: .init()) }
        _ = try pipeline.pdf(.safetyPlan, of: try readSample(RenderTests.hughes), options: .init())
    }

    @Test("a broken tag names the template file and line")
    func brokenMarkup() throws {
        let copy = try Copy()
        try copy.edit("documents/safety-plan.mustache") { $0.replacingOccurrences(of: "<p class=\"lead\">{{intro}}</p>", with: "<p class=\"lead\">{{intro}}</b>") }
        let error = try #require(loadError(copy.url))
        #expect(error.file.hasSuffix("documents/safety-plan.mustache"))
        let template = try String(contentsOf: copy.url.appendingPathComponent("documents/safety-plan.mustache"), encoding: .utf8)
        let line = template.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("{{intro}}</b>") }.map { $0 + 1 }
        #expect(error.line == line && line != nil)
    }

    @Test("a broken Mustache section names the template file and line")
    func brokenMustache() throws {
        let copy = try Copy()
        try copy.edit("partials/goal.mustache") { $0.replacingOccurrences(of: "{{/howLong}}", with: "{{/howlong}}") }
        let error = try #require(loadError(copy.url))
        #expect(error.file.hasSuffix("partials/goal.mustache"))
        #expect(error.line != nil)
    }

    @Test("unescaped output is refused", arguments: ["{{{intro}}}", "{{&intro}}", "{{% CONTENT_TYPE: TEXT}}"])
    func unescaped(_ tag: String) throws {
        let copy = try Copy()
        try copy.edit("documents/assessment.mustache") { $0.replacingOccurrences(of: "<p class=\"lead\">{{intro}}</p>", with: "<p class=\"lead\">\(tag)</p>") }
        let error = try #require(loadError(copy.url))
        #expect(error.file.hasSuffix("documents/assessment.mustache"))
        #expect(error.message.contains("not allowed"))
    }

    @Test("a broken or missing HTML stylesheet names its file")
    func brokenStylesheet() throws {
        let copy = try Copy()
        try copy.edit("html/style.css") { $0.replacingOccurrences(of: "{{/callouts}}", with: "{{/callout}}") }
        let error = try #require(loadError(copy.url))
        #expect(error.file.hasSuffix("html/style.css"))
        #expect(error.line != nil)
        try FileManager.default.removeItem(at: copy.url.appendingPathComponent("html/style.css"))
        #expect(loadError(copy.url)?.file.hasSuffix("html/style.css") == true)
    }

    @Test("a council restyles the HTML in html/style.css, with the theme's values filled in")
    func restyledHTML() throws {
        let copy = try Copy()
        try copy.edit("html/style.css") { $0.replacingOccurrences(of: "h1 { font-size: {{h1}}; }", with: "h1 { font-size: {{h1}}; text-transform: uppercase; }") }
        let pipeline = try Kinpress(resources: Repository.root, templates: copy.url)
        let html = String(decoding: try pipeline.html(.assessment, of: readSample(RenderTests.hughes), options: .init()), as: UTF8.self)
        #expect(html.contains("em; text-transform: uppercase; }") && !html.contains("{{"))
    }

    @Test("the markup gives every heading an id, and <insert> only in a pack")
    func headingIDs() throws {
        let pictograms = Repository.root.appendingPathComponent("Templates/pictures/pictograms")
        let document = try Document(markup: "<document><h1>A</h1><section id=\"s\"><h2 id=\"b\">B</h2><h2>C</h2></section></document>", pictograms: pictograms)
        #expect(Document.headings(in: document.blocks).map(\.id) == ["heading-1", "b", "heading-3"])
        #expect(throws: TemplateError.self) { try Document(markup: "<document><insert document=\"assessment\"/></document>", pictograms: pictograms) }
    }

    @Test("a sentence missing from the catalogue is named when it is needed")
    func missingSentence() throws {
        let copy = try Copy()
        try copy.edit("strings/en.yaml") { $0.replacingOccurrences(of: "  heading: \"Worry {number}\"\n", with: "") }
        let pipeline = try Kinpress(resources: Repository.root, templates: copy.url)
        let found = try readSample(RenderTests.hughes)
        do {
            _ = try pipeline.pdf(.assessment, of: found, options: .init())
            Issue.record("rendering without the sentence should fail")
        } catch {
            #expect(error.description.contains("danger.heading"))
        }
    }

    @Test("a template that prints a sentence the catalogue does not have is refused when it loads")
    func missingTemplateSentence() throws {
        let copy = try Copy()
        try copy.edit("strings/en.yaml") { $0.replacingOccurrences(of: "    harder: \"What makes things harder\"\n", with: "") }
        let error = try #require(loadError(copy.url))
        #expect(error.message.contains("assessment.worried.harder"))
        // The sentence is printed by the map's partial, which the assessment and the record share.
        #expect(error.file.hasSuffix("partials/map-worries.mustache"))
        #expect(error.line != nil)
    }

    @Test("a font family that is not installed is a clear error")
    func missingFont() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-fonts-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Fonts"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "families:\n  - {family: \"Imaginary Sans\", package: fonts-imaginary}\n".write(to: folder.appendingPathComponent("fonts.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: LayoutError.self) { _ = try FontLibrary(folder: folder) }
        do {
            _ = try FontLibrary(folder: folder)
        } catch {
            #expect(error.message.contains("Imaginary Sans") && error.message.contains("fonts-imaginary"))
        }
    }
}

/// Case files no one has seen, written to the contract: every document, for every reader, must
/// come out, and must not be changed by rendering it twice.
@Suite("Generated cases render")
struct GeneratedCaseTests {
    @Test("every document for every reader, from random valid cases", arguments: 0..<24)
    func renders(seed: Int) throws {
        var generator = CaseGenerator(seed: UInt64(seed) &+ 1000)
        let json = try JSONEncoder().encode(generator.caseFile())
        let reading = CaseReader.read(bytes: Array(json), displayName: "seed-\(seed).json", folder: nil)
        let found = try #require(reading.case, "\(reading.errors)")
        for kind in DocumentKind.all(for: found) {
            for audience in Audience.allCases {
                if kind == .wordsAndPictures, audience.project(found).file.wordsAndPictures.isEmpty {
                    // No story this reader may see: an error that names the children, never a page of names.
                    #expect(throws: RenderFailure.self) { try kinpress.renderPDF(kind, of: found, options: .init(audience: audience)) }
                    continue
                }
                let rendered = try kinpress.renderPDF(kind, of: found, options: .init(audience: audience))
                #expect(rendered.pages >= 1 && rendered.bytes.starts(with: Array("%PDF-".utf8)), "seed \(seed) \(kind.rawValue) \(audience.rawValue)")
            }
            if kind == .wordsAndPictures, Audience.family.project(found).file.wordsAndPictures.isEmpty { continue }
            let laidOut = try LayoutEngine(fonts: kinpress.fonts).layout(try kinpress.document(kind, of: found, for: .family),
                                                                         theme: try kinpress.templates.theme(named: "default"), paper: .a4)
            let overlaps = OverlapTests.problems(laidOut, "seed \(seed) \(kind.rawValue)")
            #expect(overlaps.isEmpty, "\(overlaps.prefix(3))")
        }
    }
}
