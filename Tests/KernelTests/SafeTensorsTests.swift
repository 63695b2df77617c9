import Foundation
import XCTest
import IDGenKernel

/// Safetensors read/write: round trip, F16/BF16 conversion (bytes built here and a file written by the
/// `safetensors` Python package, see tools/make_safetensors_fixture.py), and corrupt files — each must give a
/// typed `SafeTensorsError` naming the file (and the tensor when one is to blame), never a crash.
final class SafeTensorsTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("safetensors-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    // MARK: writing and reading back

    func testRoundTripKeepsOrderShapesValuesAndMetadata() throws {
        let url = folder.appendingPathComponent("model.safetensors")
        let tensors: [(String, NamedArray)] = [
            ("shared.weight", NamedArray(shape: [3, 2], values: [1, -2, 3.5, .pi, -0.0, 1e-30])),
            ("a.scalar", NamedArray(shape: [], values: [42])),
            ("empty", NamedArray(shape: [0, 4], values: [])),
            ("encoder.final_layer_norm.weight", NamedArray(shape: [5], values: [.infinity, -.infinity, 0.1, 0.2, 0.3])),
        ]
        try SafeTensors.write(tensors, metadata: ["format": "pt"], to: url)
        let file = try SafeTensors.read(contentsOf: url)
        XCTAssertEqual(file.names, tensors.map(\.0))
        for (name, array) in tensors {
            XCTAssertEqual(file[name], array, name)
        }
        XCTAssertEqual(file.metadata, ["format": "pt"])
        // HF's writer pads the header so the data region starts 8-byte aligned; ours does the same.
        let header = try SafeTensors.readHeader(contentsOf: url)
        XCTAssertEqual(header.dataStart % 8, 0)
        XCTAssertEqual(header.entries.map(\.dtype), [.f32, .f32, .f32, .f32])
        // Atomic write: nothing but the final file is left in the folder.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["model.safetensors"])
    }

    func testWriteReplacesAnExistingFile() throws {
        let url = folder.appendingPathComponent("w.safetensors")
        try SafeTensors.write([("x", NamedArray(shape: [4], values: [1, 2, 3, 4]))], to: url)
        try SafeTensors.write([("y", NamedArray(shape: [1, 1], values: [7]))], to: url)
        let file = try SafeTensors.read(contentsOf: url)
        XCTAssertEqual(file.names, ["y"])
        XCTAssertEqual(file["y"]?.values, [7])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["w.safetensors"])
    }

    func testWritingAMisShapedTensorFailsAndLeavesNoFile() throws {
        let url = folder.appendingPathComponent("bad.safetensors")
        XCTAssertThrowsError(try SafeTensors.write([("w", NamedArray(shape: [2, 3], values: [1, 2]))], to: url)) { e in
            guard case .invalidTensor(let f, "w", _)? = e as? SafeTensorsError else { return XCTFail("\(e)") }
            XCTAssertEqual(f, url.path)
        }
        XCTAssertThrowsError(try SafeTensors.write([("w", NamedArray(shape: [1], values: [1])),
                                                    ("w", NamedArray(shape: [1], values: [2]))], to: url))
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testMissingTensorListsWhatTheFileHolds() throws {
        let url = folder.appendingPathComponent("m.safetensors")
        try SafeTensors.write([("a", NamedArray(shape: [1], values: [1]))], to: url)
        XCTAssertThrowsError(try SafeTensors.read(contentsOf: url).tensor("b")) { e in
            XCTAssertEqual(e as? SafeTensorsError, .tensorNotFound(file: url.path, tensor: "b", available: ["a"]))
        }
    }

    // MARK: half precision

    func testReadsF16AndBF16BuiltByHand() throws {
        // F16 bit patterns: 1, -2, 65504 (largest), 2^-24 (smallest subnormal), 2^-14 × 0.5 (subnormal),
        // +inf, -0, 0x3555 = 0.333251953125.
        let f16: [UInt16] = [0x3C00, 0xC000, 0x7BFF, 0x0001, 0x0200, 0x7C00, 0x8000, 0x3555]
        let f16Values: [Float] = [1, -2, 65504, 0x1p-24, 0x1p-15, .infinity, -0.0, 0.333251953125]
        // BF16: the top 16 bits of a float32.
        let bf16: [UInt16] = [0x3F80, 0xBF00, 0x4049, 0xFF80]
        let bf16Values: [Float] = [1, -0.5, 3.140625, -.infinity]
        let header = #"{"h":{"dtype":"F16","shape":[2,4],"data_offsets":[0,16]},"b":{"dtype":"BF16","shape":[4],"data_offsets":[16,24]}}"#
        let url = try writeRaw("half.safetensors", header: header, data: littleEndianBytes(f16) + littleEndianBytes(bf16))
        let file = try SafeTensors.read(contentsOf: url)
        XCTAssertEqual(file.names, ["h", "b"])
        XCTAssertEqual(file["h"]?.shape, [2, 4])
        XCTAssertEqual(file["h"]?.values, f16Values)
        XCTAssertEqual(file["h"]?.values[6].sign, .minus)
        XCTAssertEqual(file["b"]?.values, bf16Values)
        // A NaN stays a NaN.
        let nan = try writeRaw("nan.safetensors", header: #"{"n":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}"#,
                               data: littleEndianBytes([0x7E00]))
        XCTAssertTrue(try SafeTensors.read(contentsOf: nan)["n"]!.values[0].isNaN)
    }

    func testReadsHalfPrecisionWrittenByTheSafetensorsPackage() throws {
        // Written by tools/make_safetensors_fixture.py: x.f16 / x.bf16 are x rounded by torch, and
        // x.f16_as_f32 / x.bf16_as_f32 the same rounded values upcast by torch, stored as F32.
        let url = Self.fixtures.appendingPathComponent("safetensors/dtypes.safetensors")
        let file = try SafeTensors.read(contentsOf: url)
        for dtype in ["f16", "bf16"] {
            let half = try file.tensor("x.\(dtype)")
            let reference = try file.tensor("x.\(dtype)_as_f32")
            XCTAssertEqual(half.shape, reference.shape)
            XCTAssertEqual(half.values, reference.values, dtype)
        }
        XCTAssertEqual(try SafeTensors.readHeader(contentsOf: url).entries.first { $0.name == "x.bf16" }?.dtype, .bf16)
        XCTAssertEqual(file.metadata["format"], "pt")
    }

    // MARK: corrupt files — each a typed error naming the file and, where one is to blame, the tensor

    func testEmptyAndTruncatedFiles() throws {
        for count in [0, 5] {
            let url = folder.appendingPathComponent("t\(count).safetensors")
            try Data(repeating: 1, count: count).write(to: url)
            expect(.truncated(file: url.path, byteCount: count), reading: url)
        }
    }

    func testHeaderLengthBeyondTheFile() throws {
        let url = try writeRaw("long.safetensors", header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#,
                               data: [0, 0, 0, 0], length: 4000)
        expect(.headerLengthBeyondFile(file: url.path, headerLength: 4000, fileSize: 8 + 54 + 4), reading: url)
        let huge = try writeRaw("huge.safetensors", header: "{}", data: [], length: 1 << 40)
        expect(.headerTooLarge(file: huge.path, headerLength: 1 << 40), reading: huge)
    }

    func testHeaderNotJSONOrNotAnObject() throws {
        let garbage = try writeRaw("g.safetensors", header: #"{"a": {"dtype": "F32", "#, data: [])
        XCTAssertThrowsError(try SafeTensors.read(contentsOf: garbage)) { e in
            guard case .headerNotJSON(let f, _)? = e as? SafeTensorsError else { return XCTFail("\(e)") }
            XCTAssertEqual(f, garbage.path)
        }
        let array = try writeRaw("arr.safetensors", header: "[1, 2]", data: [])
        expect(.headerNotObject(file: array.path, found: "array"), reading: array)
    }

    func testUnknownAndUnsupportedDTypes() throws {
        let unknown = try writeRaw("u.safetensors", header: #"{"w":{"dtype":"F33","shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])
        expect(.unknownDType(file: unknown.path, tensor: "w", dtype: "F33"), reading: unknown)
        let int64 = try writeRaw("i.safetensors", header: #"{"ids":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}"#, data: Array(repeating: 0, count: 8))
        expect(.unsupportedDType(file: int64.path, tensor: "ids", dtype: "I64"), reading: int64)
        // The header alone is still readable: the dtype is a real safetensors one.
        XCTAssertEqual(try SafeTensors.readHeader(contentsOf: int64).entries.first?.dtype, .i64)
    }

    func testOffsetsOutOfRangeAndDataCutShort() throws {
        let url = try writeRaw("r.safetensors", header: #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, data: [0, 0, 0, 0])
        expect(.offsetsOutOfRange(file: url.path, tensor: "w", begin: 0, end: 8, dataSize: 4), reading: url)
        let backwards = try writeRaw("b.safetensors", header: #"{"w":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}"#, data: [0, 0, 0, 0])
        expect(.offsetsOutOfRange(file: backwards.path, tensor: "w", begin: 4, end: 0, dataSize: 4), reading: backwards)
        // A good file cut in its data region: the last tensor's bytes are gone.
        let good = folder.appendingPathComponent("good.safetensors")
        try SafeTensors.write([("a", NamedArray(shape: [2], values: [1, 2])), ("b", NamedArray(shape: [3], values: [3, 4, 5]))], to: good)
        let bytes = try Data(contentsOf: good)
        let cut = folder.appendingPathComponent("cut.safetensors")
        try bytes.prefix(bytes.count - 5).write(to: cut)
        let dataSize = 20 - 5
        expect(.offsetsOutOfRange(file: cut.path, tensor: "b", begin: 8, end: 20, dataSize: dataSize), reading: cut)
    }

    func testOffsetsThatDoNotMatchTheShape() throws {
        let url = try writeRaw("s.safetensors", header: #"{"w":{"dtype":"BF16","shape":[2,3],"data_offsets":[0,8]}}"#, data: Array(repeating: 0, count: 8))
        expect(.sizeMismatch(file: url.path, tensor: "w", shape: [2, 3], dtype: "BF16", expectedBytes: 12, actualBytes: 8), reading: url)
    }

    func testOverlappingOffsets() throws {
        let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
        let url = try writeRaw("o.safetensors", header: header, data: Array(repeating: 0, count: 12))
        expect(.overlappingOffsets(file: url.path, tensor: "b", other: "a"), reading: url)
    }

    func testHolesAndTrailingBytes() throws {
        let hole = try writeRaw("h.safetensors", header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: Array(repeating: 0, count: 8))
        expect(.uncoveredBytes(file: hole.path, from: 0, to: 4, dataSize: 8), reading: hole)
        let trailing = try writeRaw("tr.safetensors", header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: Array(repeating: 0, count: 6))
        expect(.uncoveredBytes(file: trailing.path, from: 4, to: 6, dataSize: 6), reading: trailing)
    }

    func testMalformedEntriesAndMetadata() throws {
        let cases: [(String, String)] = [
            (#"{"w":{"dtype":"F32","shape":[1]}}"#, "w"),                                  // no data_offsets
            (#"{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}"#, "w"),             // negative dim
            (#"{"w":{"shape":[1],"data_offsets":[0,4]}}"#, "w"),                            // no dtype
            (#"{"w":[1,2,3]}"#, "w"),                                                      // entry not an object
            (#"{"__metadata__":{"format":3}}"#, "__metadata__"),                            // non-string metadata
        ]
        for (i, (header, tensor)) in cases.enumerated() {
            let url = try writeRaw("m\(i).safetensors", header: header, data: [])
            XCTAssertThrowsError(try SafeTensors.read(contentsOf: url), header) { e in
                guard case .malformedEntry(let f, let t, _)? = e as? SafeTensorsError else { return XCTFail("\(header): \(e)") }
                XCTAssertEqual(f, url.path)
                XCTAssertEqual(t, tensor)
            }
        }
    }

    func testMissingFileAndMessagesNameFileAndTensor() throws {
        let absent = folder.appendingPathComponent("absent.safetensors")
        XCTAssertThrowsError(try SafeTensors.read(contentsOf: absent)) { e in
            guard case .ioFailure(let f, _)? = e as? SafeTensorsError else { return XCTFail("\(e)") }
            XCTAssertEqual(f, absent.path)
        }
        let error = SafeTensorsError.overlappingOffsets(file: "/x/model.safetensors", tensor: "b", other: "a")
        XCTAssertTrue(error.description.contains("/x/model.safetensors"))
        XCTAssertTrue(error.description.contains("'b'"))
        XCTAssertEqual(error.file, "/x/model.safetensors")
        XCTAssertEqual(error.tensor, "b")
    }

    // MARK: helpers

    /// Writes `[length][header][data]`; `length` defaults to the header's true byte count.
    private func writeRaw(_ name: String, header: String, data: [UInt8], length: UInt64? = nil) throws -> URL {
        let headerBytes = Array(header.utf8)
        var bytes = littleEndianBytes(length ?? UInt64(headerBytes.count))
        bytes += headerBytes + data
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    private func littleEndianBytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    private func littleEndianBytes(_ values: [UInt16]) -> [UInt8] {
        values.flatMap { littleEndianBytes($0) }
    }

    private func expect(_ expected: SafeTensorsError, reading url: URL, line: UInt = #line) {
        XCTAssertThrowsError(try SafeTensors.read(contentsOf: url), line: line) { e in
            XCTAssertEqual(e as? SafeTensorsError, expected, line: line)
            XCTAssertTrue(String(describing: e).contains(url.path), line: line)
        }
    }
}

/// The committed reference files (written by tools/make_t5_fixtures.py and tools/make_adamw_fixture.py with
/// the Python `safetensors` package) read back with the names and shapes their scripts document.
final class SafeTensorsFixtureFilesTests: XCTestCase {
    func testT5ReferenceFilesHaveTheDocumentedTensors() throws {
        for (model, vocab) in [("relu-tied", 64), ("gated-gelu-untied", 80)] {
            let folder = SafeTensorsTests.fixtures.appendingPathComponent("t5/\(model)")
            let reference = try SafeTensors.read(contentsOf: folder.appendingPathComponent("reference.safetensors"))
            XCTAssertEqual(try reference.tensor("input_ids").shape, [3, 24])
            XCTAssertEqual(try reference.tensor("logits").shape, [3, 7, vocab])
            XCTAssertEqual(try reference.tensor("loss").shape, [1])
            XCTAssertEqual(try reference.tensor("generate.tokens").shape, [3, 7])
            // Integer inputs are stored as exact F32 integers; padding labels are -100.
            XCTAssertTrue(try reference.tensor("input_ids").values.allSatisfy { $0.rounded() == $0 && $0 >= 0 && $0 < Float(vocab) })
            XCTAssertEqual(try reference.tensor("labels").values.filter { $0 == -100 }.count, 2 + 4)
            let weights = try SafeTensors.read(contentsOf: folder.appendingPathComponent("model.safetensors"))
            for name in reference.names where name.hasPrefix("grad.") {
                XCTAssertEqual(try weights.tensor(String(name.dropFirst(5))).shape, reference[name]?.shape, name)
            }
            XCTAssertEqual(weights["lm_head.weight"] != nil, model == "gated-gelu-untied")
        }
    }

    func testAdamWFixtureHasFiveSteps() throws {
        let file = try SafeTensors.read(contentsOf: SafeTensorsTests.fixtures.appendingPathComponent("optim/adamw.safetensors"))
        for t in 1...5 {
            XCTAssertEqual(try file.tensor("step\(t).param.w").shape, [3, 4])
            XCTAssertEqual(try file.tensor("step\(t).grad.b").shape, [4])
        }
        XCTAssertEqual(try file.tensor("schedule.linear").values.count, 12)
        XCTAssertEqual(try file.tensor("hyper.eps").values, [1e-6])
    }
}
