// The synthetic catalog: product lines (brand × benefit × ingredient within a family), each line holding one
// item per step of the family's routine, so "the next step of the same line" is a real, learnable
// complement. Item order (and so raw ids) is shuffled: ids carry no accidental sequence signal (the leak P5's
// sequential numbering had, P5 PR #3).
//
// Legend: N items, P lines.

import Foundation

struct SyntheticLine {
    var family: Int
    var brand: String
    var benefit: Int
    var items: [Int]          // item index per routine step (a line's last line may be cut short)
    var popularity: Double
}

struct SyntheticCatalog {
    var items: [CatalogItem]          // [N]
    var lines: [SyntheticLine]        // [P]
    var itemLine: [Int]               // [N] line of each item
    var itemStep: [Int]               // [N] routine step of each item within its family

    /// Builds exactly `itemCount` items from `rng`.
    init(itemCount: Int, rng: inout SplitMix64) {
        let vocab = SyntheticVocabulary.self
        var drafts: [(line: Int, step: Int, title: String, brand: String, categories: String)] = []
        var lines: [SyntheticLine] = []
        var usedLines = Set<String>()
        while drafts.count < itemCount {
            let f = SyntheticDataset.choose(vocab.familyWeights, &rng)
            let family = vocab.families[f]
            let brand = vocab.brands[(f * vocab.brandsPerFamily + Int(rng.next() % UInt64(vocab.brandsPerFamily))) % vocab.brands.count]
            let benefit = Int(rng.next() % UInt64(family.benefits.count))
            let ingredient = vocab.ingredients[Int(rng.next() % UInt64(vocab.ingredients.count))]
            let key = "\(f)|\(brand)|\(benefit)|\(ingredient)"
            if usedLines.contains(key) {
                if usedLines.count > 20_000 { break }   // vocabulary exhausted; cannot happen at sane sizes
                continue
            }
            usedLines.insert(key)
            let lineIndex = lines.count
            var line = SyntheticLine(family: f, brand: brand, benefit: benefit, items: [],
                                     popularity: 1 / pow(Double(lineIndex % 97 + 1), 0.6) * (0.5 + rng.nextUnit()))
            for (step, (type, plural)) in family.types.enumerated() where drafts.count < itemCount {
                let size = family.sizes[Int(rng.next() % UInt64(family.sizes.count))]
                let words = [family.benefits[benefit], ingredient, family.qualifier, type, size].filter { !$0.isEmpty }
                line.items.append(drafts.count)
                drafts.append((lineIndex, step, words.joined(separator: " "), brand,
                               "\(vocab.department), \(family.name), \(plural)"))
            }
            lines.append(line)
        }
        // Shuffle item positions (Fisher–Yates with our RNG) so ids say nothing about lines or steps.
        var order = Array(drafts.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
        }
        var position = [Int](repeating: 0, count: order.count)
        for (pos, draft) in order.enumerated() { position[draft] = pos }
        let width = max(4, String(drafts.count).count)
        var items = [CatalogItem](repeating: CatalogItem(rawID: "", text: ""), count: drafts.count)
        var itemLine = [Int](repeating: 0, count: drafts.count)
        var itemStep = [Int](repeating: 0, count: drafts.count)
        for (d, draft) in drafts.enumerated() {
            let p = position[d]
            let fields = [("title", draft.title), ("brand", draft.brand), ("categories", draft.categories)]
            let id = String(p + 1)
            items[p] = CatalogItem(rawID: "item_" + String(repeating: "0", count: width - id.count) + id,
                                   text: ItemText.build(fields, lowercase: true),
                                   fields: Dictionary(uniqueKeysWithValues: fields))
            itemLine[p] = draft.line
            itemStep[p] = draft.step
        }
        for l in lines.indices { lines[l].items = lines[l].items.map { position[$0] } }
        self.items = items
        self.lines = lines
        self.itemLine = itemLine
        self.itemStep = itemStep
    }
}
