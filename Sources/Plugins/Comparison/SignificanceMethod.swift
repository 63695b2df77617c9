// Which paired test the comparison report uses against the reference.

public enum SignificanceMethod: String, Codable, Sendable {
    case bootstrap = "paired-bootstrap"
    case tTest = "paired-t"
}
