extension Endpoint {
    /// A bad element of an endpoint list: the text as given and what is wrong with it.
    public struct ListProblem: Error, Sendable, Equatable {
        public var endpoint: String
        /// nil: the endpoint is well formed but listed twice.
        public var problem: Problem?

        public init(endpoint: String, problem: Problem?) {
            self.endpoint = endpoint
            self.problem = problem
        }
    }

    /// An office's hub front-ends, `tcp://A:7447,tcp://B:7447` (spaces around commas allowed):
    /// the endpoints in order, each checked as `problem(in:)`, none twice. The first bad one
    /// is thrown, so a typo gets one sentence naming it.
    public static func list(_ text: String) throws(ListProblem) -> [String] {
        var endpoints: [String] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let endpoint = String(part.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            if let problem = problem(in: endpoint) { throw ListProblem(endpoint: endpoint, problem: problem) }
            if endpoints.contains(endpoint) { throw ListProblem(endpoint: endpoint, problem: nil) }
            endpoints.append(endpoint)
        }
        return endpoints
    }

    /// The list as stored and compared: the endpoints joined by commas.
    public static func listText(_ endpoints: [String]) -> String { endpoints.joined(separator: ",") }
}
