import Foundation

/// `transform` applied to every input at once, one input per core, the results in input order.
/// For work whose parts are independent (a pack's documents, the halves of a long layout): the
/// caller promises that each input, and what `transform` reaches through it, is used by one
/// thread only while this runs.
public func concurrentMap<Input, Output>(_ inputs: [Input], _ transform: (Input) -> Output) -> [Output] {
    withoutActuallyEscaping(transform) { transform in
        let results = UnsafeMutableBufferPointer<Output?>.allocate(capacity: inputs.count)
        results.initialize(repeating: nil)
        // Deallocating alone would keep every result (a half's shaped text) alive for ever.
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let work = ConcurrentWork(inputs: inputs, transform: transform, results: results)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in work.run(index) }
        // Every iteration has finished, so every slot holds its result.
        return results.map { $0! }
    }
}

/// What the threads of `concurrentMap` share; each writes only its own slot.
private struct ConcurrentWork<Input, Output>: @unchecked Sendable {
    let inputs: [Input]
    let transform: (Input) -> Output
    let results: UnsafeMutableBufferPointer<Output?>

    func run(_ index: Int) {
        results[index] = transform(inputs[index])
    }
}
