import XCTest
import IDGenPlugins

final class UserIDStrategyTests: XCTestCase {
    func testNoUserIDsIsEmpty() throws {
        XCTAssertEqual(try NoUserIDs().userID(UserIDInput(userIndex: 3, visibleItems: [1, 2])), "")
        XCTAssertEqual(NoUserIDs().addedTokens(userCount: 10), [])
    }

    func testNumericUserIDsDependOnUserOnly() throws {
        let s = NumericUserIDs()
        XCTAssertEqual(try s.userID(UserIDInput(userIndex: 4, visibleItems: [1])), "<user_5>")
        XCTAssertEqual(try s.userID(UserIDInput(userIndex: 4, visibleItems: [1, 9, 7])), "<user_5>")
        XCTAssertEqual(s.addedTokens(userCount: 2), ["<user_1>", "<user_2>"])
        let digits = NumericUserIDs(config: .init(rendering: .digits))
        XCTAssertEqual(try digits.userID(UserIDInput(userIndex: 0, visibleItems: [])), "user_1")
        XCTAssertEqual(digits.addedTokens(userCount: 2), [])
    }
}
