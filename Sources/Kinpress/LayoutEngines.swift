import Foundation
import KinpressCompose
import KinpressLayout

/// The layout engines of a process, lent to one document at a time. Making an engine loads
/// every font again, so engines are kept and reused by whichever thread needs one next; a batch
/// with two jobs has two. The first engine is made, and its fonts warmed, on another thread
/// while the templates load.
final class LayoutEngines: @unchecked Sendable {
    private let fonts: FontLibrary
    private let condition = NSCondition()
    private var idle: [LayoutEngine] = []
    private var warming = false

    init(fonts: FontLibrary) {
        self.fonts = fonts
    }

    /// Starts making the first engine on another thread, warmed for `theme` once it is known.
    func warmUp(theme: @escaping @Sendable () -> Theme?) {
        condition.lock()
        warming = true
        condition.unlock()
        let fonts = self.fonts
        let thread = Thread { [self] in
            let engine = LayoutEngine(fonts: fonts)
            if let theme = theme() { engine.warmUp(theme: theme) }
            condition.lock()
            idle.append(engine)
            warming = false
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// Runs `body` with an engine no other thread is using, and with a second one as `helper`
    /// when asked; everything laid out with them must be drawn before `body` returns.
    func using<Result, Failure: Error>(helper wanted: Bool = false,
                                       _ body: (LayoutEngine, LayoutEngine?) throws(Failure) -> Result) throws(Failure) -> Result {
        condition.lock()
        // The engine being warmed is ready sooner than a new one would be.
        while idle.isEmpty && warming { condition.wait() }
        let engine = idle.popLast() ?? LayoutEngine(fonts: fonts)
        let helper = wanted ? idle.popLast() ?? LayoutEngine(fonts: fonts) : nil
        condition.unlock()
        defer {
            condition.lock()
            idle.append(engine)
            if let helper { idle.append(helper) }
            condition.unlock()
        }
        return try body(engine, helper)
    }
}
