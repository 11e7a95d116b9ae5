import Foundation
import Logging

/// swift-log's lines as JSON, one object per line on standard error, for a council's log
/// collector. The service logs only what it chooses (route, status, sizes, durations, the
/// caller's name, a request id): never case text, names, references or tokens.
struct JSONLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    private let label: String
    private static let output = Output()

    init(label: String) {
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line: [String: Any] = [
            "time": Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(Date()),
            "level": event.level.rawValue,
            "message": event.message.description,
            "logger": label,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            line[key] = Self.plain(value)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        Self.output.write(data + Data([0x0A]))
    }

    /// Numbers stay numbers, so a collector can add them up.
    private static func plain(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): return text
        case .stringConvertible(let value):
            if let number = value as? Int { return number }
            if let number = value as? Double { return number }
            return value.description
        case .array(let values): return values.map(plain)
        case .dictionary(let values): return values.mapValues(plain)
        }
    }

    /// One line at a time, whole, from any thread.
    private final class Output: @unchecked Sendable {
        private let lock = NSLock()

        func write(_ data: Data) {
            lock.lock()
            defer { lock.unlock() }
            FileHandle.standardError.write(data)
        }
    }
}
