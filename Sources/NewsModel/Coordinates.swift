/// A point on the Earth in WGS 84 degrees: `{"lat": 55.7558, "lon": 37.2197}`.
///
/// `lat` is north of the equator (negative south), from -90 to 90; `lon` is east of Greenwich
/// (negative west), from -180 to 180. Values out of those ranges, or not finite, are refused:
/// ``init(lat:lon:)`` returns nil and decoding throws.
public struct Coordinates: Codable, Sendable, Hashable {
    /// Degrees north of the equator, -90...90.
    public let lat: Double
    /// Degrees east of Greenwich, -180...180.
    public let lon: Double

    /// The latitudes a point may have.
    public static let latitudes: ClosedRange<Double> = -90...90
    /// The longitudes a point may have.
    public static let longitudes: ClosedRange<Double> = -180...180

    /// The point, or nil when `lat` or `lon` is out of range or not finite.
    public init?(lat: Double, lon: Double) {
        guard Self.latitudes.contains(lat), Self.longitudes.contains(lon) else { return nil }
        self.lat = lat
        self.lon = lon
    }

    private enum CodingKeys: String, CodingKey { case lat, lon }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let lat = try c.decode(Double.self, forKey: .lat)
        let lon = try c.decode(Double.self, forKey: .lon)
        guard let point = Coordinates(lat: lat, lon: lon) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "coordinates out of range: lat \(lat), lon \(lon)"))
        }
        self = point
    }
}
