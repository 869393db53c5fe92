import TaizhangCore

/// What the hub answers a HELLO, decided from what it holds (docs/PROTOCOL.md, "Greeting"):
/// pure, so that every case is unit-tested without a database or a socket.
enum GreetingDecision: Equatable {
    /// Nothing held yet: this ledger takes the branch.
    case bind
    /// Same ledger and the chains agree at the shorter length: resume.
    case welcome
    /// Another incarnation, while the hub holds entries from the bound one.
    case otherIncarnation(bound: String)
    /// The office's ledger is a true prefix of the hub's copy: restored from an older backup.
    case behind
    /// The chains differ at `seq`: the ledgers diverged there or earlier.
    case diverged(atOrBefore: Int64)

    /// `hubChain(seq)` is the hub's chain at a seq it holds; `agentChain` nil skips the chain
    /// check (in-process callers that have no chain to offer).
    /// `genesis` is chain(0) for the branch and HELLO's incarnation.
    static func decide(held: Int64, bound: String?, incarnation: String, agentLastSeq: Int64,
                       agentChain: [UInt8]?, genesis: [UInt8], hubChain: (Int64) throws -> [UInt8]) rethrows -> GreetingDecision {
        guard let bound, held > 0 else {
            // An empty ledger's head is its genesis; any other chain at seq 0 is not this branch's ledger.
            if let agentChain, agentLastSeq == 0, agentChain != genesis { return .diverged(atOrBefore: 0) }
            return .bind
        }
        guard bound == incarnation else { return .otherIncarnation(bound: bound) }
        // The side that holds more checks its own chain at the other's seq; at equal length
        // both heads must be equal. When the office holds more, the agent checks WELCOME's
        // chain and its first BATCH is anchored at the hub's seq, where the hub checks it.
        let depth = min(held, agentLastSeq)
        if let agentChain, agentLastSeq <= held, try hubChain(depth) != agentChain {
            return .diverged(atOrBefore: depth)
        }
        return agentLastSeq < held ? .behind : .welcome
    }
}
