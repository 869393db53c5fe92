import Foundation
import TaizhangCore
import TaizhangTesting

// The coverage-guided fuzzer of the wire codec (`make fuzz`): built with
// `-sanitize=fuzzer -DFUZZING`, libFuzzer drives `LLVMFuzzerTestOneInput` and grows the corpus
// under Tests/FuzzCorpus/wire. In an ordinary build the program replays a corpus instead:
// `taizhang-fuzz DIR…` checks every file and exits 1 on the first violated property;
// `taizhang-fuzz --seed DIR` writes the seed corpus (random valid messages of every type).

#if FUZZING
/// libFuzzer's entry for a program that has its own `main` (SwiftPM names an executable's
/// entry point `taizhang_fuzz_main` and points `main` at it).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("taizhang_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        let problems = WireProperties.violations(bytes)
        if !problems.isEmpty {
            FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
            abort()
        }
        return 0
    }
}
#else
@main
enum WireFuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--seed", arguments.count == 2 {
            var generator = SplitMix64(seed: 2008)
            var written = 0
            for round in 0..<40 {
                for message in WireProperties.randomMessages(&generator) {
                    let path = arguments[1] + "/seed-\(round)-\(message.typeCode)"
                    guard FileManager.default.createFile(atPath: path, contents: Data(message.encoded())) else {
                        print("cannot write \(path)")
                        exit(1)
                    }
                    written += 1
                }
            }
            print("\(written) seeds written to \(arguments[1])")
            return
        }
        var checked = 0
        for folder in arguments {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() {
                guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
                let problems = WireProperties.violations([UInt8](data))
                if !problems.isEmpty {
                    print("\(folder)/\(name): \(problems.joined(separator: "; "))")
                    exit(1)
                }
                checked += 1
            }
        }
        print("\(checked) inputs checked, every property holds")
    }
}
#endif
