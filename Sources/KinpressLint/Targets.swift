import Foundation
import Yams

/// What `kinpress lint` expects, from `Templates/lint.yaml`, which a council can change.
public struct LintTargets: Sendable, Decodable {
    public struct Reader: Sendable, Decodable {
        /// Highest reading age (Flesch–Kincaid grade + 5) for a text of 30 words or more.
        public var readingAge: Double
        /// Most words in one sentence.
        public var sentenceWords: Int
    }

    public var family: Reader
    public var child: Reader
    public var professional: Reader
    /// Fewest people in the safety network who are neither parents nor professionals.
    public var safetyNetworkPeople: Int

    public static func load(folder: URL) throws(LintError) -> LintTargets {
        let file = folder.appendingPathComponent("lint.yaml")
        do {
            return try YAMLDecoder().decode(LintTargets.self, from: try String(contentsOf: file, encoding: .utf8))
        } catch {
            throw LintError(message: "\(folder.lastPathComponent)/lint.yaml cannot be read: \(error)")
        }
    }
}
