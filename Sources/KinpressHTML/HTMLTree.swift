import CLibXML2
import KinpressCase

/// An HTML document built as a libxml2 tree and written by libxml2's HTML serialiser, which
/// escapes every text and attribute value as it writes: case text can only ever be text.
final class HTMLTree {
    typealias Node = xmlNodePtr

    private let document: xmlDocPtr

    init() {
        document = htmlNewDocNoDtD(nil, nil)
        xmlCreateIntSubset(document, "html", nil, nil)
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// A new element, the document's root when `parent` is nil. Attributes whose value is nil
    /// are left out.
    @discardableResult
    func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], in parent: Node?) -> Node {
        let node = xmlNewDocNode(document, nil, name, nil)!
        for case let (key, value?) in attributes {
            xmlNewProp(node, key, value)
        }
        if let parent {
            xmlAddChild(parent, node)
        } else {
            xmlDocSetRootElement(document, node)
        }
        return node
    }

    func setAttribute(_ key: String, _ value: String, on node: Node) {
        xmlSetProp(node, key, value)
    }

    /// Text, escaped when written. Each value Kinpress filled in as a bidi isolate becomes a
    /// `<bdi>` (with `dir` for one of fixed direction), so a browser orders it on its own; one that
    /// is plainly English on a page in another language also says so with `lang`. Elements that
    /// hold only text (`title`, and SVG's `desc` and `tspan`, where a `<bdi>` would hide the
    /// words) keep the isolate marks, which the browser's bidi algorithm reads.
    func text(_ text: String, in parent: Node) {
        guard !text.isEmpty else { return }
        let name = parent.pointee.name.map { String(cString: $0) } ?? ""
        guard !["title", "style", "desc", "tspan"].contains(name), text.unicodeScalars.contains(where: { (0x2066...0x2069).contains($0.value) }) else {
            xmlAddChild(parent, xmlNewDocText(document, text))
            return
        }
        var open: [Node] = [parent]
        var run = String.UnicodeScalarView()
        func flush() {
            guard !run.isEmpty else { return }
            xmlAddChild(open.last!, xmlNewDocText(document, String(run)))
            run = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x2066, 0x2067, 0x2068:
                flush()
                let direction: String? = scalar.value == 0x2066 ? "ltr" : scalar.value == 0x2067 ? "rtl" : nil
                open.append(element("bdi", ["dir": direction], in: open.last!))
            case 0x2069 where open.count > 1:
                flush()
                let closed = open.removeLast()
                if let language = pageLanguage, !language.hasPrefix("en"), let words = xmlNodeGetContent(closed) {
                    if TextLanguage.looksEnglish(String(cString: words)) { setAttribute("lang", "en", on: closed) }
                    kinpress_xml_free(words)
                }
            case 0x2069:
                continue
            default:
                run.append(scalar)
            }
        }
        flush()
    }

    /// The page's language, for marking case text in another.
    var pageLanguage: String?

    /// An element holding only `text`.
    @discardableResult
    func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String, in parent: Node) -> Node {
        let node = element(name, attributes, in: parent)
        self.text(text, in: node)
        return node
    }

    /// The document as UTF-8 HTML (letters as themselves, not character references).
    func serialized() -> [UInt8] {
        let buffer = xmlBufferCreate()!
        defer { xmlBufferFree(buffer) }
        let context = xmlSaveToBuffer(buffer, "UTF-8", Int32(XML_SAVE_AS_HTML.rawValue))
        xmlSaveDoc(context, document)
        xmlSaveClose(context)
        return Array(UnsafeBufferPointer(start: xmlBufferContent(buffer), count: Int(xmlBufferLength(buffer))))
    }
}
