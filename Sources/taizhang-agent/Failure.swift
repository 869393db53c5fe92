import AgentKit
import ArgumentParser
import TaizhangCore
import TaizhangText

/// Turns the errors a clerk can meet into one sentence on stderr and an exit status:
/// 1 when the entry or setting was refused, 3 when the ledger could not be used, 4 when the
/// hub could not be reached or refused the ledger.
enum Failure {
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let violation as RuleViolation {
            StandardStream.printError("taizhang-agent: \(violation.message)")
            throw ExitCode(1)
        } catch let error as AgentError {
            StandardStream.printError("taizhang-agent: \(error)")
            if case .invalidSetting = error { throw ExitCode(1) }
            throw ExitCode(3)
        } catch let error as SyncError {
            StandardStream.printError("taizhang-agent: \(error)")
            throw ExitCode(4)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            StandardStream.printError("taizhang-agent: \(error)")
            throw ExitCode(3)
        }
    }
}
