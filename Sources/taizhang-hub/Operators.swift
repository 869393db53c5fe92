import ArgumentParser
import HubKit
import HummingbirdBcrypt
import TaizhangCore
import TaizhangText

extension TaizhangHub {
    struct Operators: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "operator",
            abstract: "The dashboard's operators: add, list, remove, change a password, read the login log.",
            discussion: """
                Roles: viewer, operator, admin (the dashboard is read-only for every role for now).
                Passwords are stored as bcrypt hashes; 10 to 72 bytes.

                Example:
                  taizhang-hub operator add --login wang --role viewer
                  printf '%s\\n' 'a long passphrase' | taizhang-hub operator add --login li --role admin --password-stdin
                  taizhang-hub operator log
                """,
            subcommands: [Add.self, List.self, Remove.self, Passwd.self, Log.self])
    }
}

/// `--password-stdin`: one line from standard input; else typed twice on the terminal.
struct PasswordOptions: ParsableArguments {
    @Flag(name: .customLong("password-stdin"), help: "Read the password as one line from standard input.")
    var passwordStdin = false

    func password() throws -> String {
        let password: String
        if passwordStdin {
            guard let line = readLine(strippingNewline: true) else {
                StandardStream.printError("taizhang-hub: no password on standard input; send it as one line")
                throw ExitCode(1)
            }
            password = line
        } else {
            guard let first = PasswordPrompt.read("Password: "), let second = PasswordPrompt.read("Again: ") else {
                StandardStream.printError("taizhang-hub: no terminal to type the password on; use --password-stdin")
                throw ExitCode(1)
            }
            guard first == second else {
                StandardStream.printError("taizhang-hub: the two passwords differ; nothing was changed")
                throw ExitCode(1)
            }
            password = first
        }
        guard (10...72).contains(password.utf8.count) else { throw OperatorError.weakPassword }
        return password
    }
}

extension TaizhangHub.Operators {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an operator.",
            discussion: "Example:\n  taizhang-hub operator add --login wang --role viewer")
        @Option(help: "The login: lower-case letters, digits, '.', '_', '-'.") var login: String
        @Option(help: "viewer, operator or admin.") var role: Operator.Role
        @OptionGroup var password: PasswordOptions
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                guard Operator.isValidLogin(login) else { throw OperatorError.invalidLogin(login) }
                let database = try HubDirectory.resolve(data.data).open()
                if try database.operatorCredentials(login: login) != nil { throw OperatorError.exists(login) }
                let hash = Bcrypt.hash(try password.password())
                try database.addOperator(login: login, role: role, passwordHash: hash, at: .now())
                print("Added operator '\(login)' (\(role.rawValue)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the operators.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                let operators = try HubDirectory.resolve(data.data).open().operators()
                if json {
                    print(JSONValue.array(operators.map { person in
                        .object([("login", .string(person.login)), ("role", .string(person.role.rawValue)),
                                 ("createdAt", .string(person.createdAt.description)),
                                 ("passwordChangedAt", .string(person.passwordChangedAt.description))])
                    }).rendered())
                } else if operators.isEmpty {
                    print("No operator yet; add one with 'taizhang-hub operator add --login NAME --role viewer'.")
                } else {
                    var table = TextTable([.init("Login"), .init("Role"), .init("Created"), .init("Password changed")])
                    for person in operators {
                        table.append([person.login, person.role.rawValue, person.createdAt.description, person.passwordChangedAt.description])
                    }
                    print(table.render(), terminator: "")
                }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an operator and end their sessions.")
        @Option(help: "The login.") var login: String
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                try HubDirectory.resolve(data.data).open().removeOperator(login: login)
                print("Removed operator '\(login)'.")
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set an operator's password (ends their sessions).")
        @Option(help: "The login.") var login: String
        @OptionGroup var password: PasswordOptions
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                let database = try HubDirectory.resolve(data.data).open()
                guard try database.operatorCredentials(login: login) != nil else { throw OperatorError.unknown(login) }
                try database.setOperatorPassword(login: login, passwordHash: Bcrypt.hash(try password.password()), at: .now())
                print("Changed the password of '\(login)'.")
            }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every login, failure, lockout and logout, newest first.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                let log = try HubDirectory.resolve(data.data).open().operatorLog()
                if json {
                    print(JSONValue.array(log.map { line in
                        .object([("login", .string(line.login)), ("at", .string(line.at.description)),
                                 ("address", .string(line.address)), ("outcome", .string(line.outcome.rawValue))])
                    }).rendered())
                } else {
                    var table = TextTable([.init("At"), .init("Login"), .init("Outcome"), .init("Address")])
                    for line in log { table.append([line.at.description, line.login, line.outcome.rawValue, line.address]) }
                    print(table.render(), terminator: "")
                }
            }
        }
    }
}

extension Operator.Role: ExpressibleByArgument {}
