import Foundation
import Kinpress

/// How `kinpress serve` runs: where it listens, who may call it, and its limits.
public struct ServiceConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Lines `NAME SHA256-OF-TOKEN`; nil lets anyone in, which is allowed only on a loopback address.
    public var tokens: URL?
    /// A templates folder instead of Kinpress's own.
    public var templates: URL?
    /// The worker's page (`index.mustache`, `page.css`, `page.js`): Kinpress's own `Page/`.
    public var page: URL
    /// Renders at once, at most `maximumJobs`.
    public var jobs: Int
    /// Renders that may wait for a free job before the service answers 503.
    public var queue: Int
    /// The largest request body read, in bytes.
    public var maxBody: Int
    /// How long one render may take before the service answers 503.
    public var timeout: Duration

    public init(host: String = "127.0.0.1", port: Int = 8080, tokens: URL? = nil, templates: URL? = nil,
                page: URL = (Kinpress.resourcesFolder() ?? URL(fileURLWithPath: ".")).appendingPathComponent("Page"),
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, queue: Int? = nil,
                maxBody: Int = 20_000_000, timeout: Duration = .seconds(30)) {
        self.host = host
        self.port = port
        self.tokens = tokens
        self.templates = templates
        self.page = page
        self.jobs = jobs
        // (Clamped, so a --jobs that check() refuses cannot overflow here first.)
        self.queue = queue ?? 4 * min(max(jobs, 0), Self.maximumJobs)
        self.maxBody = maxBody
        self.timeout = timeout
    }

    /// More render threads than this only queue for the same cores and memory.
    public static let maximumJobs = 1_024

    /// Whether `host` can only be reached from this machine.
    var isLoopback: Bool {
        let host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Refuses what would put children's case files at risk or cannot work.
    func check() throws(ServiceError) {
        guard tokens != nil || isLoopback else {
            throw ServiceError("refusing to listen on \(host) without --tokens: anyone who can reach it could send and read case files. Give --tokens FILE, or listen on 127.0.0.1")
        }
        guard (0...65_535).contains(port) else { throw ServiceError("--port must be between 0 and 65535") }
        guard (1...Self.maximumJobs).contains(jobs) else { throw ServiceError("--jobs must be between 1 and \(Self.maximumJobs)") }
        guard queue >= 0 else { throw ServiceError("--queue cannot be negative") }
        guard maxBody >= 1_024 else { throw ServiceError("--max-body must be at least 1024 bytes") }
        guard timeout > .zero else { throw ServiceError("--timeout must be more than 0 seconds") }
    }
}
