import HubKit
import TaizhangCore
import TaizhangText

/// The hub's errors in the operator's language (`taizhang-hub` and `taizhang-hub-web`).
public enum HubErrorText {
    public static func sentence(_ error: HubError) -> String {
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
        case .invalidSetting(let sentence): sentence
        case .curveUnavailable(let detail): Message.errCurve(detail)
        case .secretKeyExposed(let path, let mode): Message.errHubSecretMode(path, mode)
        case .secretKeyUnreadable(let path, let detail): Message.errHubSecretUnreadable(path, detail)
        case .badAgentKey(let key): Message.enrollBadKey(key)
        case .fingerprintMatches(let fingerprint, let count):
            count == 0 ? Message.errNoPendingKey(fingerprint) : Message.errAmbiguousFingerprint(fingerprint, count)
        case .unknownTimeZone(let name): Message.unknownTimeZone(name)
        case .calendarUnreadable(let path, let detail): Message.errCalendarUnreadable(path, detail)
        case .calendar(let error): Message.errCalendarLine(error.file, error.line, error.text)
        case .reportSetting(let error): sentence(error)
        }
    }

    /// A refused report setting (`init`, `settings`), naming the flag that set it.
    public static func sentence(_ error: ReportSettingsError) -> String {
        switch error {
        case .name(let key, let violation): Message.errSettingName(key.flag, violation.sentence())
        case .nameTooLong(let key): Message.errSettingTooLong(key.flag, ReportSettings.nameLimit)
        case .deadline(let text):
            Message.errSettingDeadline(text, ReportSettings.deadlineRange.lowerBound, ReportSettings.deadlineRange.upperBound)
        }
    }
}
