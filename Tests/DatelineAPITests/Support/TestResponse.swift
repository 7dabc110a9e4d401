import Foundation
import HTTPServer
import HTTPTypes

/// A response with helpers to read its body.
struct TestResponse {
    let response: Response

    init(_ response: Response) {
        self.response = response
    }

    var status: Int { response.status.code }
    var headers: HTTPFields { response.headerFields }
    var bytes: [UInt8] { response.body.bytes ?? [] }
    var text: String { String(decoding: bytes, as: UTF8.self) }

    subscript(_ name: HTTPField.Name) -> String? { response.headerFields[name] }

    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
    }

    /// The body decoded as `T`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(bytes))
    }

    /// The body as a list envelope of `T`.
    func list<T: Decodable>(_ type: T.Type) throws -> TestList<T> {
        try decode(TestList<T>.self)
    }

    /// The ids of the items of a JSON list.
    var ids: [String] {
        (json["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    /// The `parameter` member of a problem.
    var parameter: String? { json["parameter"] as? String }
}

/// A list envelope as clients read it.
struct TestList<Item: Decodable>: Decodable {
    var data: [Item]
    var next: String?
    var total: Int
}
