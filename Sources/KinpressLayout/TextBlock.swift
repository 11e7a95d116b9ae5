import Foundation
import CPangoCairo
import KinpressCompose

/// Text shaped and broken into lines by Pango, at a fixed width. What is measured here is what
/// the renderer draws: it draws these same Pango lines.
public final class TextBlock {
    public struct Line: Sendable {
        /// Top of the line's box, from the top of the block, in points.
        public var top: Double
        public var height: Double
        /// Baseline, from the top of the block.
        public var baseline: Double
        /// Where the line starts, from the block's left edge (centred and right-aligned lines start further in).
        public var left: Double
        /// How wide the line's text is.
        public var width: Double
    }

    /// The `PangoLayout`.
    public let layout: OpaquePointer
    public let lines: [Line]
    public let colour: Colour
    /// The text, when some of its characters are in no installed font (they would print as boxes).
    public let missingGlyphs: String?
    /// The width the text was set in (lines are placed within it by their alignment).
    public let layoutWidth: Double

    init(runs: Inline, style: TextStyle, width: Double, context: OpaquePointer) {
        let layout = pango_layout_new(context)!
        var text = ""
        let attributes = pango_attr_list_new()
        for run in runs {
            let start = text.utf8.count
            text += run.text
            let end = text.utf8.count
            func add(_ attribute: UnsafeMutablePointer<PangoAttribute>?) {
                guard let attribute else { return }
                attribute.pointee.start_index = UInt32(start)
                attribute.pointee.end_index = UInt32(end)
                pango_attr_list_insert(attributes, attribute)
            }
            if run.bold { add(pango_attr_weight_new(PANGO_WEIGHT_BOLD)) }
            if run.italic { add(pango_attr_style_new(PANGO_STYLE_ITALIC)) }
            if run.link != nil { add(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE)) }
        }
        let description = pango_font_description_new()
        pango_font_description_set_family(description, style.family)
        pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        if style.singleLine { pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END) }
        pango_layout_set_line_spacing(layout, Float(style.lineHeight))
        // Start and end are the paragraph direction's: the right edge starts a right-to-left line.
        let rightToLeft = pango_context_get_base_dir(context) == PANGO_DIRECTION_RTL
        switch style.alignment {
        case .centre: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .start: pango_layout_set_alignment(layout, rightToLeft ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
        case .end: pango_layout_set_alignment(layout, rightToLeft ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT)
        }
        // The paragraph's direction is the document's, whatever strong letter comes first.
        pango_layout_set_auto_dir(layout, 0)
        pango_layout_set_text(layout, text, Int32(text.utf8.count))
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)

        var lines: [Line] = []
        if !text.isEmpty, let iterator = pango_layout_get_iter(layout) {
            repeat {
                var ink = PangoRectangle(), logical = PangoRectangle()
                pango_layout_iter_get_line_extents(iterator, &ink, &logical)
                let scale = Double(PANGO_SCALE)
                lines.append(Line(top: Double(logical.y) / scale, height: Double(logical.height) / scale,
                                  baseline: Double(pango_layout_iter_get_baseline(iterator)) / scale, left: Double(logical.x) / scale,
                                  width: Double(logical.width) / scale))
            } while pango_layout_iter_next_line(iterator) != 0
            pango_layout_iter_free(iterator)
        }
        self.layout = layout
        self.layoutWidth = width
        self.lines = lines
        missingGlyphs = pango_layout_get_unknown_glyphs_count(layout) > 0 ? text : nil
        self.colour = style.colour
    }

    deinit {
        kinpress_object_unref(UnsafeMutableRawPointer(layout))
    }

    /// Height of lines `range`, from the top of the first to the bottom of the last.
    public func height(of range: Range<Int>) -> Double {
        guard let first = range.first, let last = range.last, range.upperBound <= lines.count else { return 0 }
        return lines[last].top + lines[last].height - lines[first].top
    }

    public var height: Double { height(of: 0..<lines.count) }

    /// Each line's text, as Pango broke it.
    public var lineTexts: [String] {
        guard let text = pango_layout_get_text(layout) else { return [] }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text)))
        return (0..<pango_layout_get_line_count(layout)).compactMap { index in
            guard let line = pango_layout_get_line_readonly(layout, index) else { return nil }
            let start = Int(line.pointee.start_index), end = min(start + Int(line.pointee.length), bytes.count)
            return String(decoding: bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .newlines)
        }
    }

    /// The text's natural width (the widest line), in points.
    public var width: Double {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        return Double(logical.width) / Double(PANGO_SCALE)
    }
}

/// How one piece of text is set.
struct TextStyle {
    enum Alignment { case start, centre, end }

    var family: String
    var size: Double
    var bold = false
    var italic = false
    var lineHeight: Double
    var colour: Colour
    var alignment = Alignment.start
    /// Cut to one line with an ellipsis (running headers).
    var singleLine = false
}
