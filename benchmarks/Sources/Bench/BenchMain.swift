// idgenrec-bench: speed measurements, printed beside the reference measured in the same run.
//   idgenrec-bench tokenizer [...]   (TokenizerBench.swift)
import Foundation

@main
struct BenchMain {
    static func main() throws {
        let args = Array(CommandLine.arguments.dropFirst())
        switch args.first {
        case "tokenizer": try runTokenizerBench(args: Array(args.dropFirst()))
        default: print("usage: idgenrec-bench tokenizer [--data …] [--tokenizer …] [--repeat N] | tokenizer train <corpus> <out> [vocab]")
        }
    }
}
