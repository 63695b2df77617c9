import XCTest
import IDGenKernel

final class ByteKeyIndexTests: XCTestCase {
    func testInternsInFirstSeenOrderAcrossGrowth() {
        var index = ByteKeyIndex(capacity: 4)
        for i in 0..<5000 { XCTAssertEqual(index.intern("key\(i)").index, i) }
        XCTAssertEqual(index.count, 5000)
        XCTAssertEqual(index.intern("key42").index, 42)
        XCTAssertFalse(index.intern("key42").isNew)
        XCTAssertEqual(index.find("key4999"), 4999)
        XCTAssertNil(index.find("key5000"))
        XCTAssertEqual(index.key(7), "key7")
        XCTAssertEqual(index.intern("").index, 5000)
        XCTAssertEqual(index.find(""), 5000)
        XCTAssertEqual(index.intern("é").index, 5001)
        XCTAssertEqual(index.keys.last, "é")
    }
}
