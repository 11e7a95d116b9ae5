import Foundation
import KinpressLayout

/// The layout engines of a process, lent to one document at a time. Making an engine loads
/// every font again, so engines are kept and reused by whichever thread needs one next; a batch
/// with two jobs has two (three or four when a job lays a long document out in halves).
final class LayoutEngines: @unchecked Sendable {
    private let fonts: FontLibrary
    private let lock = NSLock()
    private var idle: [LayoutEngine] = []

    init(fonts: FontLibrary) {
        self.fonts = fonts
    }

    /// Runs `body` with an engine no other thread is using, and with a second one as `helper`
    /// when asked; everything laid out with them must be drawn before `body` returns.
    func using<Result, Failure: Error>(helper wanted: Bool = false,
                                       _ body: (LayoutEngine, LayoutEngine?) throws(Failure) -> Result) throws(Failure) -> Result {
        let (engine, helper) = lock.withLock { (idle.popLast(), wanted ? idle.popLast() : nil) }
        let lent = engine ?? LayoutEngine(fonts: fonts)
        let helping = wanted ? helper ?? LayoutEngine(fonts: fonts) : nil
        defer { lock.withLock { idle += [lent] + (helping.map { [$0] } ?? []) } }
        return try body(lent, helping)
    }
}
