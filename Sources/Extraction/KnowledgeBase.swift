public import FoundationEssentials
public import NewsModel

/// Well-known entities and a place gazetteer that the linker matches names against.
///
/// ``init(directory:)`` loads `knowledge.json` (people, organizations and places written by
/// hand) and `places.tsv` (countries, US states, continents and cities from GeoNames, CC BY 4.0)
/// from a folder: the repository's `data/knowledge`. Lookups are exact on the written name or alias.
public struct KnowledgeBase: Sendable {
    /// One well-known entity.
    public struct Entry: Codable, Sendable, Hashable {
        public var name: String
        public var type: EntityType
        public var aliases: [String]
        /// Adjectives and nouns of people that name the place (`Russian`, `Russians`).
        public var demonyms: [String]
        public var description: String?
        public var wikidata: String?
        /// Where the place is (`{"lat": 55.7558, "lon": 37.2197}`), for places the gazetteer lacks.
        public var coordinates: Coordinates?

        public init(
            name: String, type: EntityType, aliases: [String] = [], demonyms: [String] = [],
            description: String? = nil, wikidata: String? = nil, coordinates: Coordinates? = nil
        ) {
            self.name = name
            self.type = type
            self.aliases = aliases
            self.demonyms = demonyms
            self.description = description
            self.wikidata = wikidata
            self.coordinates = coordinates
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            type = try c.decode(EntityType.self, forKey: .type)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
            demonyms = try c.decodeIfPresent([String].self, forKey: .demonyms) ?? []
            description = try c.decodeIfPresent(String.self, forKey: .description)
            wikidata = try c.decodeIfPresent(String.self, forKey: .wikidata)
            coordinates = try c.decodeIfPresent(Coordinates.self, forKey: .coordinates)
        }

        /// The entity as the store keeps it, with its slug id.
        public var entity: Entity {
            Entity(
                id: Slug.make(name), name: name, type: type, aliases: aliases, description: description,
                wikidataId: wikidata, coordinates: coordinates)
        }
    }

    /// One gazetteer row.
    public struct Place: Sendable, Hashable {
        public var name: String
        /// `country`, `state`, `continent` or `city`.
        public var kind: String
        /// ISO 3166 alpha-2 code of the country (empty for continents).
        public var country: String
        public var population: Int
        /// Where it is: a city's own point, a country's capital; nil when the row gives none.
        public var coordinates: Coordinates?

        public init(name: String, kind: String, country: String, population: Int, coordinates: Coordinates? = nil) {
            self.name = name
            self.kind = kind
            self.country = country
            self.population = population
            self.coordinates = coordinates
        }
    }

    public private(set) var entries: [Entry]
    private var byName: [String: Int] = [:]
    private var byDemonym: [String: Int] = [:]
    private var places: [String: Place] = [:]
    /// The entity tagger's weights, when loaded.
    var taggerModel: EntityTaggerModel?
    private var countryNames: [String: String] = [:]

    /// A knowledge base with no gazetteer rows beyond `places`. A place entry without
    /// coordinates takes those of the gazetteer row of its name, when that row has some.
    public init(entries: [Entry], places: [Place] = []) {
        self.entries = entries
        for p in places { add(p) }
        for (i, e) in entries.enumerated() where e.type == .location && e.coordinates == nil {
            self.entries[i].coordinates = self.places[e.name]?.coordinates
        }
        for (i, e) in entries.enumerated() {
            for name in [e.name] + e.aliases where byName[name] == nil { byName[name] = i }
            for d in e.demonyms where byDemonym[d] == nil { byDemonym[d] = i }
        }
    }

    /// Loads `knowledge.json`, `places.tsv` and the entity tagger's weights
    /// (`entity-tagger.bin`) from `directory`; throws when any is missing or malformed.
    public init(directory: String) throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        try self.init(
            knowledge: folder.appendingPathComponent("knowledge.json"),
            places: folder.appendingPathComponent("places.tsv"),
            tagger: folder.appendingPathComponent(Self.taggerFile))
    }

    /// The file of the entity tagger's weights in a knowledge folder, written by `dateline-train`.
    public static let taggerFile = "entity-tagger.bin"

    /// Loads `knowledge.json` (`{"entities": [Entry]}`), `places.tsv` (name, kind, country,
    /// population, then latitude and longitude, which may be empty or absent) and the tagger's
    /// weights. Without weights the extractor finds no names.
    public init(knowledge: URL?, places: URL?, tagger: URL? = nil) throws {
        struct File: Decodable { var entities: [Entry] }
        var entries: [Entry] = []
        if let knowledge { entries = try JSONDecoder().decode(File.self, from: Data(contentsOf: knowledge)).entities }
        var rows: [Place] = []
        if let places {
            // Split as bytes, not Characters: the file has tens of thousands of rows, and
            // start-up waits for them.
            let bytes = try [UInt8](Data(contentsOf: places))
            for line in bytes.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
                let cols = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                guard cols.count >= 4 else { continue }
                func text(_ column: Int) -> String { String(decoding: cols[column], as: UTF8.self) }
                var point: Coordinates?
                if cols.count >= 6, let lat = Double(text(4)), let lon = Double(text(5)) {
                    point = Coordinates(lat: lat, lon: lon)
                }
                rows.append(
                    Place(name: text(0), kind: text(1), country: text(2), population: Int(text(3)) ?? 0, coordinates: point))
            }
        }
        self.init(entries: entries, places: rows)
        if let tagger { taggerModel = try EntityTaggerModel(bytes: [UInt8](Data(contentsOf: tagger))) }
    }

    private mutating func add(_ p: Place) {
        if p.kind == "country" { countryNames[p.country] = p.name }
        if let old = places[p.name], rank(old) >= rank(p) { return }
        places[p.name] = p
    }

    private func rank(_ p: Place) -> Int {
        switch p.kind {
        case "country": return Int.max
        case "continent": return Int.max - 1
        case "state": return Int.max - 2
        default: return p.population
        }
    }

    /// The entry whose name or alias is exactly `name`.
    public func entry(named name: String) -> Entry? { byName[name].map { entries[$0] } }

    /// The place entry a demonym names (`Russian` gives Russia).
    public func entry(demonym: String) -> Entry? { byDemonym[demonym].map { entries[$0] } }

    /// The gazetteer row for a place name, the most populous when several share it.
    public func place(named name: String) -> Place? { places[name] }

    /// Where the place of this name is: the knowledge entry's coordinates, else the gazetteer
    /// row's; nil when neither locates it.
    public func coordinates(of name: String) -> Coordinates? {
        if let entry = entry(named: name), entry.type == .location, let point = entry.coordinates { return point }
        return place(named: name)?.coordinates
    }

    /// A place as an entity: `Sochi`, a city in Russia.
    public func entity(for place: Place) -> Entity {
        let country = countryNames[place.country]
        let description: String? =
            switch place.kind {
            case "city": country.map { "City in \($0)" } ?? "City"
            case "state": "State of the United States"
            case "country": "Country"
            case "continent": "Continent"
            default: nil
            }
        return Entity(
            id: Slug.make(place.name), name: place.name, type: .location, description: description,
            coordinates: place.coordinates)
    }
}
