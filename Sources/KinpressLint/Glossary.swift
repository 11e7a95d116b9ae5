import Foundation
import Yams

/// Children's-services words and the plain words to use instead, from
/// `Templates/glossary/<language>.yaml`, which a council can edit.
public struct Glossary: Sendable {
    public struct Term: Sendable, Decodable, Equatable {
        public enum Kind: String, Sendable, Decodable {
            /// ICPC, CIN, LAC: families cannot decode them.
            case abbreviation
            /// Words only workers use: "threshold", "placement".
            case jargon
            /// A label instead of what happened: "neglect", "domestic violence".
            case label
            /// Professional phrasing: "concerns were raised", "failed to engage".
            case phrase
        }

        public var term: String
        public var also: [String]?
        public var caseSensitive: Bool?
        public var kind: Kind
        /// What to write for a parent.
        public var parent: String
        /// What to write for a child, where different.
        public var child: String?
    }

    /// Where a term was found in a text.
    public struct Match: Sendable, Equatable {
        public var term: Term
        /// The words as written in the text.
        public var found: String
        /// Offset of the match in the text, in characters.
        public var offset: Int
    }

    public let terms: [Term]
    /// Every spelling of every term, by its first character (folded): matching looks only at
    /// the spellings that can start where a word starts.
    private let spellings: [String: [Spelling]]

    /// One spelling as matching compares it: its words, one string per character, folded
    /// unless the term is case-sensitive.
    private struct Spelling: Sendable {
        var words: [[String]]
        var caseSensitive: Bool
        var term: Int
    }

    public init(terms: [Term]) {
        self.terms = terms
        var spellings: [String: [Spelling]] = [:]
        for (index, term) in terms.enumerated() {
            let caseSensitive = term.caseSensitive == true
            for spelling in [term.term] + (term.also ?? []) {
                // Spaces in a phrase match any white space.
                let words = spelling.split(whereSeparator: \.isWhitespace).map { word in
                    word.map { caseSensitive ? String($0) : Self.fold($0) }
                }
                guard let first = words.first?.first else { continue }
                spellings[caseSensitive ? first.lowercased() : first, default: []].append(Spelling(words: words, caseSensitive: caseSensitive, term: index))
            }
        }
        self.spellings = spellings
    }

    private static func fold(_ character: Character) -> String { String(character).lowercased() }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// Loads `Templates/glossary/<language>.yaml`; a missing file is an empty glossary.
    public init(folder: URL, language: String) throws(LintError) {
        let file = folder.appendingPathComponent("glossary/\(language).yaml")
        guard FileManager.default.fileExists(atPath: file.path) else {
            self.init(terms: [])
            return
        }
        struct File: Decodable { var terms: [Term] }
        do {
            let text = try String(contentsOf: file, encoding: .utf8)
            self.init(terms: try YAMLDecoder().decode(File.self, from: text).terms)
        } catch {
            throw LintError(message: "\(folder.lastPathComponent)/glossary/\(language).yaml cannot be read: \(error)")
        }
    }

    /// Every term in a text, in the order they appear, as whole words; where spellings overlap,
    /// the longest wins.
    public func matches(in text: String) -> [Match] {
        let characters = Array(text)
        let folded = characters.map(Self.fold)
        var result: [Match] = []
        var start = 0
        while start < characters.count {
            let atWordStart = start == 0 || !Self.isWordCharacter(characters[start - 1])
            var best: (end: Int, term: Int)?
            if atWordStart, let candidates = spellings[folded[start]] {
                for spelling in candidates {
                    if let end = end(of: spelling, at: start, in: characters, folded: folded), end > (best?.end ?? start) {
                        best = (end, spelling.term)
                    }
                }
            }
            if let best {
                result.append(Match(term: terms[best.term], found: String(characters[start..<best.end]), offset: start))
                start = best.end
            } else {
                start += 1
            }
        }
        return result
    }

    /// Where `spelling` ends if it is written at `start` as whole words, or nil.
    private func end(of spelling: Spelling, at start: Int, in characters: [Character], folded: [String]) -> Int? {
        var position = start
        for (number, word) in spelling.words.enumerated() {
            if number > 0 {
                let gap = position
                while position < characters.count, characters[position].isWhitespace { position += 1 }
                guard position > gap else { return nil }
            }
            for expected in word {
                guard position < characters.count else { return nil }
                let found = spelling.caseSensitive ? String(characters[position]) : folded[position]
                guard found == expected else { return nil }
                position += 1
            }
        }
        guard position == characters.count || !Self.isWordCharacter(characters[position]) else { return nil }
        return position
    }
}

public struct LintError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "error: \(message)" }
}
