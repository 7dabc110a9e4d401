/// Records by id, each given a serial number on first insertion that indexes refer to.
///
/// Serials are never reused: a record deleted and written again gets a new one, so a serial
/// in an old cursor can never name a different record. Each record sits in a box of its own,
/// so the slot a deleted record leaves behind costs a pointer, not the record's inline size
/// (an `Event?` takes a few hundred bytes), and a write copies a chunk of pointers.
struct Table<Record: Sendable>: Sendable {
    private final class Box: Sendable {
        let record: Record
        init(_ record: Record) { self.record = record }
    }

    private var serials = PersistentMap<String, UInt32>()
    private var records = ChunkedVector<Box?>()

    /// The number of records held.
    var count: Int { serials.count }

    func serial(for id: String) -> UInt32? {
        serials[id]
    }

    subscript(id: String) -> Record? {
        serials[id].flatMap { records[Int($0)]?.record }
    }

    subscript(serial serial: UInt32) -> Record? {
        records[Int(serial)]?.record
    }

    /// Stores the record under its id; returns its serial and the record it replaced.
    mutating func upsert(_ record: Record, id: String) -> (serial: UInt32, old: Record?) {
        if let serial = serials[id] {
            let old = records[Int(serial)]?.record
            records[Int(serial)] = Box(record)
            return (serial, old)
        }
        let serial = UInt32(records.count)
        records.append(Box(record))
        serials[id] = serial
        return (serial, nil)
    }

    /// Removes the record with this id; returns its serial and the record.
    mutating func remove(id: String) -> (serial: UInt32, old: Record)? {
        guard let serial = serials[id], let old = records[Int(serial)]?.record else { return nil }
        serials[id] = nil
        records[Int(serial)] = nil
        return (serial, old)
    }

    /// Calls `body` with every record, in serial order.
    func forEach(_ body: (Record) throws -> Void) rethrows {
        for index in 0..<records.count {
            if let record = records[index]?.record { try body(record) }
        }
    }
}
