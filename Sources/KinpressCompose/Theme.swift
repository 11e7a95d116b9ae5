import Foundation
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
        public var h1, h2, h3: Double
    }

    public struct Spacing: Sendable, Decodable {
        /// Space after a paragraph, in points.
        public var paragraph: Double
        /// Space before a heading, in points.
        public var heading: Double
    }

    public var name: String = ""
    public var margins: Margins
    public var font: Font
    public var headings: Headings
    /// Size of small print (headers, footers, notes) in points.
    public var small: Double
    public var spacing: Spacing
    /// Named colours as `#rrggbb`: text, heading, muted, rule, and `<kind>`/`<kind>Border` for callouts.
    public var colours: [String: String]
    /// Pages wider than they are tall (storyboards).
    public var landscape: Bool?
    /// Show a list's pictogram beside each item instead of a bullet (easy read).
    public var listIcons: Bool?
    /// Headings deeper than this are set as this level (easy read keeps to two).
    public var headingLevels: Int?

    enum CodingKeys: String, CodingKey {
        case margins, font, headings, small, spacing, colours, landscape, listIcons, headingLevels
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

    /// A colour's red, green and blue, from 0 to 1; falls back to the text colour.
    public func colour(_ name: String) -> (red: Double, green: Double, blue: Double) {
        Self.rgb(colours[name] ?? "") ?? Self.rgb(colours["text"] ?? "") ?? (0, 0, 0)
    }

    static func rgb(_ text: String) -> (red: Double, green: Double, blue: Double)? {
        guard text.count == 7, text.hasPrefix("#"), let value = UInt32(text.dropFirst(), radix: 16) else { return nil }
        return (Double(value >> 16 & 0xFF) / 255, Double(value >> 8 & 0xFF) / 255, Double(value & 0xFF) / 255)
    }
}
