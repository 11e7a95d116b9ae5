import CLibXML2
import Foundation
import KinpressSupport
import Testing
import Kinpress
import KinpressAudience
import KinpressCase
import KinpressCompose

/// An HTML file as a browser would read it (libxml2's HTML parser), to look inside.
struct HTMLPage {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// All the text inside it.
        var text: String
    }

    var elements: [Element] = []
    /// The text a reader sees, in order (not the contents of `style`).
    var text = ""

    init(_ bytes: [UInt8]) throws {
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                htmlReadMemory($0, Int32(bytes.count), "page.html", "UTF-8", options)
            }
        }) else { throw Failed(message: "the HTML does not parse") }
        defer { xmlFreeDoc(document) }
        var visited: [Element] = []
        var seen = ""
        func visit(_ node: xmlNodePtr?) {
            var node = node
            while let current = node {
                if current.pointee.type == XML_ELEMENT_NODE {
                    var attributes: [String: String] = [:]
                    var attribute = current.pointee.properties
                    while let property = attribute {
                        let name = String(cString: property.pointee.name)
                        if let value = xmlNodeGetContent(UnsafeMutableRawPointer(property).assumingMemoryBound(to: xmlNode.self)) {
                            attributes[name] = String(cString: value)
                            kinpress_xml_free(value)
                        }
                        attribute = property.pointee.next
                    }
                    let content = xmlNodeGetContent(current)
                    let name = String(cString: current.pointee.name)
                    visited.append(Element(name: name, attributes: attributes, text: content.map { String(cString: $0) } ?? ""))
                    if let content { kinpress_xml_free(content) }
                    if name != "style" && name != "title" { visit(current.pointee.children) }
                } else if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                    seen += String(cString: content)
                }
                node = current.pointee.next
            }
        }
        visit(xmlDocGetRootElement(document))
        elements = visited
        text = seen
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
}

@Suite("HTML documents")
struct HTMLTests {
    /// Each document the case can give, for each of its readers.
    static func combinations(for found: Case) -> [(DocumentKind, Audience)] {
        DocumentKind.all(for: found).flatMap { kind in Repository.readers(of: kind).map { (kind, $0) } }
    }

    @Test("every sample, document and reader: one self-contained, well-formed page", arguments: Repository.sampleFiles())
    func selfContained(_ url: URL) throws {
        let found = try readSample(url)
        for (kind, audience) in Self.combinations(for: found) {
            let name = "\(url.lastPathComponent) \(kind.rawValue) for \(audience)"
            let bytes = try kinpress.html(kind, of: found, options: .init(audience: audience))
            #expect(try kinpress.html(kind, of: found, options: .init(audience: audience)) == bytes, "\(name): the same bytes twice")
            let page = try HTMLPage(bytes)
            let document = try kinpress.document(kind, of: found, for: audience)
            #expect(page.all("html").first?.attributes["lang"] == document.language, "\(name): lang")
            let policy = page.all("meta").first { $0.attributes["http-equiv"] == "Content-Security-Policy" }?.attributes["content"] ?? ""
            #expect(policy.hasPrefix("default-src 'none'"), "\(name): a policy that forbids fetching")
            #expect(page.all("main").count == 1 && page.all("main").first?.attributes["id"] == "main", "\(name): one main")
            #expect(page.all("a").first?.attributes["href"] == "#main", "\(name): the skip link comes first")
            for active in ["script", "iframe", "object", "embed", "link", "base", "form"] {
                #expect(page.all(active).isEmpty, "\(name): no \(active)")
            }
            let ids = Set(page.elements.compactMap { $0.attributes["id"] })
            for element in page.elements {
                #expect(!element.attributes.keys.contains { $0.hasPrefix("on") }, "\(name): no event handlers")
                if let source = element.attributes["src"] { #expect(source.hasPrefix("data:image/"), "\(name): \(element.name) inside the file") }
                if let target = element.attributes["href"] {
                    #expect(target.hasPrefix("#") && ids.contains(String(target.dropFirst())), "\(name): the link \(target) goes to a part of the page")
                }
            }
            #expect(page.all("img").allSatisfy { $0.attributes["alt"] != nil }, "\(name): every picture has alternative text")
            #expect(page.all("th").allSatisfy { ["col", "row"].contains($0.attributes["scope"]) }, "\(name): header cells have a scope")
            if kind == .assessment && audience == .professional {
                // The scaling questions' labels ("0 means") head their rows, as in the PDF.
                #expect(page.all("th").contains { $0.attributes["scope"] == "row" }, "\(name): a label heads its row")
            }
            for svg in page.all("svg") where svg.attributes["aria-hidden"] == nil {
                #expect(svg.attributes["role"] == "img", "\(name): a diagram is an image to assistive technology")
                let labelled = svg.attributes["aria-labelledby"].flatMap { id in page.elements.first { $0.attributes["id"] == id } }
                let described = svg.attributes["aria-describedby"].flatMap { id in page.elements.first { $0.attributes["id"] == id } }
                #expect(labelled?.name == "title" && !(labelled?.text.isEmpty ?? true), "\(name): a diagram has a title")
                #expect(described?.name == "desc" && !(described?.text.isEmpty ?? true), "\(name): a diagram has a description")
            }
            // Every heading of the model is on the page, in order.
            let headings = page.elements.filter { ["h1", "h2", "h3"].contains($0.name) }.map(\.text)
            // Each filled-in value is a <bdi> on the page; the model's titles carry isolate marks.
            #expect(headings == Document.headings(in: document.blocks).map { Bidi.withoutIsolates($0.title) }, "\(name): headings")
        }
    }

    @Test("diagrams are SVG drawn from the same scene as the PDF, with their words as text")
    func diagrams() throws {
        let found = try readSample(Repository.root.appendingPathComponent("SampleCases/hughes/hughes.yaml"))
        let page = try HTMLPage(try kinpress.html(.networkMap, of: found, options: .init()))
        #expect(page.all("svg").contains { $0.attributes["role"] == "img" })
        // Everyone the family may see is drawn as text on the map, or named in the line under it.
        let drawn = page.all("tspan").map(\.text).joined(separator: " ")
        let under = page.all("p").filter { $0.attributes["class"] == "note" }.map(\.text).joined()
        for person in found.file.people where person.visibility == .all {
            #expect(drawn.contains(person.name) || under.contains(person.name), "\(person.name) is on the map")
        }
        #expect(page.all("circle").count >= 4, "the rings and the centre are drawn")
        #expect(page.all("tspan").count > 10, "the names are real text")
    }

    /// Markup, template tags, entities and bidi controls in every text field of a case.
    static let payloads = [
        #"<script>window.hacked=1</script>"#, #""><img src=x onerror=alert(1)>"#, "{{strings.document.skip}}", "&amp; &lt;b&gt;",
        "\u{202E}reversed\u{202C}", "</style><style>body{display:none}</style>", "javascript:alert(1)",
    ]

    @Test("case text is text: markup, template tags, entities and bidi controls in every field show as written and run nothing")
    func escaping() throws {
        let (found, payload) = try Self.hostileCase()
        var shown = 0
        for (kind, audience) in Self.combinations(for: found) {
            let page = try HTMLPage(try kinpress.html(kind, of: found, options: .init(audience: audience)))
            #expect(page.all("script").isEmpty && page.all("img").allSatisfy { $0.attributes["src"]?.hasPrefix("data:") == true })
            #expect(page.elements.allSatisfy { element in !element.attributes.keys.contains { $0.hasPrefix("on") } })
            #expect(page.all("style").count == 1, "the case's </style> stays text")
            shown += page.text.components(separatedBy: payload).count - 1
        }
        #expect(shown > 100, "the hostile text is shown, as written, in many places (\(shown))")
    }

    /// A generated case (every kind of field filled in) with `payloads` in each of its texts.
    static func hostileCase() throws -> (Case, String) {
        var generator = CaseGenerator(seed: 77)
        var json = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(generator.caseFile())) as? [String: Any])
        // Every reader gets a story (one with none is refused), for the first child, whom everyone sees.
        var children = try #require(json["children"] as? [[String: Any]])
        children[0]["visibility"] = "all"
        json["children"] = children
        json["wordsAndPictures"] = [["id": "hostile-story", "child": try #require(children[0]["id"]), "title": "t", "pages": [["text": "t", "heading": "h"]]]]
        let payload = payloads.joined(separator: " ")
        func replace(_ value: Any) -> Any {
            switch value {
            case let object as [String: Any]:
                var result: [String: Any] = [:]
                for (key, field) in object {
                    if field is String, GeneratedLeakTests.textFields.contains(key), key != "number" {
                        result[key] = payload
                    } else {
                        result[key] = replace(field)
                    }
                }
                return result
            case let array as [Any]: return array.map(replace)
            default: return value
            }
        }
        let data = try JSONSerialization.data(withJSONObject: replace(json))
        let reading = CaseReader.read(bytes: Array(data), displayName: "hostile.json", folder: nil)
        return (try #require(reading.case, "\(reading.errors.prefix(3))"), payload)
    }
}
