import PostgresClient
import PostgresTesting
import XCTest

/// One PostgreSQL cluster for the tests of a class that do not need one of their own (each
/// uses its own table names); started by the first test, stopped by the class's tearDown.
enum SharedCluster {
    nonisolated(unsafe) private static var cluster: PostgresCluster?

    static func connect() throws -> PostgresConnection {
        if cluster == nil { cluster = try PostgresCluster { XCTSkip($0) } }
        guard let cluster else { throw PostgresTestFailure("no cluster") }
        return try cluster.primary.connect()
    }

    static var primaryURL: String { cluster?.primary.url() ?? "" }

    static func stop() { cluster = nil }
}
