import ArgumentParser
import Kinpress

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the case file format.",
        discussion: "Other systems can check their exports with it. Kinpress checks more than a schema can say: unique ids, references, real dates and picture files."
    )

    func run() {
        print(CaseFormatSchema.json(), terminator: "")
    }
}
