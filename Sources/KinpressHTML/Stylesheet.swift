import Foundation
import KinpressCompose

/// The HTML's one inline stylesheet: `Templates/html/style.css` filled in from the same theme
/// as the PDF (its colours, type sizes and, for print, its paper margins, running header and
/// footer) and the document's running title, marking and watermark.
struct Stylesheet {
    let theme: Theme
    let document: Document

    /// A name safe to use as a CSS class: letters, digits and hyphens.
    static func className(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }

    /// A CSS string literal. Every character but letters, digits and spaces is written as a
    /// hex escape, so no text can end the string, the rule or the `<style>` element.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) || scalar == " " {
                result.unicodeScalars.append(scalar)
            } else {
                result += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return result + "\""
    }

    private func em(_ points: Double) -> String {
        String(format: "%.3fem", points / theme.font.size)
    }

    private var fontFamilies: String {
        theme.font.family.split(separator: ",").map { Self.string($0.trimmingCharacters(in: .whitespaces)) }.joined(separator: ", ") + ", sans-serif"
    }

    /// "Page N of M" as CSS content: the words quoted, the numbers page counters.
    private var pageNumber: String {
        let label = document.pageLabel
            .components(separatedBy: "{pages}")
            .map { part in
                part.components(separatedBy: "{page}").map { $0.isEmpty ? "" : Self.string($0) }.joined(separator: " counter(page) ")
            }
            .joined(separator: " counter(pages) ")
            .trimmingCharacters(in: .whitespaces)
        return label.isEmpty ? "counter(page)" : label
    }

    /// The values `Templates/html/style.css` fills in. Numbers are written as the theme gives
    /// them; text from the document is a CSS string literal.
    private var values: [String: Any] {
        let margins = theme.margins
        var values: [String: Any] = [
            "colourVariables": theme.colours.sorted { $0.key < $1.key }.map { "--\(Self.className($0.key)): \($0.value);" }.joined(separator: " "),
            // One rule per callout kind the theme has colours for.
            "callouts": theme.colours.keys.sorted().filter { theme.colours[$0 + "Border"] != nil }.map(Self.className),
            "fontFamilies": fontFamilies,
            "bodySize": "\(theme.font.size)", "lineHeight": "\(theme.font.lineHeight)", "small": "\(theme.small)", "smallEm": em(theme.small),
            "h1": em(theme.headings.size(1)), "h2": em(theme.headings.size(2)), "h3": em(theme.headings.size(3)),
            "headingLineHeight": "\(theme.headings.lineHeight)",
            "topHeadingSpace": em(theme.spaceBeforeHeading(1)), "headingSpace": em(theme.spaceBeforeHeading(2)), "paragraphSpace": em(theme.spacing.paragraph),
            "lead": "\(theme.sizes.lead)", "note": "\(theme.sizes.note)", "key": "\(theme.sizes.key)", "keyLineHeight": "\(theme.sizes.keyLineHeight)",
            "story": "\(theme.sizes.story)", "storyMinimum": em(theme.sizes.storyMinimum), "storyLineHeight": "\(theme.sizes.storyLineHeight)",
            "landscape": theme.landscape == true,
            "marginTop": "\(margins.top)", "marginRight": "\(margins.right)", "marginBottom": "\(margins.bottom)", "marginLeft": "\(margins.left)",
            "runningTitle": Self.string(document.runningTitle), "pageNumber": pageNumber,
        ]
        if let marking = document.marking { values["marking"] = Self.string(marking) }
        // A faint word across the page (DRAFT), on screen and on every printed page.
        if let word = document.watermark { values["watermark"] = Self.string(word) }
        return values
    }

    var css: String {
        theme.stylesheet(values)
    }
}
