import Foundation

/// A colour written `#RRGGBB`, and how it reads against white (WCAG 2 relative luminance).
struct Colour: Sendable, Equatable {
    var red: Double
    var green: Double
    var blue: Double

    init?(hex: String) {
        guard hex.count == 7, hex.first == "#", let value = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        red = Double((value >> 16) & 0xFF) / 255
        green = Double((value >> 8) & 0xFF) / 255
        blue = Double(value & 0xFF) / 255
    }

    /// The contrast ratio of this colour on white: 1 (white) to 21 (black).
    var contrastOnWhite: Double {
        func linear(_ channel: Double) -> Double {
            channel <= 0.039_28 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
        return 1.05 / (luminance + 0.05)
    }
}
