import PostgresClient
import PostgresTesting
import XCTest

/// Transactions and prepared statements: a value only once COMMIT said so, a rollback on
/// every other path, and a failed statement inside a transaction never reported committed.
final class TransactionTests: XCTestCase {
    override class func tearDown() { SharedCluster.stop() }

    func testTransactionCommitsItsRows() throws {
        let connection = try SharedCluster.connect()
        try connection.execute("CREATE TABLE committed (n int)")
        let count = try connection.transaction { connection in
            try connection.execute("INSERT INTO committed SELECT generate_series(1, 500)").affectedRows
        }
        XCTAssertEqual(count, 500)
        XCTAssertFalse(connection.isInTransaction)
        let other = try SharedCluster.connect()
        XCTAssertEqual(try other.execute("SELECT count(*) FROM committed").singleRow().int64(0), 500)
    }

    func testAnErrorThrownInsideRollsBack() throws {
        let connection = try SharedCluster.connect()
        try connection.execute("CREATE TABLE rolled (n int)")
        struct Refused: Error {}
        XCTAssertThrowsError(try connection.transaction { connection in
            try connection.execute("INSERT INTO rolled VALUES (1)")
            throw Refused()
        }) { XCTAssertTrue($0 is Refused) }
        XCTAssertFalse(connection.isInTransaction)
        XCTAssertEqual(try connection.execute("SELECT count(*) FROM rolled").singleRow().int64(0), 0)
    }

    func testCommitAfterACaughtFailureReportsRolledBack() throws {
        let connection = try SharedCluster.connect()
        try connection.execute("CREATE TABLE once (seq bigint PRIMARY KEY)")
        XCTAssertThrowsError(try connection.transaction { connection in
            try connection.execute("INSERT INTO once VALUES (1)")
            do { try connection.execute("INSERT INTO once VALUES (1)") } catch {}  // swallowed by mistake
        }) { XCTAssertEqual(($0 as? PostgresError)?.kind, .rolledBack) }
        XCTAssertEqual(try connection.execute("SELECT count(*) FROM once").singleRow().int64(0), 0)
    }

    func testBeginInsideATransactionIsRefused() throws {
        let connection = try SharedCluster.connect()
        try connection.begin(.serializable)
        XCTAssertEqual(try connection.execute("SHOW transaction_isolation").singleRow().string(0), "serializable")
        XCTAssertThrowsError(try connection.begin()) { XCTAssertEqual(($0 as? PostgresError)?.kind, .usage) }
        try connection.commit()
        XCTAssertThrowsError(try connection.commit()) { XCTAssertEqual(($0 as? PostgresError)?.kind, .usage) }
    }

    func testPreparedStatementRunsWithNewParametersAndChecksTheirCount() throws {
        let connection = try SharedCluster.connect()
        try connection.execute("CREATE TABLE prepared_rows (branch text, seq bigint, hash bytea)")
        let insert = try connection.prepare("insert_row", "INSERT INTO prepared_rows VALUES ($1, $2, $3)", types: [nil, .int8, .bytea])
        XCTAssertEqual(insert.parameterCount, 3)
        for seq in 1...3 { try connection.execute(insert, [.text("b"), .int64(Int64(seq)), .bytes([UInt8(seq)])]) }
        XCTAssertThrowsError(try connection.execute(insert, [.text("b")])) {
            XCTAssertEqual(($0 as? PostgresError)?.message, "statement 'insert_row' takes 3 parameters, 1 were given")
        }
        let rows = try connection.execute("SELECT seq, hash FROM prepared_rows ORDER BY seq", binaryResult: true).rows
        XCTAssertEqual(try rows.map { try $0.int64(0) }, [1, 2, 3])
        XCTAssertEqual(try rows.map { try $0.bytes(1) }, [[1], [2], [3]])
        try connection.deallocate(insert)
        XCTAssertThrowsError(try connection.execute(insert, [.text("b"), .int64(4), .bytes([4])])) {
            XCTAssertEqual(($0 as? PostgresError)?.sqlState, "26000", "invalid_sql_statement_name: deallocated")
        }
    }
}
