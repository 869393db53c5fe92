/// The programs' version: the one place it is written (`--version`, the start of `run` and
/// `serve`, the man pages).
public enum TaizhangVersion {
    public static let current = "0.3.0"
}
