import Foundation
import KinpressCompose
import KinpressLayout

/// Draws a diagram's scene as inline SVG: the same geometry the PDF draws, with real `<text>`
/// a reader can select, search and translate.
struct SceneSVG {
    let tree: HTMLTree
    let theme: Theme
    /// The page reads right to left: a line of text starts at its box's right edge.
    var rightToLeft = false

    /// The ascent of Noto Sans as a share of its line height (1.069 of 1.362 em): where the
    /// baseline of a line of scene text falls.
    private static let ascent = 0.785

    func draw(_ scene: Scene, title: String, description: String, id: String, in parent: HTMLTree.Node) {
        let scale = HTMLWriter.pixelsPerPoint
        let svg = tree.element("svg", [
            "viewBox": "0 0 \(number(scene.width)) \(number(scene.height))",
            "width": number(scene.width * scale), "height": number(scene.height * scale),
            "role": "img", "aria-labelledby": "\(id)-title", "aria-describedby": "\(id)-description",
        ], in: parent)
        tree.element("title", ["id": "\(id)-title"], text: title, in: svg)
        tree.element("desc", ["id": "\(id)-description"], text: description, in: svg)
        for item in scene.items {
            switch item {
            case .ring(let centre, let radius, let colour, let width):
                tree.element("circle", ["cx": number(centre.x), "cy": number(centre.y), "r": number(radius), "fill": "none",
                                        "stroke": self.colour(colour), "stroke-width": number(width)], in: svg)
            case .disc(let centre, let radius, let colour):
                tree.element("circle", ["cx": number(centre.x), "cy": number(centre.y), "r": number(radius), "fill": self.colour(colour)], in: svg)
            case .marker(let shape, let centre, let size, let colour, let outlined):
                shapeElement(shape, centre: centre, size: size, colour: self.colour(colour), filled: !outlined, in: svg)
            case .line(let from, let to, let colour, let width):
                tree.element("line", ["x1": number(from.x), "y1": number(from.y), "x2": number(to.x), "y2": number(to.y),
                                      "stroke": self.colour(colour), "stroke-width": number(width)], in: svg)
            case .polygon(let points, let fill, let stroke, let width):
                tree.element("polygon", ["points": points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " "),
                                         "fill": fill.map(self.colour) ?? "none", "stroke": stroke.map(self.colour), "stroke-width": stroke == nil ? nil : number(width),
                                         "stroke-linejoin": stroke == nil ? nil : "round"], in: svg)
            case .backdrop(let box):
                tree.element("rect", ["x": number(box.x), "y": number(box.y), "width": number(box.width), "height": number(box.height), "fill": "#ffffff"], in: svg)
            case .text(let lines, let box, let size, let bold, let colour, let align):
                // Start and end as the page reads: a right-to-left line starts at the box's right.
                let anchor: String? = align == .centre ? "middle" : align == .end ? "end" : nil
                let x = align == .centre ? (box.x + box.maxX) / 2 : (align == .end) != rightToLeft ? box.maxX : box.x
                let text = tree.element("text", ["font-size": number(size), "font-weight": bold ? "bold" : nil, "fill": self.colour(colour),
                                                 "text-anchor": anchor], in: svg)
                let advance = box.height / Double(max(lines.count, 1))
                for (index, line) in lines.enumerated() {
                    tree.element("tspan", ["x": number(x), "y": number(box.y + Double(index) * advance + advance * Self.ascent)], text: line, in: text)
                }
            }
        }
    }

    /// A timeline entry's marker, as in the PDF: decoration, since the kind is also in words.
    func marker(_ kind: String, approximate: Bool, in parent: HTMLTree.Node) {
        let (shape, filled) = MarkerShape.timeline(kind)
        let svg = tree.element("svg", ["class": "marker", "viewBox": "0 0 14 14", "width": "14", "height": "14",
                                       "aria-hidden": "true", "focusable": "false"], in: parent)
        shapeElement(shape, centre: Point(7, 7), size: 11, colour: colour("timeline-\(kind)"), filled: filled && !approximate, in: svg)
    }

    private func shapeElement(_ shape: MarkerShape, centre: Point, size: Double, colour: String, filled: Bool, in svg: HTMLTree.Node) {
        let paint: KeyValuePairs<String, String?> = filled ? ["fill": colour] : ["fill": "none", "stroke": colour, "stroke-width": "1.5"]
        let node: HTMLTree.Node
        if let corners = shape.corners(centre: centre, size: size) {
            node = tree.element("polygon", ["points": corners.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")], in: svg)
        } else {
            node = tree.element("circle", ["cx": number(centre.x), "cy": number(centre.y), "r": number(size / 2)], in: svg)
        }
        for case let (key, value?) in paint { tree.setAttribute(key, value, on: node) }
    }

    private func colour(_ name: String) -> String {
        theme.colours[name] ?? theme.colours["text"] ?? "#000000"
    }

    /// Coordinates to two decimals: enough for any screen, and the same text every time.
    private func number(_ value: Double) -> String {
        String(format: "%.2f", value).replacingOccurrences(of: ".00", with: "")
    }
}
