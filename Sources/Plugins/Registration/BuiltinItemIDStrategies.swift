// The built-in item-ID strategies, one line each (Sources/Plugins/README.md, "Adding a component").
// The strategies themselves (sequential, random, title, keyword, collaborative, textual, rq-codes…) live in
// Sources/Plugins/ItemIDs/ and join this list as they land; external ones come from plugins.json.
public let builtinItemIDStrategies: [ComponentRegistration] = [
    .init(name: "textual", summary: "IDGenRec: a T5 ID generator writes each item's ID from its text (diverse ID generation)",
          config: TextualIDs.Config.self, inputFiles: ["generator_checkpoint"]) { try TextualIDs(config: $0) },
]
