import Foundation

/// Checks JSON values against the subset of JSON Schema the OpenAPI document uses: `$ref`,
/// `type` (one or a list), `properties`, `required`, `additionalProperties: false`, `items`,
/// `enum`, `minimum`, `maximum` and `minLength`. Returns what is wrong, empty when nothing is.
struct SchemaValidator {
    let schemas: [String: Any]

    init(document: [String: Any]) {
        schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
    }

    func problems(_ value: Any, against schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = schemas[name] as? [String: Any] else { return ["\(path): unknown \(ref)"] }
            return problems(value, against: target, at: path)
        }
        var found: [String] = []
        if let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map({ [$0] }),
            !types.contains(where: { Self.matches(value, type: $0) })
        {
            return ["\(path): \(value) is not \(types)"]
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            found.append("\(path): \(value) is not among \(options)")
        }
        if let number = value as? Double {
            if let minimum = schema["minimum"] as? Double, number < minimum { found.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number > maximum { found.append("\(path): above \(maximum)") }
        }
        if let text = value as? String, let minLength = schema["minLength"] as? Int, text.count < minLength {
            found.append("\(path): shorter than \(minLength)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                found.append("\(path): missing \(name)")
            }
            for (name, member) in object {
                if let property = properties[name] as? [String: Any] {
                    found += problems(member, against: property, at: "\(path).\(name)")
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): unexpected \(name)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() {
                found += problems(item, against: items, at: "\(path)[\(index)]")
            }
        }
        return found
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return value is Bool
        case "integer", "number":
            guard let number = value as? NSNumber else { return false }
            return type == "number" || number.doubleValue.rounded() == number.doubleValue
        default: return false
        }
    }
}
