import Foundation
import KinpressAudience
import KinpressCase
import KinpressCompose
import KinpressLayout

/// Many cases rendered in parallel, for a service's overnight run: each case's documents go to
/// `<output>/<reference>/<document>-<audience>.<format>`, written whole or not at all. A case
/// that fails is reported with its errors and the rest carry on; a case whose outputs are newer
/// than its file and the templates is skipped; a stop request finishes the case in hand.
public struct Batch: Sendable {
    public struct Plan: Sendable {
        public var outputFolder: URL
        /// What to make of each case (`layoutInParallel` is decided per run).
        public var request: Request
        /// Render even cases whose outputs are up to date.
        public var force: Bool

        public init(outputFolder: URL, request: Request, force: Bool = false) {
            self.outputFolder = outputFolder
            self.request = request
            self.force = force
        }
    }

    public enum Status: String, Codable, Sendable {
        case rendered, skipped, failed, cancelled
    }

    public struct Output: Codable, Sendable, Equatable {
        /// Relative to the output folder.
        public var file: String
        public var document: String
        public var audience: String
        public var format: String
        public var pages: Int?
    }

    public struct CaseReport: Codable, Sendable {
        public var input: String
        public var reference: String?
        public var status: Status
        public var outputs: [Output]
        public var seconds: Double
        public var errors: [String]
        public var warnings: [String]
        public var quality: QualityRow?
    }

    public let kinpress: Kinpress
    public let plan: Plan

    public init(kinpress: Kinpress, plan: Plan) {
        self.kinpress = kinpress
        self.plan = plan
    }

    /// The case files among `paths`: files as given, folders searched (with their subfolders)
    /// for `.json`, `.yaml` and `.yml`, each folder's in name order.
    public static func findCases(_ paths: [String]) throws(BatchError) -> [URL] {
        var found: [URL] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw BatchError(message: "\(path): there is no such file or folder")
            }
            let url = URL(fileURLWithPath: path)
            guard isFolder.boolValue else {
                found.append(url)
                continue
            }
            let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            var here: [URL] = []
            while let file = enumerator?.nextObject() as? URL {
                if ["json", "yaml", "yml"].contains(file.pathExtension.lowercased()) { here.append(file) }
            }
            found += here.sorted { $0.path < $1.path }
        }
        return found
    }

    /// A reference as a folder name: letters, digits, `.`, `-` and `_`, nothing that could leave
    /// the output folder or hide the folder.
    public static func folderName(_ reference: String) -> String {
        let mapped = String(reference.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar)) ? Character(scalar) : "-"
        })
        let trimmed = mapped.split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
            .trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        return String(trimmed.prefix(80))
    }

    /// Renders `inputs` with `jobs` threads. `progress` is called once per case as it ends, from
    /// the thread that rendered it (never two at once). Reports come back in input order.
    public func run(_ inputs: [URL], jobs: Int, isCancelled: @escaping @Sendable () -> Bool,
                    progress: @escaping @Sendable (CaseReport) -> Void) -> [CaseReport] {
        removeLeftovers()
        let folders = folderNames(for: inputs)
        // A change to the templates (their councils among them) or to a council given renders again.
        let newestResource = Self.newestChange(in: [kinpress.templates.folder] + (kinpress.council.map { [$0.folder] } ?? []))
        let state = SharedState(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, inputs.count))) { _ in
            while let index = state.take() {
                let report = isCancelled()
                    ? CaseReport(input: inputs[index].path, reference: nil, status: .cancelled, outputs: [], seconds: 0, errors: [], warnings: [], quality: nil)
                    : render(inputs[index], folder: folders[index], newestResource: newestResource, alone: jobs == 1, isCancelled: isCancelled)
                state.finish(index, report, progress)
            }
        }
        return state.reports
    }

    /// One output folder per case, by reference; a second case with the same reference gets
    /// `-2`, in input order, so names do not depend on which thread came first.
    private func folderNames(for inputs: [URL]) -> [String] {
        var used: [String: Int] = [:]
        return inputs.map { input in
            let reference = CaseReader.read(contentsOf: input).case.map { Self.folderName($0.file.case.reference) } ?? ""
            let base = reference.isEmpty ? Self.folderName(input.deletingPathExtension().lastPathComponent) : reference
            let count = used[base, default: 0] + 1
            used[base] = count
            return count == 1 ? base : "\(base)-\(count)"
        }
    }

    /// `alone`: the only job, so a long document may use the other core for its layout.
    private func render(_ input: URL, folder: String, newestResource: Date, alone: Bool, isCancelled: () -> Bool) -> CaseReport {
        let started = Date()
        let reading = CaseReader.read(contentsOf: input, displayName: input.path)
        var report = CaseReport(input: input.path, reference: reading.case?.file.case.reference, status: .rendered, outputs: [], seconds: 0,
                                errors: reading.errors.map(\.description), warnings: reading.warnings.map(\.description), quality: nil)
        defer { report.seconds = Date().timeIntervalSince(started) }
        guard let found = reading.case else {
            report.status = .failed
            return report
        }
        report.quality = QualityRow(found)
        // A child's own document where no child made one this reader may see would only say
        // so: not made, as a case without a story gets no storyboard.
        var items = plan.request.items.filter { item in
            guard case .document(let kind) = item.product, kind == .threeHouses || kind == .safetyHouse else { return true }
            let made = item.audience.project(found, child: plan.request.child).file.children.contains {
                kind == .threeHouses ? !$0.threeHouses.isEmpty : !$0.safetyHouse.isEmpty
            }
            if !made { report.warnings.append("\(folder)/\(item.fileName): not made: no child in this case has a \(kind == .threeHouses ? "threeHouses" : "safetyHouse") record this reader may see") }
            return made
        }
        // Letters go to whoever the case's meeting writes to; a case whose meeting has not
        // reached that point (no meeting, no outcome yet) has none to send, which is no failure.
        for kind in plan.request.letters {
            for format in plan.request.formats {
                do {
                    items += try kinpress.letterItems(kind, of: found, format: format)
                } catch {
                    report.warnings.append("\(folder): no \(kind.rawValue) letters: \(error)")
                    break
                }
            }
        }
        let planned = outputs(folder: folder, items: items)
        let inputChanged = (try? input.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantFuture
        let upToDate = !plan.force && planned.allSatisfy { output in
            let changed = (try? plan.outputFolder.appendingPathComponent(output.file).resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
            return changed.map { $0 > inputChanged && $0 > newestResource } ?? false
        }
        if upToDate {
            report.status = .skipped
            report.outputs = planned
            return report
        }
        var request = plan.request
        request.layoutInParallel = alone
        for (item, var output) in zip(items, planned) {
            if isCancelled() {
                report.status = .cancelled
                return report
            }
            do {
                let made = try kinpress.make(item, of: request, from: reading)
                let target = plan.outputFolder.appendingPathComponent(output.file)
                try writeAtomically(made.bytes, to: target)
                if let list = made.chairList {
                    try writeAtomically(Array(list.text(packFile: target.lastPathComponent, title: made.title).utf8), to: ChairList.file(beside: target))
                }
                output.pages = made.pages
                report.outputs.append(output)
                report.warnings += made.warnings.map(\.description)
            } catch let failure as RenderFailure where failure.isNothingToMake {
                // Not a failure of the case: there is nothing to make for this reader.
                report.warnings.append("\(output.file): not made: \(failure.description)")
            } catch {
                report.status = .failed
                report.errors.append("\(output.file): \(error)")
            }
        }
        return report
    }

    /// Every file this plan makes for one case.
    private func outputs(folder: String, items: [Request.Item]) -> [Output] {
        items.map { item in
            Output(file: "\(folder)/\(item.fileName)", document: item.product.name, audience: item.audience.rawValue, format: item.format.rawValue, pages: nil)
        }
    }

    /// Temporary files a killed run left behind (never a finished output).
    private func removeLeftovers() {
        let enumerator = FileManager.default.enumerator(at: plan.outputFolder, includingPropertiesForKeys: nil)
        while let file = enumerator?.nextObject() as? URL {
            if isPartialFile(file.lastPathComponent) { try? FileManager.default.removeItem(at: file) }
        }
    }

    /// The latest change to any file in `folders`: a changed template, string or theme makes
    /// every output stale.
    static func newestChange(in folders: [URL]) -> Date {
        var newest = Date.distantPast
        for folder in folders {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
            while let file = enumerator?.nextObject() as? URL {
                if let changed = try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate, changed > newest {
                    newest = changed
                }
            }
        }
        return newest
    }

    /// The report as JSON: totals, then each case.
    public static func reportJSON(_ reports: [CaseReport], seconds: Double, jobs: Int) throws -> [UInt8] {
        struct Totals: Codable {
            var cases, rendered, skipped, failed, cancelled, outputs, pages, jobs: Int
            var seconds, casesPerSecond: Double
        }
        struct File: Codable {
            var totals: Totals
            var cases: [CaseReport]
        }
        func count(_ status: Status) -> Int { reports.filter { $0.status == status }.count }
        let done = reports.filter { $0.status == .rendered }.count
        let totals = Totals(cases: reports.count, rendered: done, skipped: count(.skipped), failed: count(.failed), cancelled: count(.cancelled),
                            outputs: reports.map(\.outputs.count).reduce(0, +), pages: reports.flatMap(\.outputs).compactMap(\.pages).reduce(0, +),
                            jobs: jobs, seconds: seconds, casesPerSecond: seconds > 0 ? Double(done) / seconds : 0)
        return try readableJSON(File(totals: totals, cases: reports))
    }
}

public struct BatchError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The work queue and results the batch's threads share, behind one lock.
private final class SharedState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var results: [Batch.CaseReport?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < results.count else { return nil }
        next += 1
        return next - 1
    }

    func finish(_ index: Int, _ report: Batch.CaseReport, _ progress: (Batch.CaseReport) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        results[index] = report
        progress(report)
    }

    var reports: [Batch.CaseReport] {
        lock.lock()
        defer { lock.unlock() }
        return results.compactMap { $0 }
    }
}
