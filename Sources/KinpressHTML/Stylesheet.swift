import Foundation
import KinpressCompose

/// The HTML's one inline stylesheet, from the same theme as the PDF: its colours, type sizes
/// and, for print, its paper margins, running header and footer.
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

    private var colourVariables: String {
        theme.colours.sorted { $0.key < $1.key }
            .map { "--\(Self.className($0.key)): \($0.value);" }
            .joined(separator: " ")
    }

    /// One rule per callout kind the theme has colours for.
    private var calloutRules: String {
        theme.colours.keys.sorted().filter { theme.colours[$0 + "Border"] != nil }.map { kind in
            let name = Self.className(kind)
            return ".callout.\(name) { background: var(--\(name)); border-color: var(--\(name)Border); }"
        }.joined(separator: "\n")
    }

    /// The print header and footer, as the PDF has them: the running title and marking at the
    /// top, the marking and "Page N of M" at the bottom.
    private var pageBoxes: String {
        let label = document.pageLabel
            .components(separatedBy: "{pages}")
            .map { part in
                part.components(separatedBy: "{page}").map { $0.isEmpty ? "" : Self.string($0) }.joined(separator: " counter(page) ")
            }
            .joined(separator: " counter(pages) ")
            .trimmingCharacters(in: .whitespaces)
        let small = "font-family: \(fontFamilies); font-size: \(theme.small)pt; color: var(--muted);"
        var boxes = """
          @top-left { content: \(Self.string(document.runningTitle)); \(small) }
          @bottom-right { content: \(label.isEmpty ? "counter(page)" : label); \(small) }
        """
        if let marking = document.marking {
            let strong = "font-family: \(fontFamilies); font-size: \(theme.small)pt; font-weight: bold; color: var(--text);"
            boxes += """

              @top-right { content: \(Self.string(marking)); \(strong) }
              @bottom-left { content: \(Self.string(marking)); \(strong) }
            """
        }
        return boxes
    }

    /// A faint word across the page (DRAFT), on screen and on every printed page.
    private var watermark: String {
        guard let word = document.watermark else { return "" }
        return """
        body::after { content: \(Self.string(word)); position: fixed; top: 45%; left: 0; right: 0; text-align: center; z-index: 5;
          transform: rotate(-35deg); font-size: 6rem; font-weight: bold; color: var(--watermark, #d4d4d4); opacity: 0.6; pointer-events: none; }
        """
    }

    var css: String {
        let margins = theme.margins
        return """
        :root { \(colourVariables) }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; background: #ffffff; color: var(--text); font-family: \(fontFamilies);
          font-size: max(1rem, \(theme.font.size)pt); line-height: \(theme.font.lineHeight); overflow-wrap: break-word; }
        main p, main li, main td, main th { overflow-wrap: anywhere; }
        .skip { position: absolute; inset-inline-start: 0.5rem; top: -20rem; z-index: 10; padding: 0.5rem 1rem;
          background: #ffffff; color: var(--heading); border: 2px solid var(--heading); }
        .skip:focus { top: 0.5rem; }
        :focus-visible { outline: 3px solid var(--heading); outline-offset: 2px; }
        main:focus { outline: none; }
        header.running, footer.running { max-width: 48rem; margin: 0 auto; padding: 0.5rem 1rem; display: flex; flex-wrap: wrap;
          justify-content: space-between; gap: 0.25rem 1rem; font-size: \(em(theme.small)); color: var(--muted); }
        header.running { border-bottom: 1px solid var(--rule); }
        footer.running { border-top: 1px solid var(--rule); }
        header.running p, footer.running p { margin: 0; }
        .marking { font-weight: bold; color: var(--text); }
        main { display: block; max-width: 48rem; margin: 0 auto; padding: 0 1rem 2rem; }
        h1, h2, h3 { color: var(--heading); line-height: 1.15; margin: \(em(theme.spacing.heading * 1.4)) 0 0.4em; }
        h1 { font-size: \(em(theme.headings.h1)); }
        h2 { font-size: \(em(theme.headings.h2)); margin-top: \(em(theme.spacing.heading)); }
        h3 { font-size: \(em(theme.headings.h3)); margin-top: \(em(theme.spacing.heading)); }
        p { margin: 0 0 \(em(theme.spacing.paragraph)); }
        p.lead { font-size: 1.12em; }
        p.subtitle, p.note, p.small, p.label, figcaption { color: var(--muted); }
        p.note, figcaption { font-size: 0.92em; }
        p.small, p.label { font-size: \(em(theme.small)); }
        p.label { break-after: avoid; }
        p.story { font-size: max(1.4em, \(em(16))); line-height: max(\(theme.font.lineHeight), 1.5); }
        a { color: var(--heading); }
        ul, ol { margin: 0 0 \(em(theme.spacing.paragraph)); padding-inline-start: 1.5em; }
        li { margin: 0.25em 0; }
        li > p:last-child { margin-bottom: 0; }
        ul.icons { list-style: none; padding-inline-start: 0; }
        ul.icons > li { display: flex; gap: 0.6em; align-items: flex-start; }
        ul.icons > li > img { width: 2.2em; height: 2.2em; flex: none; }
        .table-wrap { margin: 0 0 1em; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; }
        th, td { text-align: start; vertical-align: top; padding: 0.35em 0.5em; border-bottom: 1px solid var(--rule); }
        thead th { background: var(--tableHeader, #eeeeee); }
        .callout { margin: 0 0 1em; padding: 0.8em 1em; border-inline-start: 4px solid var(--rule); border-radius: 2px; }
        .callout > :last-child { margin-bottom: 0; }
        .callout-title { font-weight: bold; }
        \(calloutRules)
        figure { margin: 1em 0 1.5em; }
        figure.diagram svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
        figure.diagram .diagram-text { display: none; }
        .network-key-lead { margin: 0.6em 0 0.2em; font-weight: bold; font-size: 0.87em; }
        .network-key { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(13em, 1fr));
          gap: 0.15em 1em; font-size: 0.87em; line-height: 1.25; }
        .network-key li { margin: 0; padding-inline-start: 2.2em; text-indent: -2.2em; }
        .network-key .number { display: inline-block; min-width: 2.2em; text-indent: 0; font-weight: bold; }
        figure.picture img { display: block; max-width: 100%; height: auto; max-height: 75vh; width: auto; margin: 0 auto; }
        .timeline-key { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; font-size: \(em(theme.small)); }
        .timeline-key li { display: flex; align-items: center; gap: 0.4em; margin: 0; }
        .timeline-events, .timeline-journey { list-style: none; margin: 0; margin-inline-start: 0.55rem; padding: 0; border-inline-start: 2px solid var(--rule); }
        .timeline-journey { border-inline-start-color: var(--timeline-planned, var(--rule)); }
        .timeline-events > li, .timeline-journey > li { margin: 0; padding-block: 0.2em 0.8em; padding-inline: 1.3em 0; }
        .timeline .entry { position: relative; }
        .timeline .entry .marker { position: absolute; inset-inline-start: calc(-1.3em - 8px); top: 1.25em; }
        .timeline .date { margin: 0; font-size: \(em(theme.small)); font-weight: bold; color: var(--muted); }
        .timeline .title { margin: 0; font-weight: bold; }
        .timeline .detail { margin: 0; }
        .timeline .gap { margin: 0 0 0.5em; font-size: \(em(theme.small)); font-style: italic; color: var(--muted); }
        .timeline .today { margin: 0.6em 0; padding-top: 0.3em; border-top: 3px solid var(--heading); color: var(--heading); font-weight: bold; }
        .signature { display: grid; grid-template-columns: 3fr 2fr; gap: 1.5em; margin-top: 2.5em; }
        .signature p { margin: 0; padding-top: 0.2em; border-top: 1px solid var(--text); }
        .sign-date { color: var(--muted); font-size: \(em(theme.small)); }
        .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
          clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        \(watermark)
        /* Nastaliq climbs and falls far beyond Latin letters: Urdu needs taller lines. */
        :lang(ur) { line-height: 2.3; }
        h1:lang(ur), h2:lang(ur), h3:lang(ur), .callout-title:lang(ur) { line-height: 1.9; }
        @media (max-width: 30em) {
          main { padding: 0 0.75rem 2rem; }
          header.running, footer.running { padding: 0.5rem 0.75rem; }
          figure.diagram svg, figure.diagram .network-key, figure.diagram .network-key-lead { display: none; }
          figure.diagram .diagram-text { display: block; }
          table, thead, tbody, tr, th, td { display: block; }
          thead tr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          tr { border-top: 2px solid var(--rule); padding: 0.3em 0; }
          td, tbody th { border: 0; padding: 0.15em 0; }
          td[data-label]::before, tbody th[data-label]::before { content: attr(data-label); display: block; font-size: \(em(theme.small)); font-weight: bold; color: var(--muted); }
          .signature { grid-template-columns: 1fr; gap: 1.8em; }
        }
        @page {
          size: A4\(theme.landscape == true ? " landscape" : "");
          margin: \(margins.top)mm \(margins.right)mm \(margins.bottom)mm \(margins.left)mm;
        \(pageBoxes)
        }
        @media print {
          body { font-size: \(theme.font.size)pt; }
          .skip, header.running, footer.running { display: none; }
          main { max-width: none; padding: 0; }
          h1, h2, h3 { break-after: avoid; }
          .callout, figure, tr, .signature, .timeline li { break-inside: avoid; }
          .page-break { break-before: page; }
          figure.diagram svg { display: block; }
          figure.diagram .network-key { display: grid; }
          figure.diagram .network-key-lead { display: block; }
          figure.diagram .diagram-text { display: none; }
        }
        """
    }
}
