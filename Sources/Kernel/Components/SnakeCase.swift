// Config keys are snake_case in every file the user writes (ARCHITECTURE.md, "Components and the manifest"),
// while Swift properties are camelCase. One conversion, used by both config encoder and decoder, so a
// `Config` may declare snake_case CodingKeys explicitly or rely on this mapping — both give the same key.
public enum SnakeCase {
    /// `beamSize` → `beam_size`, `itemIDsFile` → `item_ids_file`, `maxURL` → `max_url`; already snake stays.
    public static func from(camel name: String) -> String {
        let chars = Array(name)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0 {
                let prev = chars[i - 1]
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                // A plural acronym ("IDs") keeps its trailing "s": `useIDs` is `use_ids`, not `use_i_ds`.
                let pluralS = next == "s" && (i + 2 == chars.count || chars[i + 2].isUppercase)
                let startsWord = prev.isLowercase || prev.isNumber
                    || (prev.isUppercase && (next?.isLowercase ?? false) && !pluralS)
                if startsWord && prev != "_" { out.append("_") }
            }
            out.append(contentsOf: c.lowercased())
        }
        return out
    }
}
