/// Records by id, each given a serial number on first insertion that indexes refer to.
///
/// Serials are never reused: a record deleted and written again gets a new one, so a serial
/// in an old cursor can never name a different record. Records are held inline in the vector's
/// leaves, not each in a box of its own: a box cost an event a heap block of 192 bytes and a
/// pointer, where inline it takes its 168 (about 30 MiB at a million events). A deleted
/// record's slot keeps its inline size, and a write copies a leaf of 32 records, retaining what
/// each holds.
///
/// Serials are found by the hash of the id, checked against the record's own id: the map's keys
/// then hold no references, so the nodes a write copies, and those a replaced snapshot frees, are
/// plain memory. Keyed by the ids themselves, every copy retained (and every free released) each
/// id in the node, scattered over memory: at a million events that map alone took 8.7% of a
/// write's CPU. An id whose hash another id holds already goes to `collided`, which is nearly
/// always empty.
struct Table<Record: Identifiable & Sendable>: Sendable where Record.ID == String {
    private var serials = PersistentMap<Int, UInt32>()
    private var collided = PersistentMap<String, UInt32>()
    private var records = ChunkedVector<Record?>()
    private let hash: @Sendable (String) -> Int

    /// An empty table; `hash` gives the hash of an id (tests make ids collide with it).
    init(hashingIDsWith hash: @escaping @Sendable (String) -> Int = { $0.hashValue }) {
        self.hash = hash
    }

    /// The number of records held.
    var count: Int { serials.count + collided.count }

    func serial(for id: String) -> UInt32? {
        serial(for: id, hash: hash(id))
    }

    private func serial(for id: String, hash: Int) -> UInt32? {
        if let serial = serials[hash], records[Int(serial)]?.id == id { return serial }
        return collided.isEmpty ? nil : collided[id]
    }

    subscript(id: String) -> Record? {
        serial(for: id).flatMap { records[Int($0)] }
    }

    subscript(serial serial: UInt32) -> Record? {
        records[Int(serial)]
    }

    /// Stores the record under its id; returns its serial and the record it replaced.
    mutating func upsert(_ record: Record) -> (serial: UInt32, old: Record?) {
        let id = record.id
        let hash = hash(id)
        if let serial = serial(for: id, hash: hash) {
            let old = records[Int(serial)]
            records[Int(serial)] = record
            return (serial, old)
        }
        let serial = UInt32(records.count)
        records.append(record)
        if serials[hash] == nil {
            serials[hash] = serial
        } else {
            collided[id] = serial
        }
        return (serial, nil)
    }

    /// Removes the record with this id; returns its serial and the record.
    mutating func remove(id: String) -> (serial: UInt32, old: Record)? {
        let hash = hash(id)
        guard let serial = serial(for: id, hash: hash), let old = records[Int(serial)] else { return nil }
        if serials[hash] == serial {
            serials[hash] = nil
        } else {
            collided[id] = nil
        }
        records[Int(serial)] = nil
        return (serial, old)
    }

    /// Calls `body` with every record, in serial order.
    func forEach(_ body: (Record) throws -> Void) rethrows {
        for index in 0..<records.count {
            if let record = records[index] { try body(record) }
        }
    }
}
