import ArgumentParser
import HubKit
import TaizhangText

/// Turns the errors an operator can meet into one sentence on stderr and an exit status:
/// 1 when a setting was refused, 3 when the hub's files could not be used.
enum Failure {
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as HubError {
            StandardStream.printError("taizhang-hub: \(error)")
            switch error {
            case .invalidSetting, .unknownBranch, .keyInUse, .revoked: throw ExitCode(1)
            default: throw ExitCode(3)
            }
        } catch let error as OperatorError {
            StandardStream.printError("taizhang-hub: \(error)")
            throw ExitCode(1)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            StandardStream.printError("taizhang-hub: \(error)")
            throw ExitCode(3)
        }
    }
}
