import ArgumentParser
import Foundation
import Kinpress
import KinpressAudience
import KinpressCase
import KinpressCompose

struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time how fast Kinpress makes documents: every document for every reader of each case, several times, in one process.",
        discussion: "Build in release mode first (swift build -c release). scripts/bench runs this on the sample cases."
    )

    @Argument(help: ArgumentHelp("Case files.", valueName: "case"))
    var cases: [String]

    @Option(name: .customLong("repeat"), help: "How many times to make each document.")
    var repetitions: Int = 10

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repeat must be 1 or more") }
    }

    func run() throws {
        let kinpress = try loadKinpress(templates: nil)
        var runs: [(seconds: Double, pages: Int)] = []
        let clock = ContinuousClock()
        for file in cases {
            guard let found = CaseReader.read(contentsOf: URL(fileURLWithPath: file), displayName: file).case else {
                throw ValidationError("\(file) has errors: run kinpress validate \(file)")
            }
            for kind in DocumentKind.allCases {
                for audience in Audience.allCases {
                    for _ in 0..<repetitions {
                        var pages = 0
                        let elapsed = try clock.measure {
                            pages = try reporting { try kinpress.renderPDF(kind, of: found, options: .init(audience: audience)).pages }
                        }
                        runs.append((Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds), pages))
                    }
                }
            }
        }
        let times = runs.map(\.seconds).sorted()
        let total = times.reduce(0, +)
        let pages = runs.map(\.pages).reduce(0, +)
        print("documents made:       \(runs.count) (\(cases.count) cases × \(DocumentKind.allCases.count) documents × \(Audience.allCases.count) readers × \(repetitions))")
        print("pages made:           \(pages)")
        print(String(format: "ms per document:      median %.1f, fastest %.1f, slowest %.1f", times[times.count / 2] * 1000, times[0] * 1000, times[times.count - 1] * 1000))
        print(String(format: "pages per second:     %.0f", Double(pages) / total))
    }
}
