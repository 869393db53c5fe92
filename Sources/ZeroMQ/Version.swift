import CZeroMQ

/// A libzmq version number; Sendable value, safe on any thread.
public struct ZMQVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let major: Int
    public let minor: Int
    public let patch: Int

    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    public static func < (lhs: ZMQVersion, rhs: ZMQVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }
}

/// The version of the libzmq linked at run time (`ZeroMQ.version`).
public var version: ZMQVersion {
    var major: Int32 = 0
    var minor: Int32 = 0
    var patch: Int32 = 0
    zmq_version(&major, &minor, &patch)
    return ZMQVersion(major: Int(major), minor: Int(minor), patch: Int(patch))
}

/// Whether the linked libzmq supports CURVE security (`ZeroMQ.hasCurve`).
public var hasCurve: Bool { zmq_has("curve") != 0 }
