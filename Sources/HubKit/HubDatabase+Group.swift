import GRDB

extension HubDatabase {
    /// Runs `body` in one IMMEDIATE transaction in which every `write` made on this thread is a
    /// savepoint of it and every `read` sees its writes: `serve` stores the batches waiting on
    /// its socket together, with one commit — one fsync — for all of them. A write that fails
    /// inside rolls back its own savepoint only. Nothing is durable before this returns, so the
    /// caller sends no reply before; if it throws, nothing of the group was stored.
    public func group(_ body: () throws -> Void) throws {
        try Self.translatingErrors(path: path) {
            try queue.inTransaction(.immediate) { db in
                try Self.$openGroup.withValue(OpenGroup(db: db, queue: ObjectIdentifier(queue))) { try body() }
                return .commit
            }
        }
    }

    /// The group transaction this thread is inside, if it is one of this database's.
    var groupDatabase: Database? {
        guard let group = Self.openGroup, group.queue == ObjectIdentifier(queue) else { return nil }
        return group.db
    }

    /// Only the thread that opened the group sees it (a task-local read outside any task is
    /// the thread's), so the ZAP handler's thread still waits for the group to commit.
    final class OpenGroup: @unchecked Sendable {
        let db: Database
        let queue: ObjectIdentifier
        init(db: Database, queue: ObjectIdentifier) {
            self.db = db
            self.queue = queue
        }
    }

    @TaskLocal static var openGroup: OpenGroup?
}
