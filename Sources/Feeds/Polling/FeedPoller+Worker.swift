#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension FeedPoller {
    /// A worker thread's loop: take the feed due soonest once it is due, poll it, schedule
    /// it again; sleep on the board's condition meanwhile. Ends when the poller stops.
    func runWorker() {
        while let index = nextDueFeed() {
            poll(index)
            board.update { board in
                guard board.phase == .running else { return }
                let record = board.records[index]
                let delay = FeedSchedule.delay(
                    interval: sources[index].interval, consecutiveFailures: record.status.consecutiveFailures,
                    maxBackoff: configuration.maxBackoff)
                let due = max((record.polledAt ?? .now) + delay, .now)
                board.records[index].due = due
                board.records[index].status.nextFetchAt = Date().addingTimeInterval((due - .now).timeInterval)
            }
        }
    }

    /// Waits for a feed to fall due and claims it; nil once the poller stops.
    private func nextDueFeed() -> Int? {
        board.wait { board in
            guard board.phase == .running else { return .done(nil) }
            var soonest: (index: Int, due: ContinuousClock.Instant)?
            for (index, record) in board.records.enumerated() {
                guard let due = record.due else { continue }
                if soonest == nil || due < soonest!.due { soonest = (index, due) }
            }
            guard let soonest else { return .wait(atMost: nil) }
            guard soonest.due <= .now else { return .wait(until: soonest.due) }
            board.records[soonest.index].due = nil
            return .done(soonest.index)
        }
    }

    var isStopping: Bool {
        board.withLock { $0.phase != .running }
    }
}
