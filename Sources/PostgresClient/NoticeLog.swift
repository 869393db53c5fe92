import CLibPQ

/// A notice or warning the server sent beside a result (`WARNING`, `NOTICE`…), kept instead
/// of libpq's default of printing it on stderr.
public struct PostgresNotice: Sendable, Equatable {
    /// Untranslated: `WARNING`, `NOTICE`, `INFO`, `DEBUG`, `LOG`.
    public let severity: String
    public let sqlState: String?
    public let message: String
    public let detail: String?
}

/// The connection's recent notices, filled by libpq's notice receiver on the thread running
/// the statement (so it needs no lock: the connection is used by one thread at a time).
final class NoticeLog {
    private(set) var recent: [PostgresNotice] = []
    /// Notices received since the connection opened, for `since(_:)`.
    private(set) var total = 0

    func install(on connection: OpaquePointer) {
        _ = PQsetNoticeReceiver(connection, { context, result in
            guard let context, let result else { return }
            func field(_ code: UInt8) -> String? {
                PQresultErrorField(result, Int32(code)).map { String(cString: $0) }
            }
            let notice = PostgresNotice(
                severity: field(UInt8(ascii: "V")) ?? field(UInt8(ascii: "S")) ?? "NOTICE",
                sqlState: field(UInt8(ascii: "C")), message: field(UInt8(ascii: "M")) ?? "",
                detail: field(UInt8(ascii: "D"))
            )
            Unmanaged<NoticeLog>.fromOpaque(context).takeUnretainedValue().add(notice)
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    func add(_ notice: PostgresNotice) {
        total += 1
        recent.append(notice)
        if recent.count > 100 { recent.removeFirst(recent.count - 100) }
    }

    /// The notices received after `mark` (an earlier `total`).
    func since(_ mark: Int) -> [PostgresNotice] {
        Array(recent.suffix(min(total - mark, recent.count)))
    }
}

extension PostgresConnection {
    /// The last notices and warnings the server sent (at most 100).
    public var recentNotices: [PostgresNotice] { notices.recent }
}
