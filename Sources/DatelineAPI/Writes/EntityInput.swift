import HTTPServer
import NewsModel

/// An entity as a write's body gives it:
/// `{name, type, aliases?, description?, wikidataId?, coordinates?: {lat, lon}, id?}`.
///
/// `mentionCount` and `articleIds` may be present (a GET body sent back whole) and are ignored:
/// the store counts them from the articles it holds. So is `extractorVersion`: an entity written
/// through the API is the editor's, and re-extraction leaves it alone.
enum EntityInput {
    static let fields: Set<String> = [
        "id", "name", "type", "aliases", "description", "wikidataId", "coordinates", "mentionCount", "articleIds",
        "extractorVersion",
    ]
    /// The members of `coordinates`.
    static let coordinateFields: Set<String> = ["lat", "lon"]

    /// Reads and checks an entity. `pathID` is the id of the path (PUT, PATCH): a body `id`
    /// must then equal it. Without one (POST) the id is the body's, or the slug of the name.
    static func read(_ body: JSONValue, pathID: String?) throws(HTTPError) -> Entity {
        var validator = FieldValidator()
        guard let object = validator.object(body, "") else {
            try validator.check()
            preconditionFailure("a missing object is an error")
        }
        validator.onlyKnown(object, fields)
        let name = validator.string(object["name"], "name", maxLength: 500)
        let type = validator.choice(object["type"], "type", EntityType.self)
        let aliases = validator.strings(object["aliases"], "aliases", required: false) ?? []
        let description = validator.string(object["description"], "description", required: false, maxLength: 10_000)
        let wikidataId = validator.string(object["wikidataId"], "wikidataId", required: false)
        if let wikidataId, !isWikidataID(wikidataId) {
            validator.fail("wikidataId", "must be a Wikidata item id like Q7747, got \"\(wikidataId)\".")
        }
        let coordinates = readCoordinates(object["coordinates"], &validator)
        let bodyID = validator.id(object["id"], "id", required: false)
        // Read-only, yet still checked: a body that could not have come from a GET is wrong.
        _ = validator.integer(object["mentionCount"], "mentionCount", required: false)
        _ = validator.strings(object["articleIds"], "articleIds", required: false)
        _ = validator.string(object["extractorVersion"], "extractorVersion", required: false, allowEmpty: true)
        if let pathID, let bodyID, bodyID != pathID {
            validator.fail("id", "must be the id of the path, \"\(pathID)\", got \"\(bodyID)\".")
        }
        if let pathID, !FieldValidator.isSlug(pathID) {
            validator.fail("id", "the path's id must be a slug of lower-case letters, digits and single dashes, got \"\(pathID)\".")
        }
        try validator.check()
        guard let name, let type else { preconditionFailure("checked above") }
        let id = pathID ?? bodyID ?? Slug.make(name)
        return Entity(
            id: id, name: name, type: type, aliases: aliases.filter { $0 != name }, description: description,
            wikidataId: wikidataId, coordinates: coordinates)
    }

    /// `coordinates`, when present: an object of a `lat` from -90 to 90 and a `lon` from -180
    /// to 180, each field's fault noted under its own name (`coordinates.lat`).
    static func readCoordinates(_ value: JSONValue?, _ validator: inout FieldValidator) -> Coordinates? {
        guard let members = validator.object(value, "coordinates", required: false) else { return nil }
        validator.onlyKnown(members, coordinateFields, prefix: "coordinates")
        let lat = validator.number(members["lat"], "coordinates.lat", in: Coordinates.latitudes)
        let lon = validator.number(members["lon"], "coordinates.lon", in: Coordinates.longitudes)
        guard let lat, let lon else { return nil }
        return Coordinates(lat: lat, lon: lon)
    }

    static func isWikidataID(_ text: String) -> Bool {
        let digits = text.utf8.dropFirst()
        return text.utf8.first == UInt8(ascii: "Q") && !digits.isEmpty && digits.count <= 12
            && digits.first != UInt8(ascii: "0") && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
