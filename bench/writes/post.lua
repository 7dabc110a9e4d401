-- wrk script for bench/writes/run: every request POSTs a new, valid event to /events.
--
--   wrk -s bench/writes/post.lua URL/events -- TEMPLATE MODE STRIDE TOKEN [OFFSET]
--
-- TEMPLATE is a file whose first line is the JSON body, with @DATE@, @TYPE@ and @N@ to fill in.
-- MODE distinct: each request a new date and type, so each event's id base
--   (date-type-first-participant) is new.
-- MODE shared: the same date and type every time, so every id has one base
--   (2024-08-13-consult-vladimir-putin, then -2, -3, ...); only the summary differs.
-- STRIDE is wrk's -t, so that the threads' sequences do not overlap: thread k posts N = OFFSET + k,
--   then + STRIDE each time. OFFSET (default 0) lets several wrk processes, or runs against the
--   same store, take distinct numbers: each process's -t threads, STRIDE the threads of all of
--   them, and offsets a thread count apart (bench/replicas/run).
--
-- After the run it prints summary.lua's JSON line, then {"created":N,"other_status":N,
-- "statuses":{...}}: how many answers were 201 and how many anything else.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "../lib/summary.lua")
local summarize = done

local threads = {}
local started = 0

function setup(thread)
    thread:set("thread_index", started)
    started = started + 1
    table.insert(threads, thread)
end

local types = {
    "statement", "appeal", "intent", "consult", "cooperate", "material-cooperation", "aid", "yield",
    "investigate", "demand", "disapprove", "reject", "threaten", "protest", "force-posture",
    "reduce-relations", "coerce", "assault", "fight", "mass-violence", "election", "ruling",
    "disaster", "sport", "economic",
}

function init(args)
    local file = assert(io.open(args[1]), "no template " .. tostring(args[1]))
    template = file:read("*l")
    file:close()
    mode = args[2] or "distinct"
    stride = tonumber(args[3] or "1")
    headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (args[4] or "")}
    sequence = tonumber(args[5] or "0") + (thread_index or 0)
    created = 0
    other = 0
    statuses = {}
end

function request()
    local n = sequence
    sequence = sequence + stride
    local date, kind
    if mode == "shared" then
        date, kind = "2024-08-13", "consult"
    else
        -- One type after another, then the next day: 25 types x 47,000 days from 1970.
        kind = types[n % #types + 1]
        date = os.date("!%Y-%m-%d", math.floor(n / #types) * 86400)
    end
    local body = template:gsub("@DATE@", date):gsub("@TYPE@", kind):gsub("@N@", tostring(n))
    return wrk.format("POST", nil, headers, body)
end

function response(status, response_headers, body)
    if status == 201 then
        created = created + 1
    else
        other = other + 1
        statuses[status] = (statuses[status] or 0) + 1
    end
end

done = function(summary, latency, requests)
    summarize(summary, latency, requests)
    local total_created, total_other, by_status = 0, 0, {}
    for _, thread in ipairs(threads) do
        total_created = total_created + thread:get("created")
        total_other = total_other + thread:get("other")
        for status, count in pairs(thread:get("statuses")) do
            by_status[status] = (by_status[status] or 0) + count
        end
    end
    local parts = {}
    for status, count in pairs(by_status) do table.insert(parts, string.format('"%d":%d', status, count)) end
    io.write(string.format('{"created":%d,"other_status":%d,"statuses":{%s}}\n', total_created, total_other,
        table.concat(parts, ",")))
end
