import XCTest
import IDGenHost
final class HostModuleTests: XCTestCase {
    func testKernelReachable() throws { XCTAssertEqual(try JSONValue.parse("[1]").arrayValue?.count, 1) }
}
