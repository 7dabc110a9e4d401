import HTTPServer
import Hashing

/// Encodable values of many shapes, for comparing encoders.
enum EncodingFixtures {
    enum Color: String, Codable, CaseIterable {
        case red, green, darkBlue
    }

    enum Level: Int, Codable, CaseIterable {
        case low = 1
        case high = 10
    }

    /// Synthesized coding of cases with values writes nested keyed containers.
    enum Shape: Codable {
        case circle(radius: Double)
        case square(Double)
        case point
        case labelled(String, count: Int)
    }

    /// Every number type a container has a method for.
    struct Numbers: Encodable {
        var int = Int.min
        var int8 = Int8.min
        var int16 = Int16.min
        var int32 = Int32.min
        var int64 = Int64.min
        var int128 = Int128.min
        var uint = UInt.max
        var uint8 = UInt8.max
        var uint16 = UInt16.max
        var uint32 = UInt32.max
        var uint64 = UInt64.max
        var uint128 = UInt128.max
        var float: Float = 0.1
        var double = 0.1
        var ints8: [Int8] = [-1, 0, 1]
        var uints16: [UInt16] = [0, 65_535]
        var floats: [Float] = [1, 0.5, 1e10]
    }

    /// Optionals, arrays, dictionaries, enums and recursion, in declaration order unlike key order.
    struct Record: Encodable {
        var zeta: String
        var title: String?
        var note: String?
        var tags: [String]
        var scores: [Double]
        var counts: [Int]
        var flags: [Bool]
        var color: Color
        var level: Level?
        var shapes: [Shape]
        var lookup: [String: Int]
        var byNumber: [Int: String]
        var byLevel: [Level: Color]
        var grid: [[Int]]
        var rows: [[String: Double]]
        var children: [Record]
        var value: JSONValue
        var alpha: Bool

        static func random(depth: Int, using generator: inout SplitMix64) -> Record {
            func string() -> String { JSONValue.randomString(using: &generator) }
            func double() -> Double { JSONValue.randomDouble(using: &generator) }
            func count(_ most: Int) -> Int { Int.random(in: 0...most, using: &generator) }
            return Record(
                zeta: string(), title: Bool.random(using: &generator) ? string() : nil, note: nil,
                tags: (0..<count(3)).map { _ in string() }, scores: (0..<count(3)).map { _ in double() },
                counts: (0..<count(3)).map { _ in Int.random(in: .min ... .max, using: &generator) },
                flags: (0..<count(2)).map { _ in Bool.random(using: &generator) },
                color: Color.allCases.randomElement(using: &generator)!, level: Level.allCases.randomElement(using: &generator),
                shapes: (0..<count(3)).map { _ in
                    [Shape.circle(radius: double()), .square(double()), .point, .labelled(string(), count: count(9))]
                        .randomElement(using: &generator)!
                },
                lookup: Dictionary((0..<count(4)).map { _ in (string(), count(100)) }, uniquingKeysWith: { _, last in last }),
                byNumber: Dictionary(
                    (0..<count(4)).map { _ in (Int.random(in: -20...20, using: &generator), string()) },
                    uniquingKeysWith: { _, last in last }),
                byLevel: Bool.random(using: &generator) ? [.low: .red, .high: .darkBlue] : [:],
                grid: (0..<count(2)).map { _ in (0..<count(3)).map { _ in count(1000) } },
                rows: (0..<count(2)).map { _ in [string(): double(), "k": double()] },
                children: depth > 0 ? (0..<count(2)).map { _ in random(depth: depth - 1, using: &generator) } : [],
                value: JSONValue.random(depth: 2, using: &generator), alpha: Bool.random(using: &generator))
        }
    }

    /// `encodeNil` writes `null`; `encodeIfPresent` leaves the key out.
    struct Nils: Encodable {
        enum CodingKeys: String, CodingKey {
            case written, skipped, present, list
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeNil(forKey: .written)
            try container.encodeIfPresent(String?.none, forKey: .skipped)
            try container.encodeIfPresent(Int?.some(1), forKey: .present)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encodeNil()
        }
    }

    /// Encodes nothing at all: `{}` when nested, an error at the top level.
    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    /// Opens a keyed container and writes nothing into it.
    struct EmptyObject: Encodable {
        enum CodingKeys: CodingKey {}

        func encode(to encoder: any Encoder) throws {
            _ = encoder.container(keyedBy: CodingKeys.self)
        }
    }

    /// Writes one key twice: the last value stays.
    struct Twice: Encodable {
        enum CodingKeys: String, CodingKey {
            case b, a
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(1, forKey: .b)
            try container.encode("first", forKey: .a)
            try container.encode(["second"], forKey: .a)
            try container.encode(2, forKey: .b)
        }
    }

    /// Nested containers written to out of order, one of them asked for twice.
    struct Nested: Encodable {
        enum CodingKeys: String, CodingKey {
            case b, a, c
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            var inner = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .b)
            try container.encode(1, forKey: .c)
            try inner.encode(2, forKey: .c)
            try inner.encode(3, forKey: .a)
            var again = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .b)
            try again.encode(4, forKey: .b)
            var list = container.nestedUnkeyedContainer(forKey: .a)
            try list.encode(1)
            var innerList = list.nestedUnkeyedContainer()
            try list.encode(2)
            try innerList.encode(3)
            var object = list.nestedContainer(keyedBy: CodingKeys.self)
            try list.encode(Nothing())
            try object.encode(true, forKey: .a)
        }
    }

    /// A super encoder of an array takes the place it was made at.
    struct ArraySuper: Encodable {
        func encode(to encoder: any Encoder) throws {
            var list = encoder.unkeyedContainer()
            try list.encode(1)
            let superEncoder = list.superEncoder()
            var single = superEncoder.singleValueContainer()
            try list.encode(2)
            try single.encode("super")
            try list.encode(3)
            _ = list.superEncoder()
        }
    }

    class Base: Encodable {
        var name = "base"
        var size = 1.5
    }

    /// Encodes its superclass through `superEncoder()` and `superEncoder(forKey:)`.
    final class Derived: Base {
        enum CodingKeys: String, CodingKey {
            case extra, parent
        }

        var extra = [1, 2]

        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(extra, forKey: .extra)
            try super.encode(to: container.superEncoder())
            try super.encode(to: container.superEncoder(forKey: .parent))
        }
    }

    /// Encodes another value through a single-value container.
    struct Wrapper<Wrapped: Encodable>: Encodable {
        var wrapped: Wrapped

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(wrapped)
        }
    }

    /// Catches the error of one member and goes on: the member leaves no trace.
    struct Recovering: Encodable {
        enum CodingKeys: String, CodingKey {
            case a, b, c
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(1, forKey: .c)
            try? container.encode(Double.nan, forKey: .a)
            try? container.encode([Wrapper(wrapped: ["x": 1.0, "y": .infinity])], forKey: .a)
            try container.encode(2, forKey: .b)
            var list = container.nestedUnkeyedContainer(forKey: .a)
            try? list.encode(Float.nan)
            try list.encode(3)
        }
    }

    /// `leaf` inside arrays nested `depth` deep.
    struct Deep<Leaf: Encodable>: Encodable {
        var depth: Int
        var leaf: Leaf

        func encode(to encoder: any Encoder) throws {
            guard depth > 0 else {
                var single = encoder.singleValueContainer()
                try single.encode(leaf)
                return
            }
            var list = encoder.unkeyedContainer()
            try list.encode(Deep(depth: depth - 1, leaf: leaf))
        }
    }
}
