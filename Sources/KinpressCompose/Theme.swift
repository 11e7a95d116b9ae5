import Foundation
import Mustache
import Yams

/// Type, colours and page margins for documents, from `Templates/themes/<name>.yaml`, so a
/// council can restyle documents (or make large print) without rebuilding Kinpress.
public struct Theme: Sendable, Decodable {
    public struct Margins: Sendable, Decodable {
        /// In millimetres.
        public var top, bottom, left, right: Double
    }

    public struct Font: Sendable, Decodable {
        public var family: String
        /// Body text size in points.
        public var size: Double
        /// Line height as a multiple of the size.
        public var lineHeight: Double
    }

    public struct Headings: Sendable, Decodable {
        /// Sizes in points.
        public var h1, h2, h3: Double
        /// Line height as a multiple of the heading's size.
        public var lineHeight: Double

        /// The size of a heading at `level` (1 to 3).
        public func size(_ level: Int) -> Double {
            [h1, h2, h3][min(max(level, 1), 3) - 1]
        }
    }

    /// Sizes of other text, as multiples of the body size.
    public struct Sizes: Sendable, Decodable {
        /// A lead paragraph; a note or caption.
        public var lead, note: Double
        /// A numbered network map's key, and its line height.
        public var key, keyLineHeight: Double
        /// A child's storyboard text: `story` times the body size but at least `storyMinimum`
        /// points, its lines at least `storyLineHeight` apart.
        public var story, storyMinimum, storyLineHeight: Double
    }

    public struct Spacing: Sendable, Decodable {
        /// Space after a paragraph, in points.
        public var paragraph: Double
        /// Space before a heading, in points.
        public var heading: Double
        /// Space before a top-level heading, as a multiple of `heading`.
        public var topHeading: Double
    }

    public var name: String = ""
    public var margins: Margins
    public var font: Font
    public var headings: Headings
    /// Size of small print (headers, footers, notes) in points.
    public var small: Double
    public var sizes: Sizes
    public var spacing: Spacing
    /// Named colours as `#rrggbb`: text, heading, muted, rule, and `<kind>`/`<kind>Border` for callouts.
    public var colours: [String: String]
    /// Pages wider than they are tall (storyboards).
    public var landscape: Bool?
    /// Show a list's pictogram beside each item instead of a bullet (easy read).
    public var listIcons: Bool?
    /// Headings deeper than this are set as this level (easy read keeps to two).
    public var headingLevels: Int?
    /// The HTML stylesheet (`Templates/html/style.css`) this theme's values fill in; the
    /// `TemplateSet` that loads the theme sets it.
    var stylesheetTemplate: MustacheTemplate?

    enum CodingKeys: String, CodingKey {
        case margins, font, headings, small, sizes, spacing, colours, landscape, listIcons, headingLevels
    }

    init(name: String, yaml: String, file: String) throws(TemplateError) {
        do {
            self = try YAMLDecoder().decode(Theme.self, from: yaml)
        } catch {
            throw TemplateError(file: file, line: nil, message: "the theme cannot be read: \(error). See Templates/themes/default.yaml for every setting")
        }
        self.name = name
        for required in ["text", "heading", "muted", "rule"] where colours[required] == nil {
            throw TemplateError(file: file, line: nil, message: "the theme has no colour \"\(required)\"")
        }
        for (key, value) in colours where Self.rgb(value) == nil {
            throw TemplateError(file: file, line: nil, message: "the colour \(key): \"\(value)\" is not written as #rrggbb")
        }
    }

    /// The HTML stylesheet filled in with `values` (numbers and ready-quoted CSS text). The
    /// template is plain text, not HTML: nothing in it is escaped again.
    public func stylesheet(_ values: [String: Any]) -> String {
        (stylesheetTemplate?.render(values) ?? "").trimmingCharacters(in: .newlines)
    }

    /// A council's colour for headings and the running header's rule (`accent`), in place of the
    /// theme's own. A colour not written as `#rrggbb` is ignored (profiles are checked before).
    public mutating func accent(_ colour: String) {
        guard Self.rgb(colour) != nil else { return }
        colours["heading"] = colour
        colours["accent"] = colour
    }

    /// The level a heading is set at: easy read sets deeper headings as its deepest level.
    public func headingLevel(_ written: Int) -> Int {
        min(max(written, 1), headingLevels ?? 3, 3)
    }

    /// Space before a heading at `level`, in points.
    public func spaceBeforeHeading(_ level: Int) -> Double {
        spacing.heading * (level == 1 ? spacing.topHeading : 1)
    }

    /// A colour's red, green and blue, from 0 to 1; falls back to the text colour.
    public func colour(_ name: String) -> (red: Double, green: Double, blue: Double) {
        Self.rgb(colours[name] ?? "") ?? Self.rgb(colours["text"] ?? "") ?? (0, 0, 0)
    }

    static func rgb(_ text: String) -> (red: Double, green: Double, blue: Double)? {
        guard text.count == 7, text.hasPrefix("#"), let value = UInt32(text.dropFirst(), radix: 16) else { return nil }
        return (Double(value >> 16 & 0xFF) / 255, Double(value >> 8 & 0xFF) / 255, Double(value & 0xFF) / 255)
    }
}
