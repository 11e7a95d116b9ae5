import CLibXML2

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

    /// Text, escaped when written.
    func text(_ text: String, in parent: Node) {
        guard !text.isEmpty else { return }
        xmlAddChild(parent, xmlNewDocText(document, text))
    }

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
