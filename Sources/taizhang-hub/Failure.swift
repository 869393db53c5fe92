import ArgumentParser
import HubKit
import HubText
import TaizhangCommandLine
import TaizhangCore
import TaizhangText

/// Turns the errors an operator can meet into one sentence on stderr, in the operator's
/// language, and an exit status: 1 when a setting was refused, 3 when the hub's files could
/// not be used.
enum Failure {
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as HubError {
            say(HubErrorText.sentence(error))
            switch error {
            case .invalidSetting, .unknownBranch, .keyInUse, .revoked, .curveUnavailable, .secretKeyExposed, .secretKeyUnreadable,
                 .badAgentKey, .fingerprintMatches, .unknownTimeZone, .calendarUnreadable, .calendar, .reportSetting:
                throw ExitCode(1)
            default: throw ExitCode(3)
            }
        } catch let violation as RuleViolation {
            say(violation.sentence())
            throw ExitCode(1)
        } catch let error as OperatorError {
            say(Self.sentence(error))
            throw ExitCode(1)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            say(CommonErrorText.sentence(error) ?? "\(error)")
            throw ExitCode(3)
        }
    }

    static func sentence(_ error: OperatorError) -> String {
        switch error {
        case .invalidLogin(let login): Message.errOperatorInvalidLogin(login)
        case .exists(let login): Message.errOperatorExists(login)
        case .unknown(let login): Message.errOperatorUnknown(login)
        case .weakPassword: Message.errOperatorWeakPassword()
        }
    }

    /// One line on stderr: "taizhang-hub: sentence".
    static func say(_ sentence: String) {
        StandardStream.printError("taizhang-hub: \(sentence)")
    }

    /// A refused flag value, found before any work: one sentence and the usage-error status.
    static func refuse(_ sentence: String) -> Refusal {
        Refusal(sentence)
    }
}

