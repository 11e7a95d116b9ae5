import Crypto
import Foundation

/// The callers allowed in: each a name (which logs and metrics may say) and the SHA-256 of its
/// token (so the file never holds a token itself). Read from lines `NAME SHA256-OF-TOKEN`;
/// blank lines and lines starting with `#` are skipped.
struct Tokens: Sendable {
    struct Entry: Sendable {
        var name: String
        var digest: [UInt8]
    }

    let entries: [Entry]

    init(file: URL) throws(ServiceError) {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ServiceError("\(file.path): cannot read the tokens file. Check the path and that the service may read it")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), file: file.path)
    }

    init(text: String, file: String) throws(ServiceError) {
        var entries: [Entry] = []
        // Split on any line end: in Swift "\r\n" is one character, so a file written on Windows works too.
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let fields = trimmed.split(whereSeparator: \.isWhitespace)
            let place = "\(file):\(index + 1)"
            guard fields.count == 2 else {
                throw ServiceError("\(place): expected NAME and the SHA-256 of the token (64 hex digits), separated by a space")
            }
            guard let digest = Self.bytes(hex: fields[1]), digest.count == SHA256.byteCount else {
                throw ServiceError("\(place): \(fields[0])'s hash is not 64 hex digits. Write the SHA-256 of the token, such as the output of: printf %s TOKEN | sha256sum")
            }
            guard !entries.contains(where: { $0.name == fields[0] }) else {
                throw ServiceError("\(place): the name \(fields[0]) is used twice. Give each caller its own name")
            }
            entries.append(Entry(name: String(fields[0]), digest: digest))
        }
        guard !entries.isEmpty else { throw ServiceError("\(file): the tokens file has no tokens. Add a line NAME SHA256-OF-TOKEN") }
        self.entries = entries
    }

    /// The name of the caller whose token this is, or nil. Every entry is compared, in time
    /// that does not depend on where the bytes differ, so timing says nothing about a token.
    func caller(presenting token: Substring) -> String? {
        let digest = Array(SHA256.hash(data: Array(token.utf8)))
        var found: String?
        for entry in entries {
            var difference: UInt8 = 0
            for (a, b) in zip(digest, entry.digest) { difference |= a ^ b }
            if difference == 0 { found = entry.name }
        }
        return found
    }

    /// The token in an `Authorization: Bearer TOKEN` header.
    static func bearer(_ header: String?) -> Substring? {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
        return header.dropFirst(7).drop { $0 == " " }
    }

    private static func bytes(hex: Substring) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for pair in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[pair..<pair + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}

/// Why the service cannot start: said to whoever started it.
public struct ServiceError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
