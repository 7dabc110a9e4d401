#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension FeedPoller {
    static let feedAccept =
        "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
    static let pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

    /// Polls feed `index` once: the feed itself, then the pages of its waiting items. A
    /// failure of the feed is counted in its status, which sets the backoff.
    func poll(_ index: Int) {
        let started = Date()
        let (entityTag, lastModified) = board.withLock { board in
            board.records[index].status.lastFetchAt = started
            board.records[index].status.nextFetchAt = nil
            board.records[index].polledAt = .now
            return (board.records[index].entityTag, board.records[index].lastModified)
        }
        do {
            try refreshFeed(index, entityTag: entityTag, lastModified: lastModified)
            board.withLock { board in
                board.records[index].status.consecutiveFailures = 0
                board.records[index].status.lastError = nil
            }
        } catch let error as WebFetchError where error.kind == .cancelled {
            return
        } catch {
            board.withLock { board in
                board.records[index].status.consecutiveFailures += 1
                board.records[index].status.lastError = "\(error)"
            }
        }
        fetchWaitingPages(index)
    }

    /// Fetches the feed (conditionally) and queues the items it has not shown before.
    private func refreshFeed(_ index: Int, entityTag: String?, lastModified: String?) throws {
        let url = sources[index].url
        var headers: [(name: String, value: String)] = [("Accept", Self.feedAccept)]
        if let entityTag { headers.append(("If-None-Match", entityTag)) }
        if let lastModified { headers.append(("If-Modified-Since", lastModified)) }
        let response: WebResponse
        do {
            response = try politeGet(url, headers: headers, maxBodyBytes: configuration.maxFeedBytes)
        } catch {
            board.withLock { $0.records[index].status.lastStatus = nil }
            throw error
        }
        board.withLock { $0.records[index].status.lastStatus = response.status }
        if response.status == 304 { return }
        guard response.isSuccess else { throw PollFailure.http(response.status) }
        let feed = try FeedParser.parse(response.body, url: response.finalURL)
        board.withLock { board in
            board.records[index].entityTag = response.header("ETag")
            board.records[index].lastModified = response.header("Last-Modified")
            // Feeds list the newest first; queue the oldest first.
            for item in feed.items.reversed() { queue(item, in: &board.records[index]) }
        }
    }

    /// Remembers `item` and queues its page, unless it was seen before.
    private func queue(_ item: FeedItem, in record: inout FeedRecord) {
        guard record.seen.insert(item.id) else { return }
        record.status.itemsSeen += 1
        guard item.link != nil else { return }
        guard record.pending.count < configuration.maxPendingItems else {
            record.status.itemsFailed += 1
            record.status.lastItemError = "\(item.link ?? item.id): dropped, \(configuration.maxPendingItems) items already wait"
            return
        }
        record.pending.append(PendingItem(item: item))
    }

    /// Fetches the pages of up to `maxPagesPerPoll` waiting items and hands them to the sink.
    private func fetchWaitingPages(_ index: Int) {
        let batch = board.withLock { Array($0.records[index].pending.prefix(configuration.maxPagesPerPoll)) }
        for waiting in batch {
            guard !isStopping, let link = waiting.item.link else { return }
            let response: WebResponse
            do {
                response = try politeGet(link, headers: [("Accept", Self.pageAccept)], maxBodyBytes: configuration.maxPageBytes)
                guard response.isSuccess else { throw PollFailure.http(response.status) }
            } catch let error as WebFetchError where error.kind == .cancelled {
                return
            } catch PollFailure.robotsUnavailable {
                // Not the page's fault: it waits, its attempts untouched, for a later poll.
                continue
            } catch {
                recordPageFailure(of: waiting.item, error: error, in: index)
                continue
            }
            let page = FeedArticlePage(
                feedURL: sources[index].url, item: waiting.item, pageURL: response.finalURL, html: response.body,
                contentType: response.header("Content-Type") ?? "")
            do {
                let outcome = try sink(page)
                settle(waiting.item, in: index) { status in
                    switch outcome {
                    case .created: status.articlesCreated += 1
                    case .duplicate: status.duplicates += 1
                    }
                }
            } catch let unavailable as FeedSinkUnavailable {
                // Not the page's fault: it and the rest wait, attempts untouched, for a later poll.
                board.withLock { $0.records[index].status.lastItemError = "\(link): \(unavailable)" }
                return
            } catch {
                settle(waiting.item, in: index) { status in
                    status.itemsFailed += 1
                    status.lastItemError = "\(link): \(error)"
                }
            }
        }
    }

    /// Counts a failed page: the item waits for another try, or is given up (robots.txt
    /// forbids it, the error is permanent, or it has had its attempts).
    private func recordPageFailure(of item: FeedItem, error: any Error, in index: Int) {
        board.withLock { board in
            let record = board.records[index]
            guard let position = record.pending.firstIndex(where: { $0.item.id == item.id }) else { return }
            if case PollFailure.disallowed = error {
                board.records[index].pending.remove(at: position)
                board.records[index].status.itemsDisallowed += 1
            } else {
                board.records[index].pending[position].attempts += 1
                let permanent = (error as? PollFailure)?.isPermanent ?? ((error as? WebFetchError)?.kind == .forbiddenAddress)
                if permanent || board.records[index].pending[position].attempts >= configuration.maxPageAttempts {
                    board.records[index].pending.remove(at: position)
                    board.records[index].status.itemsFailed += 1
                }
                board.records[index].status.lastItemError = "\(item.link ?? item.id): \(error)"
            }
        }
    }

    /// Takes `item` off the waiting list and updates the feed's counts.
    private func settle(_ item: FeedItem, in index: Int, _ change: (inout FeedStatus) -> Void) {
        board.withLock { board in
            board.records[index].pending.removeAll { $0.item.id == item.id }
            change(&board.records[index].status)
        }
    }
}
