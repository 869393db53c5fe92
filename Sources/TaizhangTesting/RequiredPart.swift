import Foundation

/// A real part a test drives (LibreOffice, Chromium, PostgreSQL, a CJK font), found on this
/// machine or reported missing. Under `CI=true` a missing part fails the test, since `.ci/run`
/// installs every part; elsewhere the test skips with the reason and the package to install.
public enum RequiredPart {
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    public static var underCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The first of `paths` that is an executable file (a bare name is looked up on `$PATH`).
    /// `skip` makes the test framework's skip error (pass `{ XCTSkip($0) }`).
    public static func locate(_ name: String, at paths: [String], package: String,
                              skip: (String) -> any Error) throws -> String {
        if let found = paths.lazy.compactMap(resolve).first { return found }
        let reason = "\(name) is not installed (apt-get install \(package))"
        if underCI { throw Missing(description: reason + ": under CI=true every part a test needs must be installed") }
        throw skip(reason)
    }

    /// A part that is not a program (root for mounting, a preloaded library, a Python module):
    /// throws a failure under CI, else `skip(reason)`.
    public static func unavailable(_ reason: String, skip: (String) -> any Error) throws -> Never {
        if underCI { throw Missing(description: reason + ": under CI=true every part a test needs must be there") }
        throw skip(reason)
    }

    static func resolve(_ path: String) -> String? {
        if path.contains("/") { return FileManager.default.isExecutableFile(atPath: path) ? path : nil }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(path)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
