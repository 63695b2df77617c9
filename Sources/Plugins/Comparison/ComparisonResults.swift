// The input of the comparison report: every variant run under the same split, model, budget and seeds, the
// reference the others are tested against, and the per-user metric the paired tests use. `idgenrec compare`
// builds it in code; tests and re-rendering load it from JSON (snake_case keys).
import Foundation

public struct ComparisonResults: Codable, Equatable, Sendable {
    public var title: String
    public var dataset: String
    /// Column order of the metrics (default HR@5, NDCG@5, HR@10, NDCG@10).
    public var metricNames: [String]
    public var variants: [VariantResult]
    /// Name of the variant the paired tests compare against.
    public var reference: String?
    /// The per-user metric of the paired tests, e.g. "NDCG@10".
    public var significanceMetric: String
    /// Free lines under the table: protocol, commands, caveats.
    public var notes: [String]

    public static let standardMetrics = ["HR@5", "NDCG@5", "HR@10", "NDCG@10"]

    public init(title: String, dataset: String, metricNames: [String] = ComparisonResults.standardMetrics,
                variants: [VariantResult], reference: String? = nil, significanceMetric: String = "NDCG@10",
                notes: [String] = []) {
        self.title = title
        self.dataset = dataset
        self.metricNames = metricNames
        self.variants = variants
        self.reference = reference
        self.significanceMetric = significanceMetric
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case title, dataset, metricNames = "metric_names", variants, reference
        case significanceMetric = "significance_metric", notes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? "Comparison"
        dataset = try c.decodeIfPresent(String.self, forKey: .dataset) ?? ""
        metricNames = try c.decodeIfPresent([String].self, forKey: .metricNames) ?? Self.standardMetrics
        variants = try c.decode([VariantResult].self, forKey: .variants)
        reference = try c.decodeIfPresent(String.self, forKey: .reference)
        significanceMetric = try c.decodeIfPresent(String.self, forKey: .significanceMetric) ?? "NDCG@10"
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
    }

    /// Reads a results file; errors name the file and the JSON path that is wrong.
    public static func load(from url: URL) throws -> ComparisonResults {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ReportError.unreadable(file: url.path, reason: "\(error.localizedDescription)")
        }
        do { return try JSONDecoder().decode(ComparisonResults.self, from: data) } catch let DecodingError.keyNotFound(key, context) {
            throw ReportError.badResults(file: url.path, path: Self.path(context.codingPath + [key]), reason: "missing key '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(type, context) {
            throw ReportError.badResults(file: url.path, path: Self.path(context.codingPath), reason: "expected \(type)")
        } catch let DecodingError.valueNotFound(type, context) {
            throw ReportError.badResults(file: url.path, path: Self.path(context.codingPath), reason: "expected \(type), found null")
        } catch {
            throw ReportError.badResults(file: url.path, path: "", reason: "not valid JSON (\(error))")
        }
    }

    static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    /// Fills every non-reference variant's `significance` with a paired test of `significanceMetric` against
    /// the reference. `perUser`: variant name → that metric per test user, the same users in the same order.
    public mutating func attachSignificance(perUser: [String: [Double]], reference: String, method: SignificanceMethod = .bootstrap,
                                            seed: UInt64, resamples: Int = 10_000) throws {
        guard let base = perUser[reference] else { throw ReportError.unknownVariant(reference, known: variants.map(\.name)) }
        self.reference = reference
        for i in variants.indices where variants[i].name != reference {
            guard let values = perUser[variants[i].name] else { continue }
            switch method {
            case .bootstrap:
                variants[i].significance = try PairedSignificance.pairedBootstrap(variant: values, reference: base, resamples: resamples, seed: seed)
            case .tTest:
                variants[i].significance = try PairedSignificance.pairedTTest(variant: values, reference: base)
            }
        }
    }
}
