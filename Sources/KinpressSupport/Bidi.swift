/// Bidirectional-text marks, shared by the stages that write them (Compose) and those that must
/// take them out again (a PDF's title and bookmarks, a terminal): one definition of each mark.
public enum Bidi {
    /// `text` as a first-strong isolate: it takes its own direction from its own letters and
    /// cannot reorder what is around it.
    public static func isolate(_ text: String) -> String {
        "\u{2068}\(text)\u{2069}"
    }

    /// `text` kept left to right (a left-to-right isolate), so that on a right-to-left page
    /// "07700 900326" does not come out as "900326 07700".
    public static func leftToRight(_ text: String) -> String {
        "\u{2066}\(text)\u{2069}"
    }

    /// `text` without isolate marks: for places that print them as boxes (a PDF viewer's title
    /// bar and bookmarks, a terminal).
    public static func withoutIsolates(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !(0x2066...0x2069).contains($0.value) }))
    }
}
