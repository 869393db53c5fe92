import ArgumentParser
import HubKit
import TaizhangCommandLine
import TaizhangCore
import TaizhangText

/// Where the hub's database and keys live, and the hub's configuration file if one is given.
struct HubDataOptions: ParsableArguments {
    // Read only when given.
    @Option(help: ArgumentHelp(Message.optConfigHub(), valueName: "file"),
            transform: { path in Result { try HubConfig.load(path: path) } })
    var config: Result<HubConfig, Error>?

    @Option(name: .customLong("data"), help: ArgumentHelp(Message.optDataHub(), valueName: "dir"))
    var dataFlag: String?

    /// The configuration file, once `validate()` has accepted it.
    var file: HubConfig? { try? config?.get() }

    /// `--data`, else the file's `data` (nil: `HubDirectory.resolve` falls back to
    /// `$TAIZHANG_HUB_DATA`, then the default).
    var data: String? { dataFlag ?? file?.data }

    /// The bureau's time zone for times shown to the operator.
    var timeZone: BureauTimeZone { file?.timeZone.flatMap(BureauTimeZone.init(identifier:)) ?? .default }

    func validate() throws {
        switch config {
        case .failure(let error)?:
            throw Refusal(CommonErrorText.sentence(error) ?? "\(error)", status: 1)
        case .success(let file)?:
            if let lang = file.lang, Language(typed: lang) == nil {
                throw Refusal(Message.errConfigLang(file.path, lang), status: 1)
            }
            Language.adopt(fileSetting: file.lang)
        case nil: break
        }
    }
}
