// Exit codes: 0 success, 1 run failure, 2 usage or validation error (a run folder refused or not fit for the
// command is one: nothing was run or replaced). Our typed errors print as
// the advice they are; argument-parser's usage errors (its default exit is 64) are mapped to 2.
import ArgumentParser
import Foundation
import IDGenHost

extension IDGenRecCommand {
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if let advice = usageProblem(error) { fail(advice, code: 2) }
            if error is PluginError { fail("\(error)", code: 1) }
            let code = exitCode(for: error)
            if code == .success { print(fullMessage(for: error)); Foundation.exit(0) }      // --help, --version
            if code == .validationFailure { fail(fullMessage(for: error), code: 2) }
            fail("error: \(error)", code: 1)
        }
    }

    /// The errors that mean "your input is wrong" (manifest, experiment, names, parameters).
    static func usageProblem(_ error: Error) -> String? {
        switch error {
        case is ValidationReport, is ManifestError, is RegistryError, is ComponentConfigError, is ParameterValueError, is RunFolderError:
            return "\(error)"
        default: return nil
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
        Foundation.exit(code)
    }
}
