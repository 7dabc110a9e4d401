import Testing

@testable import HTTPServer

/// The output queue without a socket: order, partial writes, coalescing and the high-water mark.
@Suite("Output queue")
struct OutputQueueTests {
    /// What the queue would hand one `writev`, as bytes.
    static func unsent(_ queue: OutputQueue) -> [UInt8] {
        queue.withIOVectors { vectors in
            vectors.flatMap { Array(UnsafeRawBufferPointer(start: $0.iov_base, count: $0.iov_len)) }
        }
    }

    @Test func piecesLeaveInOrderAndEmptyOnesAreSkipped() {
        var queue = OutputQueue()
        queue.append([1, 2])
        queue.append([])
        queue.append([3])
        #expect(queue.count == 3)
        #expect(Self.unsent(queue) == [1, 2, 3])
    }

    @Test func aPartialWriteLeavesTheRestOfTheFirstPiece() {
        var queue = OutputQueue()
        queue.append([1, 2, 3])
        queue.append([4, 5])
        queue.consume(2)
        #expect(Self.unsent(queue) == [3, 4, 5])
        queue.consume(2)
        #expect(Self.unsent(queue) == [5])
        #expect(queue.count == 1)
        queue.consume(1)
        #expect(queue.isEmpty)
    }

    @Test func oneWriteTakesAtMostSixteenPieces() {
        var queue = OutputQueue()
        for byte in 0..<20 { queue.append([UInt8(byte)]) }
        #expect(Self.unsent(queue) == (0..<16).map(UInt8.init))
    }

    @Test func coalescingJoinsSmallPiecesUpToARecord() {
        var queue = OutputQueue()
        queue.append([1])
        queue.append([2, 3])
        queue.append([UInt8](repeating: 9, count: OutputQueue.coalesceLimit))
        queue.coalesce()
        #expect(queue.withFirstPiece { Array($0) } == [1, 2, 3])
        #expect(queue.count == 3 + OutputQueue.coalesceLimit)
    }

    @Test func coalescingWaitsWhileTheFirstPieceIsPartlySent() {
        var queue = OutputQueue()
        queue.append([1, 2])
        queue.append([3])
        queue.consume(1)
        queue.coalesce()
        #expect(queue.withFirstPiece { Array($0) } == [2])
    }

    @Test func theHighWaterMarkCountsUnsentBytes() {
        var queue = OutputQueue()
        queue.append([UInt8](repeating: 0, count: OutputQueue.highWater))
        #expect(queue.isAboveHighWater)
        queue.consume(1)
        #expect(!queue.isAboveHighWater)
        queue.removeAll()
        #expect(queue.isEmpty && queue.count == 0)
    }
}
