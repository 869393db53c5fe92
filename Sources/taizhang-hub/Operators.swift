import ArgumentParser
import HubKit
import HummingbirdBcrypt
import TaizhangCore
import TaizhangText

extension TaizhangHub {
    struct Operators: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "operator",
            abstract: Message.operatorAbstract(), discussion: Message.operatorDiscussion(),
            subcommands: [Add.self, List.self, Remove.self, Passwd.self, Log.self])
    }
}

/// `--password-stdin`: one line from standard input; else typed twice on the terminal.
struct PasswordOptions: ParsableArguments {
    @Flag(name: .customLong("password-stdin"), help: ArgumentHelp(Message.optPasswordStdin()))
    var passwordStdin = false

    func password() throws -> String {
        let password: String
        if passwordStdin {
            guard let line = readLine(strippingNewline: true) else {
                Failure.say(Message.errNoPasswordOnStdin())
                throw ExitCode(1)
            }
            password = line
        } else {
            guard let first = PasswordPrompt.read(Message.promptPassword()), let second = PasswordPrompt.read(Message.promptAgain()) else {
                Failure.say(Message.errNoTerminalForPassword())
                throw ExitCode(1)
            }
            guard first == second else {
                Failure.say(Message.errPasswordsDiffer())
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
        static let configuration = CommandConfiguration(abstract: Message.operatorAddAbstract(), discussion: Message.operatorAddDiscussion())
        @Option(help: ArgumentHelp(Message.optOperatorLogin())) var login: String
        @Option(help: ArgumentHelp(Message.optOperatorRole())) var role: Operator.Role
        @OptionGroup var password: PasswordOptions
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                guard Operator.isValidLogin(login) else { throw OperatorError.invalidLogin(login) }
                let database = try HubDirectory.resolve(data.data).open()
                if try database.operatorCredentials(login: login) != nil { throw OperatorError.exists(login) }
                let hash = Bcrypt.hash(try password.password())
                try database.addOperator(login: login, role: role, passwordHash: hash, at: .now())
                print(Message.operatorAdded(login, role.rawValue))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Message.operatorListAbstract())
        @Flag(help: ArgumentHelp(Message.optPrintJSON())) var json = false
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
                    print(Message.operatorsNone())
                } else {
                    var table = TextTable([.init(Message.colLogin()), .init(Message.colRole()), .init(Message.colCreated()), .init(Message.colPasswordChanged())])
                    let zone = data.timeZone
                    for person in operators {
                        table.append([person.login, person.role.rawValue, zone.clockTime(at: person.createdAt), zone.clockTime(at: person.passwordChangedAt)])
                    }
                    print(table.render(), terminator: "")
                }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Message.operatorRemoveAbstract())
        @Option(help: ArgumentHelp(Message.optOperatorLoginOnly())) var login: String
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                try HubDirectory.resolve(data.data).open().removeOperator(login: login)
                print(Message.operatorRemoved(login))
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Message.operatorPasswdAbstract())
        @Option(help: ArgumentHelp(Message.optOperatorLoginOnly())) var login: String
        @OptionGroup var password: PasswordOptions
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                let database = try HubDirectory.resolve(data.data).open()
                guard try database.operatorCredentials(login: login) != nil else { throw OperatorError.unknown(login) }
                try database.setOperatorPassword(login: login, passwordHash: Bcrypt.hash(try password.password()), at: .now())
                print(Message.operatorPasswdDone(login))
            }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Message.operatorLogAbstract())
        @Flag(help: ArgumentHelp(Message.optPrintJSON())) var json = false
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
                    var table = TextTable([.init(Message.colAt()), .init(Message.colLogin()), .init(Message.colOutcome()), .init(Message.colAddress())])
                    let zone = data.timeZone
                    for line in log { table.append([zone.clockTime(at: line.at), line.login, Self.outcome(line.outcome), line.address]) }
                    print(table.render(), terminator: "")
                }
            }
        }
    }
}

extension TaizhangHub.Operators.Log {
    static func outcome(_ outcome: OperatorLogin.Outcome) -> String {
        switch outcome {
        case .success: Message.outcomeSuccess()
        case .failure: Message.outcomeFailure()
        case .locked: Message.outcomeLocked()
        case .logout: Message.outcomeLogout()
        }
    }
}

extension Operator.Role: ExpressibleByArgument {}
