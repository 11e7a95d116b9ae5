import Foundation

/// How hard a text is to read, by the Flesch–Kincaid grade level turned into a UK reading age
/// (grade + 5).
///
/// Known limits: the formula counts only sentence length and syllables per word, so short
/// familiar words in a confusing order score well, and a text under about 30 words gives a
/// number too noisy to act on (Kinpress reports reading age only above that). Syllables are
/// counted by a rule of thumb for English (vowel groups, a silent final "e"), which is off by
/// one for some words; names count like any other word. It means nothing for other languages,
/// so Kinpress measures English text only.
public struct Readability: Sendable, Equatable {
    public var sentences: [String]
    public var words: Int
    public var syllables: Int
    /// The longest sentence's number of words.
    public var longestSentence: Int

    public init(_ text: String) {
        sentences = Self.sentences(in: text)
        let wordLists = sentences.map(Self.words)
        words = wordLists.reduce(0) { $0 + $1.count }
        syllables = wordLists.joined().reduce(0) { $0 + Self.syllables(in: $1) }
        longestSentence = wordLists.map(\.count).max() ?? 0
    }

    public var wordsPerSentence: Double { sentences.isEmpty ? 0 : Double(words) / Double(sentences.count) }
    public var syllablesPerWord: Double { words == 0 ? 0 : Double(syllables) / Double(words) }

    /// 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    public var gradeLevel: Double {
        0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
    }

    /// The age, in years, of a reader the text suits: the US grade plus five, never below 5.
    public var readingAge: Double { max(5, gradeLevel + 5) }

    private static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "pc", "st", "e.g", "i.e", "etc", "no"]

    /// Sentences end at ".", "!" or "?" followed by a space, and at line breaks; "Mr." and the
    /// like do not end one.
    public static func sentences(in text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character.isNewline {
                sentences.append(current)
                current = ""
                continue
            }
            current.append(character)
            guard ".!?".contains(character) else { continue }
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            guard next.isWhitespace || next == "\"" || next == "”" else { continue }
            let lastWord = current.dropLast().split(whereSeparator: { $0.isWhitespace }).last.map { $0.lowercased() } ?? ""
            if character == ".", abbreviations.contains(lastWord) { continue }
            sentences.append(current)
            current = ""
        }
        sentences.append(current)
        return sentences.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !words(in: $0).isEmpty }
    }

    /// Runs of letters, digits, apostrophes and hyphens that hold at least one letter or digit.
    public static func words(in sentence: String) -> [String] {
        sentence.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" || $0 == "-") }
            .map(String.init)
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
    }

    /// Vowel groups, less a silent final "e" ("make", but not "little"); at least one.
    public static func syllables(in word: String) -> Int {
        let letters = word.lowercased().filter(\.isLetter)
        guard !letters.isEmpty else { return 1 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousWasVowel = false
        for letter in letters {
            let isVowel = vowels.contains(letter)
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        let characters = Array(letters)
        if characters.count > 2, characters.last == "e", !vowels.contains(characters[characters.count - 2]),
           !(characters[characters.count - 2] == "l" && !vowels.contains(characters[characters.count - 3])) {
            count -= 1
        }
        // A final "-es" or "-ed" after a consonant is usually silent ("makes", "walked"), but
        // not after t, d, s, x, z, c or g ("wanted", "boxes").
        if letters.hasSuffix("es") || letters.hasSuffix("ed"), characters.count > 3, count > 1,
           !vowels.contains(characters[characters.count - 3]),
           !["t", "d", "s", "x", "z", "c", "g"].contains(characters[characters.count - 3]) {
            count -= 1
        }
        return max(1, count)
    }
}
