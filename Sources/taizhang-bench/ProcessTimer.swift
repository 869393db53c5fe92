import LocalFiles
#if canImport(Glibc)
import Glibc
#endif

/// A monotonic clock in nanoseconds (CLOCK_MONOTONIC).
enum Clock {
    static func nanoseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }

    /// Runs `body` and returns its wall time in nanoseconds.
    static func measure(_ body: () throws -> Void) rethrows -> Int64 {
        let start = nanoseconds()
        try body()
        return nanoseconds() - start
    }
}

/// A child process that exited unsuccessfully or could not start.
struct ProcessFailure: Error, CustomStringConvertible {
    let description: String
}

/// Runs whole processes and times them from spawn to exit.
struct ProcessTimer {
    /// Where the child's stdout and stderr go; stderr is read back when the child fails.
    let stdoutPath: String
    let stderrPath: String

    init(scratch directory: String) {
        stdoutPath = directory + "/child.stdout"
        stderrPath = directory + "/child.stderr"
    }

    /// Spawns `arguments[0]` with `arguments`, waits for it, and returns the elapsed
    /// nanoseconds; throws if it does not exit with status 0.
    @discardableResult
    func run(_ arguments: [String]) throws -> Int64 {
        let child = try ChildProcess.spawn(arguments, stdout: stdoutPath, stderr: stderrPath)
        let pid = child.pid, start = child.startedAt
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw ProcessFailure(description: "waitpid failed: \(String(cString: strerror(errno)))") }
        }
        let elapsed = Clock.nanoseconds() - start
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        guard exited, code == 0 else {
            let how = exited ? "exited with status \(code)" : "was killed by signal \(status & 0x7F)"
            let message = (try? Self.readText(stderrPath)) ?? ""
            throw ProcessFailure(description: "\(arguments.joined(separator: " ")) \(how): \(message)")
        }
        return elapsed
    }

    /// What the last child wrote on stdout.
    func lastOutput() throws -> String { try Self.readText(stdoutPath) }

    static func readText(_ path: String) throws -> String {
        do {
            return try LocalFile.read(path)
        } catch {
            throw ProcessFailure(description: "cannot read \(path): \(error.detail)")
        }
    }
}
