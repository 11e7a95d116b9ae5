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

    /// A name as an isolate in the page's direction when it mixes right-to-left letters with
    /// left-to-right ones ("يوسف طارق الأمين (Yusuf Al-Amin)", "حسن Grace Obi"): taking its
    /// direction from its first letter would turn a name that starts in Arabic right to left on
    /// an English page, its parts read backwards and its brackets broken. A name in one script
    /// is returned as it is.
    public static func name(_ text: String, rightToLeft: Bool) -> String {
        var leftToRightLetters = false, rightToLeftLetters = false
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if isRightToLeftLetter(scalar) { rightToLeftLetters = true } else { leftToRightLetters = true }
            if leftToRightLetters && rightToLeftLetters { return "\(rightToLeft ? "\u{2067}" : "\u{2066}")\(text)\u{2069}" }
        }
        return text
    }

    /// Letters of the scripts written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko and
    /// their presentation forms.
    static func isRightToLeftLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
        default: return false
        }
    }

    /// `text` without isolate marks: for places that print them as boxes (a PDF viewer's title
    /// bar and bookmarks, a terminal).
    public static func withoutIsolates(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !(0x2066...0x2069).contains($0.value) }))
    }
}
