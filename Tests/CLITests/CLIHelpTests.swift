import XCTest
import Foundation

/// Runs the built `idgenrec` executable as a user would.
final class CLIHelpTests: XCTestCase {
    func testHelpRuns() throws {
        let out = try CLIRunner.run(["--help"])
        XCTAssertEqual(out.status, 0)
        XCTAssertTrue(out.stdout.contains("idgenrec"))
    }
}
