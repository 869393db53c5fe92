import ArgumentParser
import HubKit
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
            case .invalidSetting, .unknownBranch, .keyInUse, .revoked: throw ExitCode(1)
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

/// The hub's errors in the operator's language.
enum HubErrorText {
    static func sentence(_ error: HubError) -> String {
        switch error {
        case .notInitialised(let path): Message.errHubNotInitialised(path)
        case .alreadyInitialised(let path): Message.errHubAlreadyInitialised(path)
        case .notAHubDatabase(let path): Message.errNotAHub(path)
        case .damaged(let path, let detail): Message.errHubDamaged(path, detail)
        case .verifyFailed(let path, let branch, let seq, let detail): Message.errHubVerifyFailed(path, branch, seq, detail)
        case .vanished(let path, let detail): Message.errHubVanished(detail, path)
        case .busy(let path, let seconds): Message.errHubBusy(path, seconds)
        case .storage(let path, let detail): Message.errHubStorage(path, detail)
        case .unknownBranch(let branch): Message.errUnknownBranch(branch)
        case .revoked(let branch): Message.errBranchRevoked(branch)
        case .keyInUse(let key, let branch): Message.errKeyInUse(key, branch)
        case .file(let error): Message.errFile(error.path, error.detail)
        case .invalidSetting(let message): invalidSetting(message)
        }
    }

    /// HubKit's free-text settings errors, recognised by their fixed start.
    static func invalidSetting(_ message: String) -> String {
        guard Language.current == .zh else { return message }
        if message.hasPrefix("libzmq could not make") { return Message.errCurve() }
        for (prefix, key) in [("the hub's secret key ", Message.errHubSecretMode)] where message.hasPrefix(prefix) {
            let path = String(message.dropFirst(prefix.count).prefix { $0 != " " })
            return message.contains("readable by other users") ? key(path) : Message.errHubSecretUnreadable(path)
        }
        return message
    }
}
