import KinpressCompose

/// Paper sizes, in points.
public enum Paper: String, CaseIterable, Sendable {
    case a4, letter

    var size: (width: Double, height: Double) {
        switch self {
        case .a4: return (595.276, 841.890)
        case .letter: return (612, 792)
        }
    }
}

/// A page's size and the box text goes in, in points from the top left.
public struct PageGeometry: Sendable {
    public var width: Double
    public var height: Double
    public var left: Double
    public var right: Double
    public var top: Double
    public var bottom: Double

    init(paper: Paper, theme: Theme) {
        let millimetre = 72 / 25.4
        (width, height) = paper.size
        if theme.landscape == true { (width, height) = (height, width) }
        left = theme.margins.left * millimetre
        right = width - theme.margins.right * millimetre
        top = theme.margins.top * millimetre
        bottom = height - theme.margins.bottom * millimetre
    }

    public var contentWidth: Double { right - left }
}

/// A colour's red, green and blue from 0 to 1.
public struct Colour: Sendable, Equatable {
    public var red, green, blue: Double

    /// The page: white in every theme, as the HTML page is.
    static let paper = Colour(red: 1, green: 1, blue: 1)

    private init(red: Double, green: Double, blue: Double) {
        (self.red, self.green, self.blue) = (red, green, blue)
    }

    init(_ theme: Theme, _ name: String) {
        (red, green, blue) = theme.colour(name)
    }
}
