import TaizhangCore

/// A value for each material, kept by the material's position: the ingest's per-batch state
/// looks one up several times per entry, and an array index costs no hashing.
struct PerMaterial<Value> {
    private var values: [Value]

    init(_ initial: Value) { values = Array(repeating: initial, count: Material.allCases.count) }

    subscript(material: Material) -> Value {
        get { values[material.ordinal] }
        // In place: a value changed through the subscript (a day's stock in a batch's
        // dictionary) is not copied out and back, which would copy the whole dictionary.
        _modify { yield &values[material.ordinal] }
    }
}
