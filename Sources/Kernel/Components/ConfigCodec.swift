// Turns the parameters a user wrote into a component's `Config`: defaults first, then the user's values
// over them (so a `Config` with plain synthesized Codable still gets its defaults), unknown keys rejected
// with a suggestion, ill-typed values reported, then the config's own `validate()` — all problems at once,
// as advice naming the key.
public enum ConfigCodec {
    /// The schema (keys, defaults, types) of a config type from its default value. Optional keys without a
    /// default are found by decoding the defaults and noting every key the type asks for.
    public static func schema<C: Codable>(defaults: C) throws -> ConfigSchema {
        let encoded = try JSONValueEncoder().encode(defaults)
        guard case let .object(pairs) = encoded else {
            return ConfigSchema(keys: [], isClosed: true)
        }
        var keys = pairs.map { ConfigSchema.Key(name: $0.0, defaultValue: $0.1, type: $0.1 == .null ? "any" : $0.1.typeName) }
        let reads = JSONValueDecoder.KeyReads()
        _ = try JSONValueDecoder.NodeDecoder(value: encoded, codingPath: [], reads: reads).decode(C.self)
        for name in (reads.read[""] ?? []).sorted() where !keys.contains(where: { $0.name == name }) {
            keys.append(ConfigSchema.Key(name: name, defaultValue: .null, type: "any"))
        }
        return ConfigSchema(keys: keys)
    }

    /// Decodes `params` (a JSON object, or null for "all defaults") over `defaults`.
    public static func decode<C: Codable>(_ type: C.Type, from params: JSONValue, defaults: C) -> Result<C, ComponentConfigProblems> {
        let schema: ConfigSchema
        do { schema = try self.schema(defaults: defaults) } catch {
            return .failure(ComponentConfigProblems([ConfigProblem(key: "", message: "the defaults of \(C.self) do not round-trip: \(describe(error))")]))
        }
        let given = params == .null ? JSONValue.object([]) : params
        let problems = schema.check(given)
        if !problems.isEmpty { return .failure(ComponentConfigProblems(problems)) }
        let merged = overlay(given, on: schema.defaults)
        do {
            let (value, unread) = try JSONValueDecoder().decodeReportingUnread(C.self, from: merged)
            if !unread.isEmpty {
                return .failure(ComponentConfigProblems(unread.map { ConfigProblem(key: $0, message: "unknown key (not read by \(C.self))") }))
            }
            // Values in range: a config's own `validate()` (ComponentConfig), so no decode hands out a bad one.
            if let component = value as? any ComponentConfig {
                let problems = component.validate()
                if !problems.isEmpty { return .failure(ComponentConfigProblems(problems)) }
            }
            return .success(value)
        } catch {
            return .failure(ComponentConfigProblems([problem(from: error)]))
        }
    }

    /// `top` over `base`, objects merged key by key (nested objects too), everything else replaced.
    public static func overlay(_ top: JSONValue, on base: JSONValue) -> JSONValue {
        guard case var .object(out) = base, case let .object(over) = top else { return top }
        for (k, v) in over {
            if let i = out.firstIndex(where: { $0.0 == k }) { out[i].1 = overlay(v, on: out[i].1) } else { out.append((k, v)) }
        }
        return .object(out)
    }

    static func problem(from error: Error) -> ConfigProblem {
        guard let e = error as? DecodingError else { return ConfigProblem(key: "", message: "\(error)") }
        switch e {
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c):
            return ConfigProblem(key: JSONValueDecoder.path(c.codingPath), message: c.debugDescription)
        case let .keyNotFound(k, c):
            return ConfigProblem(key: JSONValueDecoder.path(c.codingPath + [k]), message: "missing (it has no default)")
        @unknown default:
            return ConfigProblem(key: "", message: "\(e)")
        }
    }

    static func describe(_ error: Error) -> String { problem(from: error).description }
}
