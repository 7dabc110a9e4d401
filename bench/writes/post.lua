-- wrk script for bench/writes/run: every request POSTs a new, valid event to /events.
--
--   wrk -s bench/writes/post.lua URL/events -- TEMPLATE MODE STRIDE TOKEN [OFFSET [statuses]]
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
-- The load generator shares the machine with the server, so a request costs it little: the
-- template is split at its placeholders once, the request head is written once, and a day's date
-- is formatted once for its 25 types. Answers are not handed to Lua (that has wrk copy every
-- answer's head and body into Lua tables): after the run it prints summary.lua's JSON line, whose
-- non2xx counts answers outside 200-399, and bench/writes/run counts the 201s on the server
-- (its /metrics). With "statuses" after OFFSET it also counts them itself and prints
-- {"created":N,"other_status":N,"statuses":{...}}: how many answers were 201 and how many
-- anything else (bench/replicas/run, whose writes reach two servers).
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

-- The template's text between placeholders, and each placeholder's name, in order.
local function split(template)
    local pieces, names, from = {}, {}, 1
    while true do
        local first, last, name = template:find("@(%u+)@", from)
        if not first then break end
        table.insert(pieces, template:sub(from, first - 1))
        table.insert(names, name)
        from = last + 1
    end
    table.insert(pieces, template:sub(from))
    return pieces, names
end

function init(args)
    local file = assert(io.open(args[1]), "no template " .. tostring(args[1]))
    pieces, names = split(file:read("*l"))
    file:close()
    mode = args[2] or "distinct"
    stride = tonumber(args[3] or "1")
    sequence = tonumber(args[5] or "0") + (thread_index or 0)
    head = "POST " .. wrk.path .. " HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port ..
        "\r\nContent-Type: application/json\r\nAuthorization: Bearer " .. (args[4] or "") .. "\r\nContent-Length: "
    values, parts, day = {}, {}, nil
    if mode == "shared" then values.DATE, values.TYPE = "2024-08-13", "consult" end
    created, other, statuses = 0, 0, {}
    counting = args[6] == "statuses"
    if counting then
        function response(status)
            if status == 201 then
                created = created + 1
            else
                other = other + 1
                statuses[status] = (statuses[status] or 0) + 1
            end
        end
    end
end

function request()
    local n = sequence
    sequence = sequence + stride
    if mode ~= "shared" then
        -- One type after another, then the next day: 25 types x 47,000 days from 1970.
        local today = math.floor(n / #types)
        if today ~= day then
            day = today
            values.DATE = os.date("!%Y-%m-%d", today * 86400)
        end
        values.TYPE = types[n % #types + 1]
    end
    values.N = tostring(n)
    for i, name in ipairs(names) do
        parts[2 * i - 1] = pieces[i]
        parts[2 * i] = values[name]
    end
    parts[2 * #names + 1] = pieces[#names + 1]
    local body = table.concat(parts)
    return head .. #body .. "\r\n\r\n" .. body
end

done = function(summary, latency, requests)
    summarize(summary, latency, requests)
    if not (threads[1] and threads[1]:get("counting")) then return end
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
