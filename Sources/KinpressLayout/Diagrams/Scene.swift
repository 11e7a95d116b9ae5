/// A diagram as plain geometry: shapes, lines and measured text, in points from its top left.
/// Diagram layouts produce scenes and know nothing of Cairo, Pango or SVG; the PDF renderer
/// and (later) the HTML writer each draw the same scene.
public struct Scene: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var items: [SceneItem]

    public init(width: Double, height: Double, items: [SceneItem] = []) {
        self.width = width
        self.height = height
        self.items = items
    }
}

public struct Point: Sendable, Equatable {
    public var x, y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    func distance(to other: Point) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }
}

public struct Box: Sendable, Equatable {
    public var x, y, width, height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    public func intersects(_ other: Box) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    public func contains(_ other: Box) -> Bool {
        other.x >= x - 0.001 && other.y >= y - 0.001 && other.maxX <= maxX + 0.001 && other.maxY <= maxY + 0.001
    }

    /// The box's corners, clockwise from the top left: a rectangle as a polygon.
    public var corners: [Point] { [Point(x, y), Point(maxX, y), Point(maxX, maxY), Point(x, maxY)] }

    func inset(by amount: Double) -> Box {
        Box(x: x - amount, y: y - amount, width: width + 2 * amount, height: height + 2 * amount)
    }
}

/// Marker shapes: each group of people has its own, so colour is never the only difference.
public enum MarkerShape: String, Sendable, Equatable, CaseIterable {
    case circle, square, diamond, triangle
}

public enum SceneItem: Sendable, Equatable {
    case ring(centre: Point, radius: Double, colour: String, width: Double)
    case disc(centre: Point, radius: Double, colour: String)
    case marker(shape: MarkerShape, centre: Point, size: Double, colour: String, outlined: Bool)
    case line(from: Point, to: Point, colour: String, width: Double)
    /// A closed shape through `points`: a house's walls, its roof, a zone's ground.
    case polygon(points: [Point], fill: String?, stroke: String?, width: Double)
    /// Text already measured: `box` is where it goes, `lines` its lines in order, each line set
    /// at the start, the middle or the end of the box (start and end as the page reads).
    case text(lines: [String], box: Box, size: Double, bold: Bool, colour: String, align: TextAlign = .start)
    /// The page's own white under a label, so that a ring passing behind it stops short of the
    /// words instead of running through them.
    case backdrop(box: Box)
}

/// Where each line of a scene's text sits in its box: a label left of its marker ends beside
/// it, one above or below is centred on it.
public enum TextAlign: Sendable, Equatable {
    case start, centre, end
}

/// Measures text as the renderer will set it, so that what is measured is what is drawn.
public protocol TextMeasuring {
    /// Width and height of the lines at `size` points, each broken to fit `maxWidth`.
    func measure(_ lines: [String], size: Double, bold: Bool, maxWidth: Double) -> (width: Double, height: Double)
}

extension SceneItem {
    /// The same item moved `dx` right and `dy` down.
    public func moved(by dx: Double, _ dy: Double) -> SceneItem {
        func move(_ point: Point) -> Point { Point(point.x + dx, point.y + dy) }
        switch self {
        case .ring(let centre, let radius, let colour, let width): return .ring(centre: move(centre), radius: radius, colour: colour, width: width)
        case .disc(let centre, let radius, let colour): return .disc(centre: move(centre), radius: radius, colour: colour)
        case .marker(let shape, let centre, let size, let colour, let outlined):
            return .marker(shape: shape, centre: move(centre), size: size, colour: colour, outlined: outlined)
        case .line(let from, let to, let colour, let width): return .line(from: move(from), to: move(to), colour: colour, width: width)
        case .polygon(let points, let fill, let stroke, let width): return .polygon(points: points.map(move), fill: fill, stroke: stroke, width: width)
        case .text(let lines, var box, let size, let bold, let colour, let align):
            box.x += dx
            box.y += dy
            return .text(lines: lines, box: box, size: size, bold: bold, colour: colour, align: align)
        case .backdrop(var box):
            box.x += dx
            box.y += dy
            return .backdrop(box: box)
        }
    }
}

extension SceneItem {
    /// The item mirrored left to right in a drawing `width` wide (text boxes move; text is not flipped).
    public func mirrored(_ width: Double) -> SceneItem {
        func flip(_ point: Point) -> Point { Point(width - point.x, point.y) }
        switch self {
        case .ring(let centre, let radius, let colour, let lineWidth): return .ring(centre: flip(centre), radius: radius, colour: colour, width: lineWidth)
        case .disc(let centre, let radius, let colour): return .disc(centre: flip(centre), radius: radius, colour: colour)
        case .marker(let shape, let centre, let size, let colour, let outlined):
            return .marker(shape: shape, centre: flip(centre), size: size, colour: colour, outlined: outlined)
        case .line(let from, let to, let colour, let lineWidth): return .line(from: flip(from), to: flip(to), colour: colour, width: lineWidth)
        case .polygon(let points, let fill, let stroke, let lineWidth): return .polygon(points: points.map(flip), fill: fill, stroke: stroke, width: lineWidth)
        case .text(let lines, var box, let size, let bold, let colour, let align):
            box.x = width - box.x - box.width
            return .text(lines: lines, box: box, size: size, bold: bold, colour: colour, align: align)
        case .backdrop(var box):
            box.x = width - box.x - box.width
            return .backdrop(box: box)
        }
    }
}

extension MarkerShape {
    /// The corners of the shape `size` across around `centre`, as drawn in every format; nil for
    /// a circle (radius `size / 2`).
    public func corners(centre: Point, size: Double) -> [Point]? {
        let (x, y, half) = (centre.x, centre.y, size / 2)
        switch self {
        case .circle: return nil
        case .square: return [Point(x - half * 0.9, y - half * 0.9), Point(x + half * 0.9, y - half * 0.9), Point(x + half * 0.9, y + half * 0.9), Point(x - half * 0.9, y + half * 0.9)]
        case .diamond: return [Point(x, y - half), Point(x + half, y), Point(x, y + half), Point(x - half, y)]
        case .triangle: return [Point(x, y - half), Point(x + half, y + half * 0.8), Point(x - half, y + half * 0.8)]
        }
    }

    /// Each kind of timeline event and each status of a step has its own shape, filled or open;
    /// the kind is also said in words on the entry, so nothing depends on colour or shape alone.
    public static func timeline(_ kind: String) -> (shape: MarkerShape, filled: Bool) {
        switch kind {
        case "harm": return (.triangle, true)
        case "worry": return (.diamond, true)
        case "strength": return (.circle, true)
        case "safety": return (.square, true)
        case "service": return (.square, false)
        case "move": return (.diamond, false)
        case "meeting": return (.circle, false)
        case "done": return (.circle, true)
        case "planned": return (.circle, false)
        case "missed": return (.square, false)
        default: return (.triangle, false)
        }
    }
}
