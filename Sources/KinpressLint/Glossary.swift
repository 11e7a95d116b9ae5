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
    private let patterns: [(NSRegularExpression, Int)]

    public init(terms: [Term]) {
        self.terms = terms
        var patterns: [(NSRegularExpression, Int)] = []
        for (index, term) in terms.enumerated() {
            for spelling in [term.term] + (term.also ?? []) {
                // Whole words only; spaces in a phrase match any white space.
                let body = NSRegularExpression.escapedPattern(for: spelling).replacingOccurrences(of: "\\ ", with: "\\s+").replacingOccurrences(of: " ", with: "\\s+")
                let options: NSRegularExpression.Options = term.caseSensitive == true ? [] : [.caseInsensitive]
                if let expression = try? NSRegularExpression(pattern: "(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])", options: options) {
                    patterns.append((expression, index))
                }
            }
        }
        self.patterns = patterns
    }

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

    /// Every term in a text, in the order they appear; where spellings overlap, the longest wins.
    public func matches(in text: String) -> [Match] {
        let range = NSRange(text.startIndex..., in: text)
        var found: [(NSRange, Int)] = []
        for (expression, index) in patterns {
            for match in expression.matches(in: text, range: range) { found.append((match.range, index)) }
        }
        found.sort { ($0.0.location, -$0.0.length) < ($1.0.location, -$1.0.length) }
        var result: [Match] = []
        var end = 0
        for (match, index) in found where match.location >= end {
            guard let swiftRange = Range(match, in: text) else { continue }
            result.append(Match(term: terms[index], found: String(text[swiftRange]), offset: text.distance(from: text.startIndex, to: swiftRange.lowerBound)))
            end = match.location + match.length
        }
        return result
    }
}

public struct LintError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "error: \(message)" }
}
