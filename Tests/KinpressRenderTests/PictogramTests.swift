import Foundation
import Testing
@testable import KinpressCase
import KinpressLayout

@Suite("The pictogram set")
struct PictogramTests {
    static let folder = Repository.root.appendingPathComponent("Templates/pictures/pictograms")

    @Test("every name the case format fixes has a pictogram that loads, is drawn as vectors and describes itself", arguments: CaseFormat.pictograms)
    func pictogram(_ name: String) throws {
        let file = Self.folder.appendingPathComponent("\(name).svg")
        let text = try String(contentsOf: file, encoding: .utf8)
        let title = try #require(text.firstMatch(of: /<title[^>]*>([^<]+)<\/title>/)?.1, "\(name) has a <title> describing it")
        #expect(title.count >= 5)
        #expect(!text.contains("href") && !text.contains("<image") && !text.contains("<script") && !text.contains("<text"))
        let picture = try PictureLoader.load(file, field: "pictogram:\(name)")
        guard case .vector = picture.content else { Issue.record("\(name) is drawn as vectors"); return }
        #expect(picture.width == 100 && picture.height == 100)
    }
}
