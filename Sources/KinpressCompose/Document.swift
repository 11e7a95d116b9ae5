import Foundation
import KinpressCase
import KinpressSupport

/// The document model: what a document says and in what order, with no pages yet. Parsed from
/// the markup the templates write (`docs/markup.md`); the layout stage turns it into pages.
public struct Document: Sendable, Equatable {
    public var title: String
    /// BCP 47 tag of the document's language.
    public var language: String
    /// Whether lines run right to left: from the language of the document's own sentences, not
    /// from whatever case text happens to come first in a paragraph.
    public var rightToLeft: Bool
    /// Printed on every page of professional documents (protective marking); nil for families.
    public var marking: String?
    /// The short name in the running header.
    public var runningTitle: String
    /// The page number as the footer says it, with {page} and {pages}: "Page {page} of {pages}".
    public var pageLabel: String
    /// The words of the link that lets keyboard and screen-reader users jump past the header
    /// (HTML): "Go to the main part".
    public var skipLabel: String?
    /// Printed large and faint across every page ("DRAFT"), when set.
    public var watermark: String?
    public var blocks: [Block]
    /// Where the case's pictures are, for pictures sent with the case rather than read from disk.
    public var pictureFiles: PictureFiles?
    /// The council's colour (`#rrggbb`, dark enough on white) for headings and the header's rule,
    /// in place of the theme's; nil keeps the theme's.
    public var accent: String?
    /// Set on landscape pages (a child's three houses side by side).
    public var landscape = false

    public init(title: String, language: String, rightToLeft: Bool = false, marking: String? = nil, runningTitle: String, pageLabel: String,
                skipLabel: String? = nil, watermark: String? = nil, blocks: [Block]) {
        self.title = title
        self.language = language
        self.rightToLeft = rightToLeft
        self.marking = marking
        self.runningTitle = runningTitle
        self.pageLabel = pageLabel
        self.skipLabel = skipLabel
        self.watermark = watermark
        self.blocks = blocks
    }
}

extension Document {
    /// Markup as the templates write it (`docs/markup.md`), read into a document: for tools and
    /// fuzzing. Templates' output goes through `Composer`, which names the template in errors.
    public init(markup: String, pictograms: URL) throws(TemplateError) {
        self = try MarkupParser.parse(markup, source: "markup", pictograms: pictograms)
    }

    /// A heading as contents and outlines list it.
    public struct HeadingEntry: Sendable, Equatable {
        public var level: Int
        public var title: String
        public var id: String
    }

    /// Every heading in `blocks`, in reading order.
    public static func headings(in blocks: [Block]) -> [HeadingEntry] {
        BlockWalker(blocks).compactMap { block in
            guard case .heading(let level, let id, let text) = block else { return nil }
            return HeadingEntry(level: level, title: text.map(\.text).joined(), id: id)
        }
    }

    /// Every word the document says, one block's words to a line, for looking words up.
    public var plainText: String {
        func text(_ runs: Inline) -> String { runs.map(\.text).joined() }
        return BlockWalker(blocks).flatMap { block -> [String] in
            switch block {
            case .heading(_, _, let runs), .paragraph(_, let runs): return [text(runs)]
            case .table(let table): return ((table.header.map { [$0] } ?? []) + table.rows).flatMap { $0.map(text) }
            case .callout(_, let title, _): return title.map { [text($0)] } ?? []
            case .figure(let figure): return [figure.alternative]
            case .timeline(let timeline): return (timeline.events + timeline.journey).flatMap { [$0.title, $0.detail ?? ""] }
            case .picture(let picture): return [picture.alternative]
            case .letterhead(let letterhead): return letterhead.from + letterhead.to + [letterhead.date]
            case .list, .section, .language, .signatures, .contents, .pageBreak, .bodyStart: return []
            }
        }.joined(separator: "\n")
    }
}

/// A run of text with one style. Links point at a heading's id (`#worries`).
public struct TextRun: Sendable, Equatable {
    public var text: String
    public var bold = false
    public var italic = false
    public var link: String?

    public init(text: String, bold: Bool = false, italic: Bool = false, link: String? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.link = link
    }
}

public typealias Inline = [TextRun]

public indirect enum Block: Sendable, Equatable {
    /// Level 1 to 3, with the id links, contents and bookmarks point at: the template's, or
    /// `heading-N` for the document's Nth heading, given once by the markup parser.
    case heading(level: Int, id: String, text: Inline)
    case paragraph(style: ParagraphStyle, text: Inline)
    /// `icon`: a picture shown beside every item instead of a bullet, in themes that show them.
    case list(ordered: Bool, icon: URL?, items: [[Block]])
    case table(Table)
    /// A boxed group: a danger statement, a safety goal, a bottom line, a note.
    case callout(kind: String, title: Inline?, blocks: [Block])
    case figure(Figure)
    /// A grouping with its own heading, for structure (a PDF `Sect`, an HTML `section`).
    case section(id: String?, blocks: [Block])
    /// Lines for people to sign, with their names under them, and a line for the date.
    case signatures(dateLabel: String, [Signature])
    /// The headings that follow, down to `levels`, each with its page number and a link to it.
    case contents(levels: Int)
    /// What has happened and what comes next, on a time line that runs down the page.
    case timeline(TimelineDiagram)
    /// A drawing or photo, kept whole and scaled to fit.
    case picture(PictureBlock)
    /// The top of a letter's first page: the council (logo, name, return address) on the right,
    /// the recipient where a DL windowed envelope shows them, the date.
    case letterhead(Letterhead)
    case pageBreak
    /// A new page where numbering starts again at 1: what comes before it (a pack's cover and
    /// contents) is numbered i, ii, iii.
    case bodyStart
    /// Blocks in another language than the document's (the English half of a bilingual
    /// section): tagged with their language and set in their own direction.
    case language(code: String, rightToLeft: Bool, blocks: [Block])
}

public enum ParagraphStyle: String, Sendable, Equatable {
    /// `story`: a child's storyboard text, large and with room between lines. `label`: a short
    /// label kept with what follows it, however much must come along ("In English" over a section).
    case body, lead, subtitle, note, small, story, label
}

public struct Table: Sendable, Equatable {
    /// Relative column widths.
    public var widths: [Double]
    /// Repeated at the top of every page the table runs onto. Each of its cells heads its column.
    public var header: [Inline]?
    public var rows: [[Inline]]
    /// Each row's first cell heads its row (`<th>` first in every row): a table of labels and
    /// their values.
    public var rowHeaders = false
}

public struct Figure: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        /// A 0-to-10 line with labelled marks: the simple scaling picture.
        case scale(zero: String, ten: String, marks: [ScaleMark])
        /// The people around the children in three circles.
        case networkMap(children: [String], people: [NetworkPerson], legend: [String: String])
        /// A child's three houses side by side, each holding the child's words.
        case threeHouses(ThreeHousesDrawing)
        /// A child's safe house: who is inside, who visits, who stays outside, and the path.
        case safetyHouse(SafetyHouseDrawing)
    }

    /// What the figure shows, for people who cannot see it.
    public var alternative: String
    public var caption: Inline?
    public var content: Content
}

/// The three houses as the child filled them, in the order they are drawn.
public struct ThreeHousesDrawing: Sendable, Equatable {
    public struct House: Sendable, Equatable {
        /// The child's own name for the house with the house it is, or the house's name.
        public var name: String
        /// worries, goodThings or dreams: the house's colour.
        public var kind: String
        /// The house the child started with.
        public var started: Bool
        public var items: [Item]
    }

    public struct Item: Sendable, Equatable {
        /// The child's words.
        public var text: String
        /// "Aisha wrote this", under the words, when the worker wrote them down.
        public var note: String?
    }

    public var houses: [House]
    /// Over the house the child started with: "Tolu started here".
    public var startedLabel: String
    /// In a house with nothing in it: "Nothing here yet".
    public var emptyLabel: String
}

/// A child's safe house: names as the reader knows them, zone by zone, and where the child put
/// themselves on the path (0 far away, 10 at the door).
public struct SafetyHouseDrawing: Sendable, Equatable {
    public var inside: [String]
    public var visitors: [String]
    public var outside: [String]
    public var now: Double
    /// The child's marker on the path: "Tolu is here".
    public var here: String
    /// The zones' labels in the drawing: inside, visitors, outside.
    public var labels: [String: String]
}

/// Someone on a network map, as the reader knows them.
public struct NetworkPerson: Sendable, Equatable {
    public var name: String
    public var relationship: String
    /// family, friends, community or professionals.
    public var group: String
    public var circle: Int
    public var inSafetyNetwork: Bool
    public var informedOfWorries: Bool
    /// False for someone who keeps their place on the case's map without being drawn in this
    /// document (their name and relationship are left empty).
    public var shown: Bool = true
}

extension NetworkPerson {
    /// A person on a line of a map's key or list, "name (relationship)": each part an isolate,
    /// so a name mixing scripts, or an English relationship on an Arabic page, keeps its
    /// brackets and its place in the line.
    public static func line(name: String, relationship: String) -> String {
        relationship.isEmpty ? Bidi.isolate(name) : "\(Bidi.isolate(name)) (\(Bidi.isolate(relationship)))"
    }

    /// The order a map's people are said in words, within a circle: family, friends, community,
    /// then workers, each group in the case's order (the order of `people`).
    public static func inReadingOrder<Entry>(_ people: [Entry], group: (Entry) -> String) -> [Entry] {
        let order = ["family", "friends", "community", "professionals"]
        return people.enumerated()
            .sorted { (order.firstIndex(of: group($0.element)) ?? order.count, $0.offset) < (order.firstIndex(of: group($1.element)) ?? order.count, $1.offset) }
            .map(\.element)
    }
}

public struct ScaleMark: Sendable, Equatable {
    public var value: Double
    public var label: String
}

public struct Signature: Sendable, Equatable {
    public var name: String
    public var role: String
}

/// A timeline: past events, a "today" line, then the steps still to come.
public struct TimelineDiagram: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The date in words ("about March 2025").
        public var date: String
        public var title: String
        public var detail: String?
        /// An event's kind (harm, worry, strength, safety, service, move, meeting, other) or a
        /// milestone's status (planned, done, missed).
        public var kind: String
        /// The date is not certain.
        public var approximate: Bool
        /// Said before the entry when a long quiet time comes before it ("14 months later").
        public var gapBefore: String?
    }

    public var events: [Entry]
    /// The line between past and future: "Today: Wednesday 8 April 2026".
    public var today: String
    public var journey: [Entry]
    /// Words for each kind and status, for the key.
    public var legend: [String: String]
}

/// A picture file (PNG, JPEG or SVG) and what it shows.
/// What a letter's first page carries above its words, each in its place on the paper.
public struct Letterhead: Sendable, Equatable {
    public var logo: PictureBlock?
    /// The council's name and return address, a line each.
    public var from: [String]
    /// The recipient's name and postal address, a line each: what the envelope's window shows.
    public var to: [String]
    public var date: String

    public init(logo: PictureBlock?, from: [String], to: [String], date: String) {
        self.logo = logo
        self.from = from
        self.to = to
        self.date = date
    }

    /// Where a DL envelope's window is, in millimetres from the paper's top left.
    public static let window = (left: 20.0, top: 45.0, width: 90.0, height: 35.0)
}

public struct PictureBlock: Sendable, Equatable {
    public var file: URL
    /// What the picture shows, for people who cannot see it.
    public var alternative: String
    /// Where the picture comes from in the case file, for errors ("wordsAndPictures[0].pages[2].picture").
    public var field: String
    /// The most of the page's height it may take, from 0 to 1.
    public var maximumHeight: Double
    /// Set at the line's start (a logo) rather than centred.
    public var atStart: Bool

    public init(file: URL, alternative: String, field: String, maximumHeight: Double, atStart: Bool = false) {
        self.file = file
        self.alternative = alternative
        self.field = field
        self.maximumHeight = maximumHeight
        self.atStart = atStart
    }
}

extension Block {
    /// The block as part `part` of a pack (or a bilingual document's English half): headings
    /// `shift` levels down (at most 3), ids and the links to them prefixed with the part's name,
    /// so two documents' ids cannot clash. Reaches every block inside it.
    func inPart(_ part: String, shift: Int) -> Block {
        BlockRewriter { block in
            let renamed: Block
            switch block {
            case .heading(let level, let id, let text): renamed = .heading(level: min(level + shift, 3), id: "\(part)-\(id)", text: text)
            case .section(let id, let blocks): renamed = .section(id: id.map { "\(part)-\($0)" }, blocks: blocks)
            default: renamed = block
            }
            return renamed.mappingText { text in
                text.map { run in
                    var run = run
                    if let link = run.link, link.hasPrefix("#") { run.link = "#\(part)-\(link.dropFirst())" }
                    return run
                }
            }
        }(self)
    }
}
