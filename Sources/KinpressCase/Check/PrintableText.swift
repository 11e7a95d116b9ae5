extension FormatChecker {
    /// A text as later stages may print it, made once here so no stage has to again: direction
    /// controls paired, and what XML 1.0 cannot hold (control characters are refused before
    /// this) replaced.
    static func printable(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        // Direction controls are kept only in pairs, each closed inside its own field, so a stray
        // closing mark cannot end the isolate Kinpress puts round a value and let an override
        // reorder the sentence around it.
        var closers: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x2066...0x2068:
                closers.append("\u{2069}")
                result.append(scalar)
            case 0x202A, 0x202B, 0x202D, 0x202E:
                closers.append("\u{202C}")
                result.append(scalar)
            case 0x2069:
                guard let isolate = closers.lastIndex(of: "\u{2069}") else { continue }
                result.append(contentsOf: closers[(isolate + 1)...].reversed())
                closers.removeSubrange(isolate...)
                result.append(scalar)
            case 0x202C:
                guard closers.last == "\u{202C}" else { continue }
                closers.removeLast()
                result.append(scalar)
            default:
                let value = scalar.value
                let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                result.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        result.append(contentsOf: closers.reversed())
        return String(result)
    }
}
