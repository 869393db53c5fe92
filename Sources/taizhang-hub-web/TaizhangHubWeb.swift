import ArgumentParser
import HubKit
import HubText
import HubWeb
import TaizhangText

/// The operator's dashboard, its own process beside `taizhang-hub serve` (`taizhang-hub web` runs it).
@main
struct TaizhangHubWeb: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taizhang-hub-web",
        abstract: Message.hubWebAbstract(), discussion: Message.hubWebDiscussion())

    @Option(help: ArgumentHelp(Message.optWebBind(), valueName: "host:port"))
    var bind = WebBinding.defaultBind
    @Option(name: .customLong("tls-cert"), help: ArgumentHelp(Message.optTLSCert(), valueName: "file"))
    var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: ArgumentHelp(Message.optTLSKey(), valueName: "file"))
    var tlsKey: String?
    @Option(help: ArgumentHelp(Message.optWebConfig(), valueName: "file"))
    var config: String?
    @Option(help: ArgumentHelp(Message.optDataHub(), valueName: "dir"))
    var data: String?

    func run() async throws {
        let binding: WebBinding
        do {
            binding = try WebBinding.parse(bind, tlsCertificate: tlsCert, tlsKey: tlsKey)
        } catch {
            StandardStream.printError("taizhang-hub web: \(error)")
            throw ExitCode(1)
        }
        let source: DashboardSource
        do {
            let file = try config.map { try HubConfig.load(path: $0) }
            source = try DashboardSource(directory: HubDirectory.resolve(data ?? file?.data), config: file, secureCookies: binding.usesTLS)
        } catch {
            StandardStream.printError("taizhang-hub web: " + ((error as? HubError).map(HubErrorText.sentence) ?? "\(error)"))
            throw ExitCode(error is HubError ? 3 : 1)
        }
        do {
            try await WebServer.run(source: source, binding: binding) { address in
                let out = StandardStream.output()
                out.write(Message.webServing(address) + "\n")
                out.flush()
            }
        } catch {
            StandardStream.printError("taizhang-hub web: " + Message.errWebCannotServe(bind, "\(error)"))
            throw ExitCode(3)
        }
    }
}
