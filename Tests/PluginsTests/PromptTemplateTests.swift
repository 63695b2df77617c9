import XCTest
import Foundation
import IDGenPlugins

final class PromptTemplateTests: XCTestCase {
    let sample = Sample(user: 0, history: [2, 0], target: 1, position: 2)
    let ids = ["rose toner", "vitamin serum", "gentle cleanser"]

    func testParsesTheReferenceLineFormatAndRenders() throws {
        let t = try PromptTemplate(line: "sequential; seen; {dataset} user {user_id} bought {history} , next ?; {dataset} {target}", location: "p:1")
        XCTAssertEqual(t.task, "sequential")
        XCTAssertTrue(t.seen)
        let p = t.render(userID: "u7", history: ["a", "b"], target: "c", dataset: "beauty")
        XCTAssertEqual(p, PromptPair(input: "beauty user u7 bought a ; b , next ?", output: "beauty c"))
        XCTAssertEqual(t.render(userID: "u7", history: ["a", "b"], target: "c", dataset: "x", separator: ", ").input, "x user u7 bought a, b , next ?")
    }

    func testValidationErrorsNameTheTemplate() {
        func reason(_ line: String) -> String {
            do { _ = try PromptTemplate(line: line, location: "prompt.txt:4"); return "no error" } catch { return "\(error)" }
        }
        XCTAssertTrue(reason("sequential; seen; {histroy} next; {target}").contains("unknown placeholder {histroy}"))
        XCTAssertTrue(reason("sequential; seen; {histroy} next; {target}").hasPrefix("prompt.txt:4:"))
        XCTAssertTrue(reason("sequential; seen; what next?; {target}").contains("no {history}"))
        XCTAssertTrue(reason("sequential; seen; {history}; {dataset}").contains("no {target}"))
        XCTAssertTrue(reason("sequential; seen; {history} then {target}; {target}").contains("contain the answer"))
        XCTAssertTrue(reason("sequential; maybe; {history}; {target}").contains("`seen` or `unseen`"))
        XCTAssertTrue(reason("sequential; seen; {history}").contains("expected 4 fields"))
        XCTAssertTrue(reason("sequential; seen; {history; {target}").contains("unclosed"))
    }

    func testPromptFileFiltersByTaskAndSeenAndChoosesPerSampleWithSeed() throws {
        let p = try TemplateFilePrompts(config: .init(path: examplePath))
        XCTAssertEqual(p.templates.count, 3)
        let choices = (0..<200).map { p.templateIndex(for: $0) }
        XCTAssertEqual(Set(choices), [0, 1, 2])
        XCTAssertEqual(choices, (0..<200).map { try! TemplateFilePrompts(config: .init(path: examplePath)).templateIndex(for: $0) })
        let other = try TemplateFilePrompts(config: .init(path: examplePath, seed: 7))
        XCTAssertNotEqual(choices, (0..<200).map { other.templateIndex(for: $0) })
        let unseen = try TemplateFilePrompts(config: .init(path: examplePath, seen: false))
        XCTAssertEqual(unseen.templates.count, 1)
    }

    func testFixedTemplateAndInlineTemplates() throws {
        let p = try TemplateFilePrompts(config: .init(templates: [.init(input: "{user_id}: {history}", output: "{target}")],
                                                      historySeparator: " | ", choice: .fixed))
        let pair = p.prompt(for: sample, index: 5, itemIDs: ids, userID: "u1", dataset: "d")
        XCTAssertEqual(pair, PromptPair(input: "u1: gentle cleanser | rose toner", output: "vitamin serum"))
        XCTAssertThrowsError(try TemplateFilePrompts(config: .init(templates: [.init(input: "{history}", output: "{target}")],
                                                                   choice: .fixed, fixedIndex: 3)))
        XCTAssertThrowsError(try TemplateFilePrompts(config: .init(templates: [.init(input: "{history}", output: "{user}")]))) { e in
            XCTAssertTrue("\(e)".hasPrefix("inline template 1:"), "\(e)")
        }
        XCTAssertThrowsError(try TemplateFilePrompts(config: .init()))
    }

    func testFileErrorsNameFileAndLineAndEmptyFilesFail() throws {
        let f = try ScratchFolder(["bad.txt": "# comment\nsequential; seen; {history}; {target}\n\nsequential; seen; {history} {item}; {target}\n",
                                   "empty.txt": "# only a comment\n\n",
                                   "other.txt": "review; seen; {history}; {target}\n"])
        defer { f.remove() }
        XCTAssertThrowsError(try TemplateFilePrompts(config: .init(path: f.path("bad.txt")))) { e in
            XCTAssertTrue("\(e)".hasPrefix(f.path("bad.txt") + ":4:"), "\(e)")
        }
        XCTAssertThrowsError(try TemplateFilePrompts(config: .init(path: f.path("empty.txt")))) { e in
            XCTAssertTrue("\(e)".contains("holds no templates"), "\(e)")
        }
        XCTAssertThrowsError(try TemplateFilePrompts(config: .init(path: f.path("other.txt")))) { e in
            XCTAssertTrue("\(e)".contains("the file has: review/seen"), "\(e)")
        }
    }

    func testConfigDecodesSnakeCase() throws {
        let json = #"{"templates": [{"input": "{history}", "output": "{target}"}], "history_separator": ", ", "choice": "fixed"}"#
        let c = try decodeConfig(TemplateFilePrompts.Config.self, json)
        XCTAssertEqual(c.historySeparator, ", ")
        XCTAssertEqual(c.choice, .fixed)
        XCTAssertEqual(c.task, "sequential")
    }

    var examplePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/prompts/sequential.txt").path
    }
}
