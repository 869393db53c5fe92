#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the output is: a terminal and how wide, or a pipe.
public enum Terminal {
    /// The width of the terminal on stdout (`TIOCGWINSZ`), else `$COLUMNS`, else nil (a pipe
    /// or a file: no limit).
    public static func width() -> Int? {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = Language.environmentValue("COLUMNS").flatMap(Int.init), columns > 0 { return columns }
        return nil
    }

    /// The width of the terminal on stderr, nil when stderr is not a terminal.
    public static func errorWidth() -> Int? {
        var size = winsize()
        guard isatty(2) == 1, ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Whether stdout is a terminal.
    public static var outputIsTerminal: Bool { isatty(1) == 1 }
}
