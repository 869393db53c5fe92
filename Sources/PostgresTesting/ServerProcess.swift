import Foundation

/// A server started in a process group of its own (so the postmaster and every backend it
/// forks can be killed at once, as when a machine dies), its output into a log file. It is
/// reaped by whoever stops it; `deinit` kills what is still running. Its environment names the
/// build that started it (`TAIZHANG_PG_OWNER`), so the suite's leftover check finds its own.
final class ServerProcess {
    let pid: pid_t
    let logPath: String
    private var reaped = false

    init(_ arguments: [String], logPath: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        // Names the build that started it, for scripts/check-leftover-processes.sh.
        let owner = "TAIZHANG_PG_OWNER=" + Bundle.main.bundlePath + "/"
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "TAIZHANG_PG_OWNER" }.map { "\($0.key)=\($0.value)" }
        let envp: [UnsafeMutablePointer<CChar>?] = (environment + [owner]).map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw PostgresTestFailure("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
        self.logPath = logPath
    }

    deinit {
        if !reaped { kill(signal: SIGKILL, waitingUpTo: 30) }
    }

    /// True once the process has exited (and is reaped).
    func hasExited() -> Bool {
        if reaped { return true }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid || (result < 0 && errno == ECHILD) { reaped = true }
        return reaped
    }

    /// Sends `signal` to the process; waits for it to exit, then for every process of its
    /// group to be gone. False if that took longer than `seconds`.
    @discardableResult
    func kill(signal: Int32, waitingUpTo seconds: TimeInterval) -> Bool {
        if !hasExited() { Glibc.kill(signal == SIGKILL ? -pid : pid, signal) }
        let deadline = Date().addingTimeInterval(seconds)
        while !hasExited() || Self.groupHasLiveMembers(pid) {
            guard Date() < deadline else { return false }
            usleep(10_000)
        }
        return true
    }

    /// Stops with `signal`, falling back to SIGKILL for the whole group after `grace` seconds.
    func stop(signal: Int32, grace: TimeInterval) {
        if kill(signal: signal, waitingUpTo: grace) { return }
        kill(signal: SIGKILL, waitingUpTo: 30)
    }

    /// The last `count` characters of the log.
    func logTail(_ count: Int = 3000) -> String {
        guard let data = FileManager.default.contents(atPath: logPath) else { return "" }
        return String(String(decoding: data, as: UTF8.self).suffix(count))
    }

    /// Whether a process other than a zombie is still in group `group` (from /proc/*/stat:
    /// field 3 is the state, field 5 the process group).
    static func groupHasLiveMembers(_ group: pid_t) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return false }
        for entry in entries where entry.first?.isNumber == true {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 2, fields[0] != "Z", fields[0] != "X", Int32(fields[2]) == group { return true }
        }
        return false
    }
}
