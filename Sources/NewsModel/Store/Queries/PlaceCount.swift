/// A place events took place at, with how many of them: one point of the map.
public struct PlaceCount: Codable, Sendable, Hashable {
    /// The place's entity id (`doha`).
    public var id: String
    /// The place's name; its id when the store holds no entity of that id.
    public var name: String
    /// Where it is; nil (and left out of JSON) when the place has none.
    public var coordinates: Coordinates?
    /// How many matching events took place there.
    public var events: Int

    public init(id: String, name: String, coordinates: Coordinates? = nil, events: Int) {
        self.id = id
        self.name = name
        self.coordinates = coordinates
        self.events = events
    }
}
