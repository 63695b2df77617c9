import Foundation

/// Code blocks of Sources/Plugins/README.md marked `<!-- recipe: NAME -->`, by name.
enum ReadmeRecipes {
    static func load() throws -> [String: String] {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("Sources/Plugins/README.md"), encoding: .utf8)
        var out: [String: String] = [:]
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            guard line.hasPrefix("<!-- recipe: "), let name = line.dropFirst(13).split(separator: " ").first else { continue }
            guard lines.popFirst()?.hasPrefix("```") == true else { continue }
            var block: [Substring] = []
            while let l = lines.popFirst(), !l.hasPrefix("```") { block.append(l) }
            out[String(name)] = block.joined(separator: "\n")
        }
        return out
    }
}
