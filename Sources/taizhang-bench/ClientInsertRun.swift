import Foundation
import PostgresClient

/// Entry-shaped rows inserted through PostgresClient from `clients` connections, each on its
/// own thread, for a fixed time: BEGIN, one prepared 500-row INSERT … VALUES, COMMIT.
struct ClientInsertRun {
    let rows: Int64
    let seconds: Double

    static func run(url: String, clients: Int, seconds: Double) throws -> ClientInsertRun {
        let tally = Tally()
        let start = Date()
        let deadline = start.addingTimeInterval(seconds)
        let done = DispatchGroup()
        for client in 1...clients {
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                do { tally.add(rows: try insertUntil(deadline, url: url, branch: "client-\(client)")) } catch { tally.fail("\(error)") }
            }
            thread.start()
        }
        guard done.wait(timeout: .now() + seconds + 300) == .success else {
            throw PostgresClientBenchFailure(description: "the client threads did not finish within \(Int(seconds) + 300) s")
        }
        if let failure = tally.failure { throw PostgresClientBenchFailure(description: "a client connection failed: \(failure)") }
        return ClientInsertRun(rows: tally.rows, seconds: Date().timeIntervalSince(start))
    }

    static func insertUntil(_ deadline: Date, url: String, branch: String) throws -> Int64 {
        let connection = try PostgresConnection(url: url)
        let rows = PostgresCases.rowsPerTransaction
        let placeholders = (0..<rows).map { row in
            "(" + (1...9).map { "$\(row * 9 + $0)" }.joined(separator: ", ") + ")"
        }.joined(separator: ", ")
        let types: [PostgresType?] = [nil, .int8, nil, nil, nil, .int8, nil, nil, .bytea]
        let insert = try connection.prepare("insert_entries", "INSERT INTO entry (\(EntryTable.columns)) VALUES " + placeholders,
                                            types: Array(repeating: types, count: rows).flatMap { $0 })
        var seq: Int64 = 0
        var inserted: Int64 = 0
        var parameters: [PostgresValue] = []
        parameters.reserveCapacity(rows * 9)
        while Date() < deadline {
            parameters.removeAll(keepingCapacity: true)
            for _ in 0..<rows {
                seq += 1
                let day = 1 + Int(seq % 28)
                parameters += [
                    .text(branch), .int64(seq), .text("guide"), .text("receive"), .text("G-\(seq % 500)"),
                    .int64(1 + seq % 97), .text("{\"reason\":\"bench\"}"), .text("2026-11-\(day < 10 ? "0" : "")\(day)"),
                    .bytes(hash(seq)),
                ]
            }
            try connection.transaction { try $0.execute(insert, parameters) }
            inserted += Int64(rows)
        }
        return inserted
    }

    /// 32 bytes standing in for an entry's chain hash (the client's cost, not SHA-256's).
    static func hash(_ seq: Int64) -> [UInt8] {
        var state = UInt64(bitPattern: seq) &* 0x9E37_79B9_7F4A_7C15
        return (0..<32).map { _ in
            state ^= state >> 29
            state = state &* 0xBF58_476D_1CE4_E5B9
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }
}

/// Rows committed and the first failure, from every client thread.
final class Tally: @unchecked Sendable {
    // Safe: every property is read and written under `lock`.
    private let lock = NSLock()
    private var total: Int64 = 0
    private var firstFailure: String?

    func add(rows: Int64) { lock.withLock { total += rows } }
    func fail(_ reason: String) { lock.withLock { if firstFailure == nil { firstFailure = reason } } }
    var rows: Int64 { lock.withLock { total } }
    var failure: String? { lock.withLock { firstFailure } }
}

struct PostgresClientBenchFailure: Error, CustomStringConvertible {
    let description: String
}
