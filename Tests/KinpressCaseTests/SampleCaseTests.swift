import Foundation
import Testing
import Yams
@testable import KinpressCase

@Suite("Sample cases")
struct SampleCaseTests {
    @Test("there are at least five samples, one of them JSON")
    func enoughSamples() {
        let files = Repository.sampleFiles()
        #expect(files.count >= 5)
        #expect(files.contains { $0.pathExtension == "json" })
    }

    @Test("every sample reads with no errors and no warnings (the export sample: only its empty texts)", arguments: Repository.sampleFiles())
    func sampleIsValid(_ url: URL) throws {
        let reading = CaseReader.read(contentsOf: url)
        // The case-management export writes "" for every empty optional text, each one warned about.
        let exported = url.deletingLastPathComponent().lastPathComponent.hasSuffix("-export")
        let unexpected = reading.diagnostics.filter { !(exported && $0.code == .emptyText) }
        #expect(unexpected.isEmpty, "\(unexpected.map(\.description).joined(separator: "\n"))")
        if exported { #expect(reading.warnings.count > 20) }
        #expect(reading.case != nil)
    }

    @Test("every sample fills every section of the format", arguments: Repository.sampleFiles())
    func sampleIsComplete(_ url: URL) throws {
        let file = try #require(CaseReader.read(contentsOf: url).case?.file)
        #expect(file.people.count >= 8)
        #expect((file.timeline?.events.count ?? 0) >= 10)
        #expect(!(file.timeline?.journey.isEmpty ?? true))
        #expect(!file.wordsAndPictures.isEmpty)
        #expect(file.meeting != nil)
        let assessment = try #require(file.assessment)
        for section in [assessment.harm, assessment.complicatingFactors, assessment.strengths, assessment.existingSafety, assessment.bottomLines, assessment.grey] {
            #expect(!section.isEmpty)
        }
        #expect(!assessment.dangerStatements.isEmpty && !assessment.safetyGoals.isEmpty && !assessment.nextSteps.isEmpty && !assessment.scaling.isEmpty)
        let plan = try #require(file.safetyPlan)
        #expect(!plan.rules.isEmpty && !plan.warningSigns.isEmpty && !plan.emergencyContacts.isEmpty && !plan.reviews.isEmpty && !plan.signatures.isEmpty)
    }

    @Test("a sample survives encoding to JSON and YAML and reading back", arguments: Repository.sampleFiles())
    func sampleRoundTrip(_ url: URL) throws {
        let file = try #require(CaseReader.read(contentsOf: url).case?.file)
        let folder = url.deletingLastPathComponent()
        let json = try JSONEncoder().encode(file)
        let fromJSON = CaseReader.read(bytes: Array(json), displayName: "round-trip.json", folder: folder)
        #expect(fromJSON.diagnostics.isEmpty, "\(fromJSON.diagnostics.map(\.description))")
        #expect(fromJSON.case?.file == file)
        let yaml = try YAMLEncoder().encode(file)
        let fromYAML = CaseReader.read(bytes: Array(yaml.utf8), displayName: "round-trip.yaml", folder: folder)
        #expect(fromYAML.diagnostics.isEmpty, "\(fromYAML.diagnostics.map(\.description))")
        #expect(fromYAML.case?.file == file)
    }
}
