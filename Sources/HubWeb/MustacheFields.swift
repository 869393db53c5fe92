import Mustache

/// A view model's fields read once through Mirror, for a template that looks them up many
/// times: Mirror builds the box of every field for each lookup (`{{frame.t.…}}` alone is
/// looked up dozens of times a page). A field is wrapped the first time it is looked up:
/// nested structs are read the same way, values that answer lookups themselves (the row
/// types of MustacheRows, dictionaries) are kept as they are. A lookup answers what Mirror
/// would: the field's value, an optional unwrapped, nil for none. One render's, not shared.
final class MustacheFields: MustacheParent {
    private let fields: [String: Any]
    private var wrappedFields: [String: Any] = [:]

    init(_ model: Any) {
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: model).children {
            guard let label = child.label, let value = Self.unwrapped(child.value) else { continue }
            fields[label] = value
        }
        self.fields = fields
    }

    func child(named name: String) -> Any? {
        if let value = wrappedFields[name] { return value }
        guard let field = fields[name] else { return nil }
        let value = Self.wrapped(field)
        wrappedFields[name] = value
        return value
    }

    private static func wrapped(_ value: Any) -> Any {
        if value is String || value is MustacheParent { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?: return MustacheFields(value)
        case .collection? where !(value is [String]): return mirror.children.map { wrapped($0.value) }
        default: return value
        }
    }

    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map(\.value)
    }
}
