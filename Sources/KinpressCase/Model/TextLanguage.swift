/// A rough guess at whether a case text is written in English, for a family whose language is
/// another: case-management systems rarely say what language a text is in, and workers often
/// write in English for a family that reads Polish or Arabic.
public enum TextLanguage {
    /// Whether `text` is plainly English: Latin letters, and at least a fifth of its words among
    /// English's commonest little words. Short texts and names are never judged English.
    public static func looksEnglish(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter && $0 != "'" && $0 != "’" }
        guard words.count >= 4, !hasArabicLetters(text) else { return false }
        let common = words.filter { englishFunctionWords.contains(String($0)) }.count
        return common * 5 >= words.count
    }

    /// Whether `text` holds Arabic-script letters (Arabic, Urdu, Persian, Pashto …).
    public static func hasArabicLetters(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return true
            default: return false
            }
        }
    }

    /// Languages written in Arabic letters (those Kinpress has catalogues in, and their neighbours).
    static let arabicScriptLanguages: Set<String> = ["ar", "ur", "fa", "ps", "ckb", "sd"]

    /// Whether a text could be in `language`: a language written in Arabic letters needs some,
    /// and no language but English is written in plain English sentences.
    public static func couldBe(_ text: String, in language: String) -> Bool {
        let primary = String(language.lowercased().prefix { $0 != "-" })
        if primary == "en" { return true }
        if arabicScriptLanguages.contains(primary) { return hasArabicLetters(text) || !text.contains(where: \.isLetter) }
        return !looksEnglish(text)
    }

    private static let englishFunctionWords: Set<String> = [
        "the", "and", "to", "of", "is", "are", "was", "were", "will", "with", "for", "that", "this", "she", "he",
        "they", "her", "his", "their", "has", "have", "had", "not", "be", "been", "when", "what", "who", "at",
        "on", "in", "it", "we", "you", "our", "your", "would", "could", "should", "can", "does", "do", "did",
        "from", "about", "if", "so", "but", "by", "an", "a", "or", "there", "him", "them", "us", "my", "me",
    ]
}
