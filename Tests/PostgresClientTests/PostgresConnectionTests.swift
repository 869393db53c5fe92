import PostgresClient
import PostgresTesting
import XCTest

/// The client against a real server: parameters in text and binary form, typed reads, the
/// server's errors with their SQLSTATE, and what a broken connection looks like.
final class PostgresConnectionTests: XCTestCase {
    override class func tearDown() { SharedCluster.stop() }

    func testParametersInTextAndBinaryComeBackTyped() throws {
        let connection = try SharedCluster.connect()
        try connection.execute("CREATE TABLE typed (id bigint, name text, ok boolean, hash bytea, note text)")
        try connection.execute("INSERT INTO typed VALUES ($1, $2, $3, $4, $5)",
                               [.int64(-9_000_000_000), .text("海门 office"), .bool(true), .bytes([0, 255, 7]), .null])
        for binary in [false, true] {
            let row = try connection.execute("SELECT id, name, ok, hash, note FROM typed", binaryResult: binary).singleRow()
            XCTAssertEqual(try row.int64(0), -9_000_000_000)
            XCTAssertEqual(try row.string(1), "海门 office")
            XCTAssertEqual(try row.bool(2), true)
            XCTAssertEqual(try row.bytes(3), [0, 255, 7])
            XCTAssertTrue(try row.isNull(4))
            XCTAssertEqual(try row.index(of: "hash"), 3)
        }
    }

    func testReadingAValueAsWhatItIsNotSaysWhich() throws {
        let connection = try SharedCluster.connect()
        let row = try connection.execute("SELECT 'x' AS word, NULL::bigint AS nothing").singleRow()
        XCTAssertThrowsError(try row.int64(0)) { XCTAssertEqual(($0 as? PostgresError)?.message, "column 'word' is not a whole number") }
        XCTAssertThrowsError(try row.int64(1)) { XCTAssertEqual(($0 as? PostgresError)?.message, "column 'nothing' is NULL") }
        XCTAssertThrowsError(try row.string(2)) { XCTAssertEqual(($0 as? PostgresError)?.kind, .decoding) }
    }

    func testServerErrorsCarrySQLStateMessageAndConstraint() throws {
        let connection = try SharedCluster.connect()
        try connection.execute("CREATE TABLE keyed (branch text, seq bigint, UNIQUE (branch, seq))")
        try connection.execute("INSERT INTO keyed VALUES ('a', 1)")
        XCTAssertThrowsError(try connection.execute("INSERT INTO keyed VALUES ($1, $2)", [.text("a"), .int64(1)])) {
            let error = $0 as? PostgresError
            XCTAssertEqual(error?.kind, .server)
            XCTAssertEqual(error?.isUniqueViolation, true)
            XCTAssertEqual(error?.constraint, "keyed_branch_seq_key")
            XCTAssertEqual(error?.message, "duplicate key value violates unique constraint \"keyed_branch_seq_key\"")
            XCTAssertEqual(error?.detail, "Key (branch, seq)=(a, 1) already exists.")
        }
        XCTAssertThrowsError(try connection.execute("SELEC 1")) { XCTAssertEqual(($0 as? PostgresError)?.sqlState, "42601") }
        XCTAssertEqual(try connection.execute("SELECT 1").singleRow().int64(0), 1, "an error leaves the connection usable")
    }

    func testAffectedRowsAndCommandTag() throws {
        let connection = try SharedCluster.connect()
        try connection.execute("CREATE TABLE counted (n int)")
        let insert = try connection.execute("INSERT INTO counted SELECT generate_series(1, 500)")
        XCTAssertEqual(insert.commandTag, "INSERT 0 500")
        XCTAssertEqual(insert.affectedRows, 500)
        XCTAssertEqual(try connection.execute("SELECT n FROM counted WHERE n <= 3").rows.count, 3)
    }

    func testTextHoldingNulIsRefusedBeforeSending() throws {
        let connection = try SharedCluster.connect()
        XCTAssertThrowsError(try connection.execute("SELECT $1", [.text("a\u{0}b")])) {
            XCTAssertEqual(($0 as? PostgresError)?.kind, .invalidParameter)
        }
    }

    func testNoServerIsAConnectErrorWithLibpqsReason() throws {
        _ = try SharedCluster.connect()
        // A loopback port the system just reported free: nothing listens there.
        let port = try LoopbackPort.free()
        XCTAssertThrowsError(try PostgresConnection(url: "postgresql://postgres@127.0.0.1:\(port)/postgres?connect_timeout=5")) {
            let error = $0 as? PostgresError
            XCTAssertEqual(error?.kind, .connect)
            XCTAssertTrue(error?.message.contains("Connection refused") == true, error?.message ?? "")
        }
    }

    func testATerminatedSessionIsConnectionLostAndReconnectRestoresIt() throws {
        let connection = try SharedCluster.connect(), admin = try SharedCluster.connect()
        let statement = try connection.prepare("one_more", "SELECT $1::bigint + 1")
        XCTAssertEqual(try admin.execute("SELECT pg_terminate_backend($1)", [.int32(connection.backendPID)]).singleRow().bool(0), true)
        XCTAssertThrowsError(try connection.execute("SELECT 1")) {
            XCTAssertEqual(($0 as? PostgresError)?.kind, .connectionLost, "\($0)")
        }
        XCTAssertFalse(connection.isConnected)
        try connection.reconnect()
        XCTAssertTrue(connection.isConnected)
        XCTAssertEqual(try connection.execute(statement, [.int64(41)]).singleRow().int64(0), 42, "prepared again on reconnect")
    }

    func testClosedConnectionRefusesUse() throws {
        let connection = try SharedCluster.connect()
        connection.close()
        XCTAssertThrowsError(try connection.execute("SELECT 1")) { XCTAssertEqual(($0 as? PostgresError)?.kind, .usage) }
    }
}
