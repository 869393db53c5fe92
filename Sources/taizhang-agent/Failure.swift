import AgentKit
import ArgumentParser
import TaizhangCommandLine
import TaizhangCore
import TaizhangText

/// Turns the errors a clerk can meet into one sentence on stderr, in the clerk's language,
/// and an exit status: 1 when the entry or setting was refused, 3 when the ledger could not
/// be used, 4 when the hub could not be reached or refused the ledger.
enum Failure {
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let violation as RuleViolation {
            say(violation.sentence())
            throw ExitCode(1)
        } catch let error as AgentError {
            say(AgentErrorText.sentence(error))
            switch error {
            case .invalidSetting, .badHubEndpoint, .badHubKey, .duplicateHubEndpoint, .curveUnavailable: throw ExitCode(1)
            default: throw ExitCode(3)
            }
        } catch let error as SyncError {
            say(AgentErrorText.sentence(error))
            throw ExitCode(4)
        } catch let error as ReportError {
            say(CommonErrorText.sentence(error))
            throw ExitCode(1)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            say(CommonErrorText.sentence(error) ?? "\(error)")
            throw ExitCode(3)
        }
    }

    /// One line on stderr: "taizhang-agent: sentence".
    static func say(_ sentence: String) {
        StandardStream.printError("taizhang-agent: \(sentence)")
    }

    /// A refused flag value, found before any work: one sentence and the usage-error status.
    static func refuse(_ sentence: String) -> Refusal {
        Refusal(sentence)
    }
}
