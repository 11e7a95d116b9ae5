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
    /// Text already measured: `box` is where it goes, `lines` its lines in order.
    case text(lines: [String], box: Box, size: Double, bold: Bool, colour: String)
}

/// Measures text as the renderer will set it, so that what is measured is what is drawn.
public protocol TextMeasuring {
    /// Width and height of the lines at `size` points, each broken to fit `maxWidth`.
    func measure(_ lines: [String], size: Double, bold: Bool, maxWidth: Double) -> (width: Double, height: Double)
}
