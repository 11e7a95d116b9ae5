import Foundation

/// The bytes of one case file and what is needed to read them: which syntax, and its limits.
struct SourceFile {
    enum Syntax { case json, yaml }

    /// The format allows 20 MB per file, pictures excluded.
    static let maximumBytes = 20 * 1024 * 1024

    var displayName: String
    var bytes: [UInt8]
    var syntax: Syntax

    struct Failure: Error {
        var location: SourceLocation?
        var path: FieldPath = .root
        var message: String
    }

    /// Picks the syntax from the file name, or from the first character when the name does not say.
    init(displayName: String, bytes: [UInt8]) {
        self.displayName = displayName
        self.bytes = bytes
        let lowered = displayName.lowercased()
        if lowered.hasSuffix(".json") {
            syntax = .json
        } else if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            syntax = .yaml
        } else {
            let first = bytes.first { !Self.isWhitespace($0) }
            syntax = first == UInt8(ascii: "{") ? .json : .yaml
        }
    }

    /// Checks size and encoding, then reads the tree.
    func read() throws(Failure) -> SourceNode {
        guard bytes.count <= Self.maximumBytes else {
            throw Failure(location: nil, message: "the file is \(bytes.count / 1_048_576) MB; a case file may be at most 20 MB (pictures are not counted). Move pictures out of the file into picture files")
        }
        var text = bytes
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
        if text.starts(with: [0xFF, 0xFE, 0, 0]) || text.starts(with: [0, 0, 0xFE, 0xFF]) {
            throw Failure(location: nil, message: "the file is saved as UTF-32. Save it as UTF-8")
        }
        if text.starts(with: [0xFF, 0xFE]) || text.starts(with: [0xFE, 0xFF]) {
            throw Failure(location: nil, message: "the file is saved as UTF-16. Save it as UTF-8")
        }
        // Without a byte-order mark, UTF-16 and UTF-32 show as text full of zero bytes.
        let zeros = text.prefix(4096).filter { $0 == 0 }.count
        if zeros > 0, zeros * 4 >= min(text.count, 4096) {
            throw Failure(location: nil, message: "the file is not UTF-8: it is probably saved as UTF-16 or UTF-32. Save it as UTF-8")
        }
        if let zero = text.firstIndex(of: 0) {
            throw Failure(location: Self.location(ofByte: zero, in: text), message: "the file holds a zero byte (NUL) here, a control character no text file should hold. Remove it, and save the file as UTF-8 text")
        }
        if text.allSatisfy(Self.isWhitespace) {
            throw Failure(location: nil, message: "the file is empty. A case file starts with format: 1")
        }
        if let bad = Self.firstInvalidUTF8(text) {
            throw Failure(location: Self.location(ofByte: bad, in: text), message: "the file is not UTF-8 text: the byte 0x\(String(text[bad], radix: 16, uppercase: true)) here is not UTF-8. Save the file as UTF-8")
        }
        if syntax == .json {
            try Self.checkStrictJSON(text)
            text = Self.yamlCompatibleJSON(text)
        }
        do {
            return try YAMLReader.read(text)
        } catch {
            throw Failure(location: error.location, path: error.path, message: error.message)
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                // The decoder consumed an ill-formed sequence; report its first byte.
                return offset
            }
        }
    }

    static func location(ofByte offset: Int, in bytes: [UInt8]) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(line: line, column: column)
    }

    /// YAML accepts some things JSON does not (comments, unquoted words, trailing commas), so a
    /// `.json` file is first read by a strict JSON parser.
    private static func checkStrictJSON(_ bytes: [UInt8]) throws(Failure) {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw Failure(location: jsonErrorLocation(detail, in: bytes), message: "this is not valid JSON: \(detail)")
        }
        // Foundation's parser lets a comma stand before a closing brace; JSON does not.
        if let comma = trailingComma(bytes) {
            throw Failure(location: location(ofByte: comma, in: bytes), message: "this is not valid JSON: a comma stands before } or ]. JSON does not allow a comma after the last item: remove it")
        }
    }

    /// The offset of a comma followed only by white space and `}` or `]`, outside strings.
    /// Runs on text the JSON parser has accepted, so strings are well formed.
    private static func trailingComma(_ bytes: [UInt8]) -> Int? {
        var inString = false, escaped = false
        var lastComma: Int?
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true; lastComma = nil
            case UInt8(ascii: ","): lastComma = offset
            case UInt8(ascii: "}"), UInt8(ascii: "]"): if let lastComma { return lastComma }
            default: if !isWhitespace(byte) { lastComma = nil }
            }
        }
        return nil
    }

    /// Foundation names the place as "line L, column C" or as a character offset.
    private static func jsonErrorLocation(_ detail: String, in bytes: [UInt8]) -> SourceLocation? {
        let numbers = detail.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if detail.contains("line"), numbers.count >= 2 {
            return SourceLocation(line: numbers[0], column: numbers[1])
        }
        if detail.contains("character"), let offset = numbers.last {
            return location(ofByte: min(offset, bytes.count), in: bytes)
        }
        return nil
    }

    /// Valid JSON that libyaml's reader does not take: tabs between tokens and `\uD83D\uDE00`
    /// surrogate-pair escapes. In valid JSON a tab byte can only be white space and a backslash
    /// only starts an escape, so both rewrites keep the meaning and the line numbers.
    private static func yamlCompatibleJSON(_ bytes: [UInt8]) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\t", with: " ")
        guard text.contains("\\u") else { return Array(text.utf8) }
        let pattern = #"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return Array(text.utf8) }
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let whole = Range(match.range, in: text),
                  let lead = Range(match.range(at: 1), in: text),
                  let high = Range(match.range(at: 2), in: text).flatMap({ UInt32(text[$0], radix: 16) }),
                  let low = Range(match.range(at: 3), in: text).flatMap({ UInt32(text[$0], radix: 16) }),
                  let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            else { continue }
            text.replaceSubrange(whole, with: String(text[lead]) + String(Character(scalar)))
        }
        return Array(text.utf8)
    }
}
