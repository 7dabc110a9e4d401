-- wrk script: after the run, prints one JSON line with the figures bench/run records.
-- Latencies are in microseconds, as wrk keeps them.
done = function(summary, latency, requests)
    local seconds = summary.duration / 1000000
    local e = summary.errors
    io.write(string.format(
        '{"requests":%d,"seconds":%.3f,"rps":%.1f,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,' ..
        '"max_us":%d,"mean_us":%.1f,"connect_errors":%d,"read_errors":%d,"write_errors":%d,' ..
        '"timeouts":%d,"non2xx":%d}\n',
        summary.requests, seconds, summary.requests / seconds, summary.bytes,
        latency:percentile(50), latency:percentile(90), latency:percentile(99),
        latency.max, latency.mean, e.connect, e.read, e.write, e.timeout, e.status))
end
