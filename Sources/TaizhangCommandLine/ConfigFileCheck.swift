import TaizhangText

/// The check both programs make of a `--config` file once the parser has read it: a file
/// that could not be read, or that names an unknown language, is refused in one sentence
/// (status 1); otherwise its `lang` setting is adopted (unless `--lang` or the environment chose).
public enum ConfigFileCheck {
    /// `config` is the file's path and `lang` setting, or why it could not be read; nil: no file.
    public static func validate(_ config: Result<(path: String, lang: String?), Error>?) throws {
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
