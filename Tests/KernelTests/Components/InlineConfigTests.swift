import XCTest
import IDGenKernel

/// A shared group of keys embedded in several configs (`InlineConfig`) keeps the file flat: its keys are the
/// embedding config's own, in the schema, the decoder, the unknown-key check and `validate()`.
final class InlineConfigTests: XCTestCase {
    struct Optimizer: InlineConfig, Equatable {
        var warmupRatio = 0.05
        var weightDecay: Float = 0.01
        func problems() -> [ConfigProblem] {
            weightDecay < 0 ? [ConfigProblem(key: "weight_decay", message: "must be ≥ 0, got \(weightDecay)")] : []
        }
    }

    struct TrainerConfig: ComponentConfig, Equatable {
        var batchSize = 32
        var optimizer = Optimizer()
        var logEvery = 10
        func validate() -> [ConfigProblem] {
            optimizer.problems() + (batchSize >= 1 ? [] : [ConfigProblem(key: "batch_size", message: "must be ≥ 1, got \(batchSize)")])
        }
    }

    func decode(_ json: String) -> Result<TrainerConfig, ComponentConfigProblems> {
        ConfigCodec.decode(TrainerConfig.self, from: try! JSONValue.parse(json), defaults: TrainerConfig())
    }

    func testKeysAreFlatInTheSchemaInDeclarationOrder() throws {
        let schema = try ConfigCodec.schema(defaults: TrainerConfig())
        XCTAssertEqual(schema.names, ["batch_size", "warmup_ratio", "weight_decay", "log_every"])
        XCTAssertEqual(try JSONValueEncoder().encode(TrainerConfig()).serialized(),
                       #"{"batch_size":32,"warmup_ratio":0.05,"weight_decay":0.01,"log_every":10}"#)
    }

    func testFlatKeysDecodeIntoTheGroup() throws {
        let c = try decode(#"{"weight_decay": 0.1, "batch_size": 8}"#).get()
        XCTAssertEqual(c.optimizer.weightDecay, 0.1)
        XCTAssertEqual(c.optimizer.warmupRatio, 0.05)
        XCTAssertEqual(c.batchSize, 8)
    }

    func testTheGroupsNameIsNotAKeyAndTyposAreCaught() {
        guard case let .failure(e) = decode(#"{"optimizer": {"weight_decay": 0.1}, "weight_decay_": 1}"#) else {
            return XCTFail("accepted a nested group or a typo")
        }
        XCTAssertEqual(e.problems.map(\.key), ["optimizer", "weight_decay_"])
        XCTAssertTrue(e.problems[1].message.contains("did you mean 'weight_decay'?"), e.description)
    }

    func testTheGroupsChecksRunWithTheConfigs() {
        guard case let .failure(e) = decode(#"{"weight_decay": -1, "batch_size": 0}"#) else { return XCTFail("accepted bad values") }
        XCTAssertEqual(e.problems.map(\.key), ["weight_decay", "batch_size"])
    }
}
