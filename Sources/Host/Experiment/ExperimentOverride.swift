// One `--set path=value` from the command line. The value is JSON when it parses as JSON (numbers, true,
// null, [..], {..}, "quoted"), else a plain string; for list stages "a,b" means ["a", "b"].
//   --set seed=7   --set budget.steps=500   --set item_ids.id_length=4
//   --set item_ids=sequential          (the stage becomes `sequential` with its defaults: params dropped)
//   --set metrics=hr@10,ndcg@10
public struct ExperimentOverride: Equatable {
    public var text: String
    public var path: [String]
    public var value: JSONValue

    /// Parses "a.b=value"; returns a problem for malformed text.
    public static func parse(_ text: String) -> Result<ExperimentOverride, ValidationProblem> {
        guard let eq = text.firstIndex(of: "=") else {
            return .failure(ValidationProblem("--set \(text)", "expected stage.key=value (e.g. item_ids.id_length=4)"))
        }
        let path = text[..<eq].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let raw = String(text[text.index(after: eq)...])
        guard !path.isEmpty, path.allSatisfy({ !$0.isEmpty }), path.count <= 2 else {
            return .failure(ValidationProblem("--set \(text)", "expected stage.key=value or key=value, with non-empty names"))
        }
        guard Experiment.topLevelKeys.contains(path[0]) else {
            return .failure(ValidationProblem("--set \(text)", "unknown stage or setting '\(path[0])'; "
                + ClosestName.advice(for: path[0], among: Experiment.topLevelKeys)))
        }
        // Wrapped in [ ] because json-c cannot tell where a bare top-level number ends.
        var value = (try? JSONValue.parse("[" + raw + "]"))?.arrayValue.flatMap { $0.count == 1 ? $0[0] : nil } ?? .string(raw)
        if path.count == 1, let stage = StageKey(rawValue: path[0]), stage.isList, case let .string(s) = value {
            value = .array(s.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
        }
        return .success(ExperimentOverride(text: text, path: path, value: value))
    }

    /// Applies the override to the experiment file's JSON object (CLI wins over file).
    func apply(to json: inout [(String, JSONValue)]) -> ValidationProblem? {
        let top = path[0]
        let current = json.first { $0.0 == top }?.1
        let updated: JSONValue
        if path.count == 1 {
            updated = value
        } else {
            let key = path[1]
            if let stage = StageKey(rawValue: top), stage.isList {
                return ValidationProblem("--set \(text)", "\(top) is a list; set it whole, e.g. --set \(top)=hr@10,ndcg@10")
            }
            var object: [(String, JSONValue)]
            switch current {
            case nil: object = []
            case let .string(name)?: object = [("component", .string(name))]
            case let .object(o)?: object = o
            case let other?: return ValidationProblem("--set \(text)", "\(top) is \(other.typeName) in the file, cannot set a key in it")
            }
            if let i = object.firstIndex(where: { $0.0 == key }) { object[i].1 = value } else { object.append((key, value)) }
            updated = .object(object)
        }
        if let i = json.firstIndex(where: { $0.0 == top }) { json[i].1 = updated } else { json.append((top, updated)) }
        return nil
    }
}
