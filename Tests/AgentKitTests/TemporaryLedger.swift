import AgentKit
import Foundation
import TaizhangCore
import XCTest

/// A fresh ledger folder under /tmp for each test, removed afterwards.
final class TemporaryLedger {
    let directory: AgentDirectory
    let database: AgentDatabase
    static let hubKey = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"

    init(branch: String = "sanchang") throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("taizhang-test-\(UUID().uuidString)").path
        directory = AgentDirectory(path: path)
        let setup = AgentSetup(branch: branch, name: "三厂分局", hubEndpoint: "tcp://127.0.0.1:7447", hubKey: Self.hubKey)
        database = try setup.create(in: directory).database
    }

    deinit { try? FileManager.default.removeItem(atPath: directory.path) }

    static func draft(_ material: Material, _ action: Action, item: String? = nil, quantity: Int64? = nil,
                      _ details: EntryDetails = EntryDetails(), voids: Int64? = nil) -> EntryDraft {
        EntryDraft(material: material, action: action, item: item, quantity: quantity, details: details,
                   occurredOn: CivilDate("2008-06-01")!, clerk: "tester", voids: voids)
    }
}
