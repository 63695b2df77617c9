import Foundation

// Parsing one manifest entry, noting every problem with it (the caller adds the file and entry label).
extension PluginManifest {
    static func parseEntry(_ raw: JSONValue, position: Int, folder: URL, problems: inout [String]) -> ManifestEntry? {
        guard case let .object(pairs) = raw else {
            problems.append("expected an object with name, kind, summary and one of builtin/library/command, found \(raw.typeName)")
            return nil
        }
        for (k, _) in pairs where !entryKeys.contains(k) {
            problems.append("unknown key '\(k)'; " + ClosestName.advice(for: k, among: entryKeys, noun: "allowed"))
        }
        let name = raw["name"]?.stringValue ?? ""
        if raw["name"] == nil { problems.append("missing \"name\"") }
        else if raw["name"]?.stringValue == nil { problems.append("\"name\" must be a string") }
        else if !isValidName(name) { problems.append("name '\(name)' must be non-empty lowercase letters, digits, '-', '_', '@' or '.'") }

        var kind: ComponentKind?
        if let k = raw["kind"]?.stringValue {
            kind = ComponentKind(rawValue: k)
            if kind == nil { problems.append("unknown kind '\(k)'; " + ClosestName.advice(for: k, among: ComponentKind.allCases.map(\.rawValue))) }
        } else {
            problems.append(raw["kind"] == nil ? "missing \"kind\"" : "\"kind\" must be a string")
        }
        let summary = raw["summary"]?.stringValue ?? ""
        if raw["summary"]?.stringValue == nil { problems.append(raw["summary"] == nil ? "missing \"summary\" (one line saying what it does)" : "\"summary\" must be a string") }
        else if summary.contains("\n") { problems.append("\"summary\" must be one line") }

        let origin = parseOrigin(raw, folder: folder, kind: kind, problems: &problems)
        let replaces = raw["replaces"]?.boolValue ?? false
        if let r = raw["replaces"], r.boolValue == nil { problems.append("\"replaces\" must be true or false") }
        if replaces, origin == .builtin { problems.append("a builtin entry cannot \"replaces\": shadow a component with a library or command entry") }
        let config = raw["config"]
        if let c = config, c.objectValue == nil { problems.append("\"config\" must be an object of parameter defaults, found \(c.typeName)") }
        if config != nil, origin == .builtin { problems.append("a builtin's config comes from its Swift Config type; remove \"config\"") }
        var provides: Set<Capability> = []
        if let p = raw["provides"] {
            if let list = p.arrayValue, list.allSatisfy({ $0.stringValue != nil }) { provides = Set(list.map { Capability(rawValue: $0.stringValue!) }) }
            else { problems.append("\"provides\" must be an array of capability names") }
        }
        // A capability that stands for a Swift protocol (a trainable generator, a trainer) is the type's to have:
        // an external plugin speaks JSON and cannot be driven that way, so claiming it would pass validation and fail the run.
        for c in [Capability.trainableIDGenerator, .trainsRecommender] where provides.contains(c) && origin != .builtin {
            problems.append("\"provides\": '\(c)' comes from an in-process Swift type conforming to its protocol; an external plugin cannot provide it")
        }
        var timeout = ComponentEntry.defaultTimeout
        if let t = raw["timeout_seconds"] {
            if let v = t.doubleValue, v > 0 { timeout = v } else { problems.append("\"timeout_seconds\" must be a positive number, found \(t.serialized())") }
        }
        guard let kind, let origin, problems.isEmpty else { return nil }
        return ManifestEntry(position: position, name: name, kind: kind, summary: summary, origin: origin, replaces: replaces,
                             config: config, provides: provides, timeoutSeconds: timeout)
    }

    static func isValidName(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_@.".unicodeScalars.contains($0) }
    }

    static func parseOrigin(_ raw: JSONValue, folder: URL, kind: ComponentKind?, problems: inout [String]) -> ComponentOrigin? {
        let given = ["builtin", "library", "command"].filter { raw[$0] != nil }
        guard given.count == 1 else {
            problems.append(given.isEmpty ? "says nowhere where it lives: give one of \"builtin\": true, \"library\": \"path.so\", \"command\": [argv]"
                                          : "gives \(given.joined(separator: " and ")); give exactly one of builtin, library, command")
            return nil
        }
        if let b = raw["builtin"] {
            guard b == .bool(true) else { problems.append("\"builtin\" must be true (or give library/command instead)"); return nil }
            return .builtin
        }
        if let kind, !externalKinds.contains(kind) {
            problems.append("kind '\(kind.rawValue)' cannot be external (models, trainers, decoders… stay in-process Swift); external kinds: "
                            + externalKinds.map(\.rawValue).joined(separator: ", "))
        }
        if let l = raw["library"] {
            guard let path = l.stringValue, !path.isEmpty else { problems.append("\"library\" must be a path to a shared object (.so)"); return nil }
            return .library(URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL)
        }
        guard let argv = raw["command"]?.arrayValue?.compactMap(\.stringValue), argv.count == raw["command"]?.arrayValue?.count, !argv.isEmpty,
              !argv[0].isEmpty else {
            problems.append("\"command\" must be a non-empty array of strings (argv), e.g. [\"python3\", \"my_ids.py\"]")
            return nil
        }
        return .command(argv: argv, directory: folder.standardizedFileURL)
    }
}
