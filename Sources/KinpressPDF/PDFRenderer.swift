import CPDFFinish
import CPangoCairo
import CPictures
import Foundation
import KinpressLayout
import KinpressSupport

/// A problem writing a PDF. Rare: it means cairo or qpdf refused what Kinpress gave them.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "error: \(message)" }
}

/// What a PDF says about itself.
public struct PDFMetadata: Sendable {
    public var title: String
    public var author: String
    public var subject: String
    /// ISO 8601, "2026-03-02T00:00:00Z": from the case date, so the same case gives the same bytes.
    public var date: String

    public init(title: String, author: String, subject: String, date: String) {
        self.title = Bidi.withoutIsolates(title)
        self.author = Bidi.withoutIsolates(author)
        self.subject = Bidi.withoutIsolates(subject)
        self.date = date
    }

    /// The same as an XMP packet, with the language and the PDF/UA-1 claim: only what the
    /// document info says, so the same case gives the same bytes.
    public func xmp(language: String) -> String {
        """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about=""
            xmlns:dc="http://purl.org/dc/elements/1.1/"
            xmlns:xmp="http://ns.adobe.com/xap/1.0/"
            xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
           <dc:format>application/pdf</dc:format>
           <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(Self.escaped(title))</rdf:li></rdf:Alt></dc:title>
           <dc:creator><rdf:Seq><rdf:li>\(Self.escaped(author))</rdf:li></rdf:Seq></dc:creator>
           <dc:description><rdf:Alt><rdf:li xml:lang="x-default">\(Self.escaped(subject))</rdf:li></rdf:Alt></dc:description>
           <dc:language><rdf:Bag><rdf:li>\(Self.escaped(language))</rdf:li></rdf:Bag></dc:language>
           <xmp:CreatorTool>Kinpress</xmp:CreatorTool>
           <xmp:CreateDate>\(Self.escaped(date))</xmp:CreateDate>
           <xmp:ModifyDate>\(Self.escaped(date))</xmp:ModifyDate>
           <pdfuaid:part>1</pdfuaid:part>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="r"?>
        """
    }

    /// Text as XML character data: markup characters escaped, characters XML cannot hold dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// The render stage for PDF: draws laid-out pages with Cairo, as a tagged PDF with an outline,
/// then adds what cairo 1.16 cannot (language, alternative text, artifacts) with qpdf.
public enum PDFRenderer {
    /// Structure types whose text can run over a page break. When one does, its text goes in
    /// Span children, because cairo marks only the innermost tag's content and running headers
    /// are drawn inside whatever is still open when a page starts. (Only those that do: every
    /// Span is one more object to write, read back and finish.)
    static let spanned: Set<String> = ["P", "H1", "H2", "H3", "TD", "TH"]

    public static func render(_ laidOut: LaidOutDocument, metadata: PDFMetadata) throws(RenderError) -> [UInt8] {
        let output = Output()
        let geometry = laidOut.geometry
        let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Output>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(output).toOpaque(), geometry.width, geometry.height)!
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Kinpress")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata.date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, metadata.date)

        let cr = cairo_create(surface)!
        let crossing = crossingElements(laidOut.pages)
        var drawer = Drawer(cr: cr, crossing: crossing, holders: contentHolders(laidOut.pages, crossing: crossing))
        cairo_tag_begin(cr, "Document", "")
        for (index, page) in laidOut.pages.enumerated() {
            for item in page.items { drawer.draw(item) }
            guard index < laidOut.pages.count - 1 else { break }
            // What ends on this page ends before the page does: cairo would otherwise begin it
            // again, empty, on the next page (and draw that page's header inside it).
            if let first = laidOut.pages[index + 1].items.first(where: { !$0.isArtifact }) { drawer.close(to: first.structure) }
            cairo_show_page(cr)
        }
        drawer.close(to: [])
        cairo_tag_end(cr, "Document")
        addOutline(laidOut.outline, to: surface)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError(message: "cairo could not write the PDF: \(String(cString: cairo_status_to_string(status)))")
        }
        return try finish(output.bytes, language: laidOut.document.language, drawer: drawer, xmp: metadata.xmp(language: laidOut.document.language),
                          bodyStart: laidOut.bodyStart)
    }

    /// The ids of elements with content on more than one page.
    private static func crossingElements(_ pages: [LaidOutPage]) -> Set<Int> {
        var firstPage: [Int: Int] = [:]
        var crossing: Set<Int> = []
        for (index, page) in pages.enumerated() {
            for item in page.items where !item.isArtifact {
                guard let element = item.structure.last else { continue }
                if let first = firstPage[element.id] {
                    if first != index { crossing.insert(element.id) }
                } else {
                    firstPage[element.id] = index
                }
            }
        }
        return crossing
    }

    /// The ids of elements that hold content directly rather than in Span children. Cairo 1.16
    /// marks content only in a structure element that has no child elements at all, so no tag
    /// (not even an artifact's marker) may ever begin inside one of these.
    private static func contentHolders(_ pages: [LaidOutPage], crossing: Set<Int>) -> Set<Int> {
        var holders: Set<Int> = [], parents: Set<Int> = []
        for page in pages {
            for item in page.items where !item.isArtifact {
                guard let element = item.structure.last else { continue }
                parents.formUnion(item.structure.dropLast().map(\.id))
                if case .destination = item.mark { continue }
                if case .text = item.mark, spanned.contains(element.role), crossing.contains(element.id) { continue }
                holders.insert(element.id)
            }
        }
        // An element with both would lose its own content's marks (debug builds check).
        assert(holders.isDisjoint(with: parents), "a structure element holds content and has child elements")
        return holders
    }

    /// Bookmarks nested by heading level.
    private static func addOutline(_ outline: [OutlineEntry], to surface: OpaquePointer) {
        var parents: [Int: Int32] = [:]
        for entry in outline {
            let parent = (1..<entry.level).reversed().compactMap { parents[$0] }.first ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
            let flags = entry.level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0)
            let id = cairo_pdf_surface_add_outline(surface, parent, Bidi.withoutIsolates(entry.title), "dest='\(entry.destination)'", flags)
            parents[entry.level] = id
            for deeper in (entry.level + 1)...4 { parents[deeper] = nil }
        }
    }

    private static func finish(_ bytes: [UInt8], language: String, drawer: Drawer, xmp: String, bodyStart: Int) throws(RenderError) -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        var error: UnsafeMutablePointer<CChar>?
        let lists: [[UnsafePointer<CChar>?]] = [drawer.alternatives, drawer.partLanguages, drawer.scopes, drawer.links].map { $0.map { UnsafePointer(strdup($0)) } }
        let cLanguage = strdup(language), cXMP = strdup(xmp)
        defer {
            lists.joined().forEach { free(UnsafeMutablePointer(mutating: $0)) }
            free(cLanguage)
            free(cXMP)
        }
        let status = lists[0].withUnsafeBufferPointer { alternatives in
            lists[1].withUnsafeBufferPointer { parts in
                lists[2].withUnsafeBufferPointer { scopes in
                    lists[3].withUnsafeBufferPointer { links in
                        var input = kinpress_pdf_finish_input(
                            language: cLanguage, alternatives: alternatives.baseAddress, alternative_count: Int32(alternatives.count),
                            part_languages: parts.baseAddress, part_count: Int32(parts.count), scopes: scopes.baseAddress, scope_count: Int32(scopes.count),
                            link_descriptions: links.baseAddress, link_count: Int32(links.count), xmp: cXMP, body_start: Int32(bodyStart))
                        return bytes.withUnsafeBufferPointer { pdf in kinpress_pdf_finish(pdf.baseAddress, pdf.count, &input, &output, &length, &error) }
                    }
                }
            }
        }
        guard status == 0, let output else {
            let message = error.map { String(cString: $0) } ?? "unknown"
            free(error)
            throw RenderError(message: "the PDF could not be finished: \(message)")
        }
        defer { free(output) }
        return Array(UnsafeBufferPointer(start: output, count: length))
    }
}

private final class Output {
    var bytes: [UInt8] = []
}

/// Draws placed items, opening and closing structure tags so that each element of the document
/// is one tag, however many pages it covers.
private struct Drawer {
    let cr: OpaquePointer
    /// Elements whose content is on more than one page.
    let crossing: Set<Int>
    /// Elements that hold content directly: ended before an artifact is drawn, so its marker is
    /// never their child.
    let holders: Set<Int>
    var open: [StructureElement] = []
    /// Every element begun so far (checked in debug builds only).
    var begun: Set<Int> = []
    /// Figures' alternative texts, in the order their tags were begun.
    var alternatives: [String] = []
    /// The languages of Part elements (another language's half of a bilingual document), in order.
    var partLanguages: [String] = []
    /// What each TH element heads ("Column" or "Row"), in order.
    var scopes: [String] = []
    /// Each Link element's description (what it leads to), in order.
    var links: [String] = []

    init(cr: OpaquePointer, crossing: Set<Int>, holders: Set<Int>) {
        self.cr = cr
        self.crossing = crossing
        self.holders = holders
    }

    mutating func draw(_ item: PlacedItem) {
        if item.isArtifact {
            while let last = open.last, holders.contains(last.id) { end(open.removeLast()) }
            cairo_tag_begin(cr, "Private", "")
            paint(item.mark)
            cairo_tag_end(cr, "Private")
            return
        }
        close(to: item.structure)
        for element in item.structure.dropFirst(open.count) {
            // Begun twice would make two elements of one: a layout whose items leave and come back
            // to an element, or an artifact drawn between the contents of one.
            assert(begun.insert(element.id).inserted, "structure element \(element.role) #\(element.id) is begun twice")
            if let destination = element.link {
                cairo_tag_begin(cr, CAIRO_TAG_LINK, "dest='\(destination)'")
            } else {
                cairo_tag_begin(cr, element.role, "")
            }
            if element.role == "Figure" { alternatives.append(element.alternative ?? "") }
            if element.role == "Part" { partLanguages.append(element.language ?? "") }
            if element.role == "TH" { scopes.append(element.scope ?? "Column") }
            if let destination = element.link { links.append(Bidi.withoutIsolates(element.alternative ?? destination)) }
            open.append(element)
        }
        if case .destination(let name, let x, let y) = item.mark {
            cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(name)' x=\(x) y=\(y)")
            cairo_tag_end(cr, CAIRO_TAG_DEST)
            return
        }
        if case .text = item.mark, let last = open.last, PDFRenderer.spanned.contains(last.role), crossing.contains(last.id) {
            cairo_tag_begin(cr, "Span", "")
            paint(item.mark)
            cairo_tag_end(cr, "Span")
        } else {
            paint(item.mark)
        }
    }

    /// Ends open elements until the open ones are a prefix of `path`.
    mutating func close(to path: [StructureElement]) {
        var common = 0
        while common < open.count, common < path.count, open[common] == path[common] { common += 1 }
        while open.count > common { end(open.removeLast()) }
    }

    private func end(_ element: StructureElement) {
        cairo_tag_end(cr, element.link == nil ? element.role : CAIRO_TAG_LINK)
    }

    /// Turns the drawing so a photo's EXIF orientation (2–8) comes out upright in a box of the
    /// upright width and height.
    /// Fills and then outlines the current path, each when given, and clears it. The corners'
    /// join is set each time, so one shape's round corners never carry over to the next.
    private func paint(fill: Colour?, stroke: Colour?, lineWidth: Double, join: cairo_line_join_t) {
        if let fill {
            cairo_set_source_rgb(cr, fill.red, fill.green, fill.blue)
            if stroke == nil { cairo_fill(cr) } else { cairo_fill_preserve(cr) }
        }
        if let stroke {
            cairo_set_source_rgb(cr, stroke.red, stroke.green, stroke.blue)
            cairo_set_line_width(cr, lineWidth)
            cairo_set_line_join(cr, join)
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    static func orient(_ cr: OpaquePointer, _ orientation: Int, width: Double, height: Double) {
        switch orientation {
        case 2: cairo_translate(cr, width, 0); cairo_scale(cr, -1, 1)
        case 3: cairo_translate(cr, width, height); cairo_rotate(cr, .pi)
        case 4: cairo_translate(cr, 0, height); cairo_scale(cr, 1, -1)
        case 5: cairo_rotate(cr, .pi / 2); cairo_scale(cr, 1, -1)
        case 6: cairo_translate(cr, width, 0); cairo_rotate(cr, .pi / 2)
        case 7: cairo_translate(cr, width, height); cairo_rotate(cr, .pi / 2); cairo_scale(cr, -1, 1)
        case 8: cairo_translate(cr, 0, height); cairo_rotate(cr, -.pi / 2)
        default: break
        }
    }

    private func paint(_ mark: Mark) {
        switch mark {
        case .rotated(let block, let x, let y, let angle):
            cairo_save(cr)
            cairo_translate(cr, x, y)
            cairo_rotate(cr, angle)
            cairo_set_source_rgba(cr, block.colour.red, block.colour.green, block.colour.blue, 0.55)
            for (index, line) in block.lines.enumerated() {
                cairo_move_to(cr, -line.width / 2, line.baseline - block.height / 2)
                pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(block.layout, Int32(index)))
            }
            cairo_restore(cr)
        case .text(let block, let lines, let x, let y):
            guard let first = lines.first else { return }
            cairo_set_source_rgb(cr, block.colour.red, block.colour.green, block.colour.blue)
            for index in lines {
                let line = block.lines[index]
                cairo_move_to(cr, x + line.left, y + line.baseline - block.lines[first].top)
                pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(block.layout, Int32(index)))
            }
        case .rectangle(let x, let y, let width, let height, let fill, let stroke, let lineWidth):
            cairo_rectangle(cr, x, y, width, height)
            paint(fill: fill, stroke: stroke, lineWidth: lineWidth, join: CAIRO_LINE_JOIN_MITER)
        case .polygon(let points, let fill, let stroke, let lineWidth):
            cairo_new_path(cr)
            for point in points { cairo_line_to(cr, point.x, point.y) }
            cairo_close_path(cr)
            paint(fill: fill, stroke: stroke, lineWidth: lineWidth, join: CAIRO_LINE_JOIN_ROUND)
        case .line(let x1, let y1, let x2, let y2, let colour, let width):
            cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue)
            cairo_set_line_width(cr, width)
            cairo_move_to(cr, x1, y1)
            cairo_line_to(cr, x2, y2)
            cairo_stroke(cr)
        case .circle(let x, let y, let radius, let fill):
            cairo_set_source_rgb(cr, fill.red, fill.green, fill.blue)
            cairo_new_sub_path(cr)
            cairo_arc(cr, x, y, radius, 0, 2 * Double.pi)
            cairo_fill(cr)
        case .ring(let x, let y, let radius, let colour, let width):
            cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue)
            cairo_set_line_width(cr, width)
            cairo_new_sub_path(cr)
            cairo_arc(cr, x, y, radius, 0, 2 * Double.pi)
            cairo_stroke(cr)
        case .shape(let shape, let x, let y, let size, let colour, let filled):
            cairo_new_path(cr)
            if let corners = shape.corners(centre: Point(x, y), size: size) {
                for corner in corners { cairo_line_to(cr, corner.x, corner.y) }
                cairo_close_path(cr)
            } else {
                cairo_arc(cr, x, y, size / 2, 0, 2 * Double.pi)
            }
            cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue)
            if filled {
                cairo_fill(cr)
            } else {
                cairo_set_line_width(cr, 1.5)
                cairo_stroke(cr)
            }
        case .picture(let picture, let x, let y, let width, let height):
            cairo_save(cr)
            switch picture.content {
            case .vector(let handle):
                var viewport = RsvgRectangle(x: x, y: y, width: width, height: height)
                _ = rsvg_handle_render_document(handle, cr, &viewport, nil)
            case .raster(let surface, let orientation):
                cairo_translate(cr, x, y)
                cairo_scale(cr, width / picture.width, height / picture.height)
                Self.orient(cr, orientation, width: picture.width, height: picture.height)
                cairo_set_source_surface(cr, surface, 0, 0)
                cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
                cairo_paint(cr)
            }
            cairo_restore(cr)
        case .destination, .pageNumber:
            break
        }
    }
}
