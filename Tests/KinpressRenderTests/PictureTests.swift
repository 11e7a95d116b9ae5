import Foundation
import Testing
import Kinpress
import KinpressCase
import KinpressCompose
import KinpressLayout

/// Pictures in documents: JPEG passed through, SVG kept as vectors, bad pictures refused with
/// the field that names them.
@Suite("Pictures")
struct PictureTests {
    static let fixtures = Repository.root.appendingPathComponent("Tests/KinpressRenderTests/Fixtures/pictures")

    /// A case whose Words and Pictures pages show `pictures`, in a folder of its own.
    struct StoryCase: ~Copyable {
        let folder: URL

        init(pictures: [String]) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-pictures-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in Set(pictures + ["house.png"]) {
                try FileManager.default.copyItem(at: PictureTests.fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
            let pages = pictures.map { "      - {text: \"This is a picture.\", picture: \($0), pictureDescription: \"A drawing of a house\"}" }.joined(separator: "\n")
            try """
                format: 1
                case: {reference: "P-1", localAuthority: Example Council, date: 2026-03-02, worker: sw}
                children: [{id: ava, name: Ava, dateOfBirth: 2019-05-01, picture: house.png}]
                people: [{id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council, childCalls: Sam, inSafetyNetwork: true}]
                wordsAndPictures:
                  - id: story
                    child: ava
                    pages:
                \(pages)
                """.write(to: folder.appendingPathComponent("case.yaml"), atomically: true, encoding: .utf8)
        }

        func read() throws -> Case {
            try #require(CaseReader.read(contentsOf: folder.appendingPathComponent("case.yaml")).case)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    @Test("JPEGs are embedded as they are, CMYK JPEGs and PNGs decoded, SVGs drawn as vectors")
    func embedding() throws {
        let story = try StoryCase(pictures: ["house.jpg", "sideways.jpg", "cmyk.jpg", "star.svg"])
        let pdf = try PDFFile(try kinpress.pdf(.wordsAndPictures, of: try story.read(), options: .init(audience: .child)))
        let images = try run("pdfimages", ["-list", pdf.url.path]).split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        let encodings = images.map { $0[8] }
        #expect(encodings.filter { $0 == "jpeg" }.count == 2, "the two RGB JPEGs pass through: \(images)")
        #expect(images.contains { $0[3] == "240" && $0[4] == "160" && $0[8] != "jpeg" }, "the CMYK JPEG and the PNG are decoded")
        #expect(images.count == 4, "the SVG is not an image: it is drawn as vectors")
        #expect(try pdf.objects().components(separatedBy: "/Alt ").count - 1 >= 5, "every picture has its alternative text")
    }

    @Test("a picture inside the English half of a bilingual section is loaded like any other")
    func pictureInLanguageBlock() throws {
        let file = Self.fixtures.appendingPathComponent("house.png")
        let picture = Block.picture(PictureBlock(file: file, alternative: "A house", field: "wordsAndPictures[0].pages[0].picture", maximumHeight: 0.5))
        let blocks: [Block] = [.section(id: nil, blocks: [.paragraph(style: .body, text: [TextRun(text: "Dom")])]),
                               .language(code: "en", rightToLeft: false, blocks: [.section(id: nil, blocks: [picture])])]
        let document = Document(title: "Dom", language: "pl", runningTitle: "Dom", pageLabel: "{page}", blocks: blocks)
        let loaded = try LayoutEngine(fonts: kinpress.fonts).loadPictures(in: document)
        #expect(loaded[file] != nil)
    }

    @Test("bad pictures are refused with their field and a reason", arguments: [
        ("truncated.png", "cannot be read"), ("bomb.png", "million pixels"), ("external.svg", "refers to other files"), ("entity.svg", "refers to other files"),
    ])
    func refused(_ name: String, _ reason: String) throws {
        let story = try StoryCase(pictures: [name])
        do {
            _ = try kinpress.pdf(.wordsAndPictures, of: try story.read(), options: .init(audience: .child))
            Issue.record("\(name) should be refused")
        } catch {
            #expect("\(error)".contains("wordsAndPictures[0].pages[0].picture"), "\(error)")
            #expect("\(error)".contains(reason), "\(error)")
        }
    }
}
