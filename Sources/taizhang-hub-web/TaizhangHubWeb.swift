import ArgumentParser
import HubKit
import HubWeb
import TaizhangText

/// The operator's dashboard, its own process beside `taizhang-hub serve` (`taizhang-hub web` runs it).
@main
struct TaizhangHubWeb: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taizhang-hub-web",
        abstract: "The bureau operator's dashboard: who has reported, who is late, and the figures, in a browser.",
        discussion: """
            Reads the hub's database beside 'taizhang-hub serve' and serves pages and their JSON
            twins (/api/totals, /api/branches, /api/timeliness?month=YYYY-MM). Operators sign
            in with accounts made by 'taizhang-hub operator add'. Stop with Ctrl-C.

            Example:
              taizhang-hub operator add --login wang --role viewer
              taizhang-hub web --bind 127.0.0.1:8447
            """)

    @Option(help: ArgumentHelp("Where to listen, HOST:PORT (port 0: any free port). A non-loopback address needs --tls-cert and --tls-key.", valueName: "host:port"))
    var bind = WebBinding.defaultBind
    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM certificate chain for HTTPS.", valueName: "file"))
    var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key for HTTPS.", valueName: "file"))
    var tlsKey: String?
    @Option(help: ArgumentHelp("The hub's TOML settings (data, silent_after_hours, time_zone, report_deadline_workdays).", valueName: "file"))
    var config: String?
    @Option(help: ArgumentHelp("The hub's folder (default: 'data' in --config, else $TAIZHANG_HUB_DATA, else ~/.local/share/taizhang/hub).", valueName: "dir"))
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
            StandardStream.printError("taizhang-hub web: \(error)")
            throw ExitCode(error is HubError ? 3 : 1)
        }
        do {
            try await WebServer.run(source: source, binding: binding) { address in
                let out = StandardStream.output()
                out.write("taizhang-hub web: serving \(address) (Ctrl-C stops)\n")
                out.flush()
            }
        } catch {
            StandardStream.printError("taizhang-hub web: cannot serve on \(bind) (\(error)); is the port in use?")
            throw ExitCode(3)
        }
    }
}
