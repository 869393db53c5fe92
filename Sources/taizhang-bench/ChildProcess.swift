#if canImport(Glibc)
import Glibc
#endif

/// A child process started by the benchmark and reaped by it: long-running ones (a hub, an
/// agent daemon) or short ones timed from spawn to exit while the bench does other work.
/// Its stdout and stderr go to files, read back for ready lines and failure messages.
final class ChildProcess {
    let arguments: [String]
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String
    /// CLOCK_MONOTONIC nanoseconds just before posix_spawn.
    let startedAt: Int64
    /// When `poll`/`wait` first saw it gone (at most one poll interval late).
    private(set) var endedAt: Int64?
    /// The raw wait status, once reaped.
    private(set) var status: Int32?
    /// User plus system CPU seconds the child used, once reaped (wait4's rusage).
    private(set) var cpuSeconds: Double?

    private init(arguments: [String], pid: pid_t, stdoutPath: String, stderrPath: String, startedAt: Int64) {
        self.arguments = arguments
        self.pid = pid
        self.stdoutPath = stdoutPath
        self.stderrPath = stderrPath
        self.startedAt = startedAt
    }

    /// Spawns `arguments[0]` with stdin from /dev/null and output into the two files.
    static func spawn(_ arguments: [String], stdout: String, stderr: String) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = Clock.nanoseconds()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw ProcessFailure(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        return ChildProcess(arguments: arguments, pid: pid, stdoutPath: stdout, stderrPath: stderr, startedAt: start)
    }

    var isRunning: Bool { !poll() }

    /// Reaps the child if it has exited; true once it is gone.
    @discardableResult
    func poll() -> Bool {
        if status != nil { return true }
        var raw: Int32 = 0
        var usage = rusage()
        let result = wait4(pid, &raw, WNOHANG, &usage)
        if result == pid {
            status = raw
            endedAt = Clock.nanoseconds()
            cpuSeconds = Self.seconds(usage.ru_utime) + Self.seconds(usage.ru_stime)
            return true
        }
        if result < 0 && errno == ECHILD {
            // Not ours any more (cannot happen unless reaped elsewhere): treat as gone.
            status = status ?? -1
            endedAt = endedAt ?? Clock.nanoseconds()
            return true
        }
        return false
    }

    /// Waits up to `seconds`, checking every millisecond; true if it ended.
    func wait(seconds: Double) -> Bool {
        let deadline = Clock.nanoseconds() + Int64(seconds * 1e9)
        while !poll() {
            if Clock.nanoseconds() > deadline { return false }
            usleep(1000)
        }
        return true
    }

    /// Spawn to exit, in nanoseconds, once ended.
    var elapsed: Int64? { endedAt.map { $0 - startedAt } }

    var exitedCleanly: Bool {
        guard let status else { return false }
        return status & 0x7F == 0 && (status >> 8) & 0xFF == 0
    }

    /// "exited with status 4: <stderr>" for error messages.
    var outcome: String {
        guard let status else { return "\(arguments.joined(separator: " ")) is still running" }
        let exited = status & 0x7F == 0
        let how = exited ? "exited with status \((status >> 8) & 0xFF)" : "was killed by signal \(status & 0x7F)"
        let message = (try? ProcessTimer.readText(stderrPath)).map { String($0.suffix(2000)) } ?? ""
        return "\(arguments.joined(separator: " ")) \(how): \(message)"
    }

    /// Waits up to `seconds` for a clean exit; throws with the child's stderr otherwise
    /// (a child still running then is left to `stop`).
    func expectSuccess(within seconds: Double) throws {
        guard wait(seconds: seconds) else {
            throw ProcessFailure(description: "\(arguments.joined(separator: " ")) did not finish within \(Int(seconds)) s")
        }
        guard exitedCleanly else { throw ProcessFailure(description: outcome) }
    }

    /// SIGTERM, then SIGKILL if it is still up after `grace` seconds; always reaps.
    func stop(grace: Double = 5) {
        guard !poll() else { return }
        kill(pid, SIGTERM)
        if wait(seconds: grace) { return }
        kill(pid, SIGKILL)
        if wait(seconds: 5) { return }
        // Still not reaped after SIGKILL: wait for good rather than leave a zombie behind.
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        status = raw
        endedAt = Clock.nanoseconds()
    }

    /// Waits until a stdout line starts with `prefix` and returns the rest of that line;
    /// throws if the child exits first or `seconds` pass.
    func waitForLine(startingWith prefix: String, seconds: Double = 30) throws -> String {
        let deadline = Clock.nanoseconds() + Int64(seconds * 1e9)
        while true {
            let text = (try? ProcessTimer.readText(stdoutPath)) ?? ""
            for line in text.split(separator: "\n") where line.hasPrefix(prefix) {
                return String(line.dropFirst(prefix.count))
            }
            if poll() { throw ProcessFailure(description: "before printing '\(prefix)': \(outcome)") }
            if Clock.nanoseconds() > deadline {
                throw ProcessFailure(description: "\(arguments.joined(separator: " ")) printed no '\(prefix)' within \(Int(seconds)) s")
            }
            usleep(5000)
        }
    }

    static func seconds(_ value: timeval) -> Double { Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }

    /// User plus system CPU seconds used so far by a running child (/proc/PID/stat).
    func cpuSecondsSoFar() -> Double {
        guard let text = try? ProcessTimer.readText("/proc/\(pid)/stat"), let close = text.lastIndex(of: ")") else { return 0 }
        // Fields after "(comm)": state is field 3, utime 14, stime 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// VmRSS and VmHWM from /proc/PID/status, in kB.
    func memoryKilobytes() throws -> (rss: Int64, hwm: Int64) {
        let text = try ProcessTimer.readText("/proc/\(pid)/status")
        func field(_ name: String) -> Int64? {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return Int64(line.dropFirst(name.count + 1).filter(\.isNumber))
        }
        guard let rss = field("VmRSS"), let hwm = field("VmHWM") else {
            throw ProcessFailure(description: "no VmRSS/VmHWM in /proc/\(pid)/status")
        }
        return (rss, hwm)
    }
}

/// Every process a case started, so each is stopped (SIGTERM, then SIGKILL) however the
/// case ends: `let children = Children(); defer { children.stopAll() }`.
final class Children {
    private var started: [ChildProcess] = []
    private let directory: String
    private var count = 0

    /// Output files go to `directory` as `<name>-<n>.stdout` / `.stderr`.
    init(directory: String) { self.directory = directory }

    func spawn(_ name: String, _ arguments: [String]) throws -> ChildProcess {
        count += 1
        let base = directory + "/\(name)-\(count)"
        let child = try ChildProcess.spawn(arguments, stdout: base + ".stdout", stderr: base + ".stderr")
        started.append(child)
        return child
    }

    /// Stops the running ones in reverse order of start (agents before their hub).
    func stopAll() {
        let running = started.filter(\.isRunning)
        for child in running.reversed() { kill(child.pid, SIGTERM) }
        for child in running.reversed() { child.stop() }
        started.removeAll()
    }

    deinit { stopAll() }
}
