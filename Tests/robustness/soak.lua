-- wrk script for scripts/soak: a mix of reads and writes, every response's status counted.
--
-- Reads: /events, /events?entity=ID, /entities/ID, /search?q=WORD. Writes: POST /events with a
-- bearer token; the event each POST creates is deleted by the thread's next request, so the
-- store's size stays level and memory can be compared across the run.
-- Environment: SOAK_ENTITIES (comma-separated ids), SOAK_WORDS (comma-separated search words),
-- SOAK_TOKEN, SOAK_WRITE_EVERY (one request in this many is a POST; default 20).

local function split(text)
  local items = {}
  for item in string.gmatch(text or "", "[^,]+") do items[#items + 1] = item end
  return items
end

local entities = split(os.getenv("SOAK_ENTITIES"))
local words = split(os.getenv("SOAK_WORDS"))
local token = os.getenv("SOAK_TOKEN") or "soak-token"
local write_every = tonumber(os.getenv("SOAK_WRITE_EVERY") or "20")

local threads = {}
local thread_number = 0

function setup(thread)
  thread_number = thread_number + 1
  thread:set("thread_id", thread_number)
  threads[#threads + 1] = thread
end

function init(args)
  statuses = {}
  posts, deletes, sent = 0, 0, 0
  to_delete = {}
  math.randomseed(thread_id * 7919 + os.time())
end

local function pick(list)
  return list[math.random(#list)]
end

local function event_body()
  local first, second = pick(entities), pick(entities)
  local participants = '{"entityId":"' .. first .. '","role":"actor"}'
  if second ~= first then
    participants = participants .. ',{"entityId":"' .. second .. '","role":"participant"}'
  end
  return '{"type":"statement","summary":"Soak statement ' .. thread_id .. '-' .. sent ..
         '","status":"occurred","date":{"value":"2024-0' .. math.random(1, 9) .. '"},"participants":[' ..
         participants .. ']}'
end

function request()
  sent = sent + 1
  local writing = { Authorization = "Bearer " .. token }
  if #to_delete > 0 then
    return wrk.format("DELETE", "/events/" .. table.remove(to_delete, 1), writing)
  end
  if sent % write_every == 0 then
    writing["Content-Type"] = "application/json"
    return wrk.format("POST", "/events", writing, event_body())
  end
  local choice = math.random(100)
  if choice <= 30 then
    return wrk.format("GET", "/events?limit=" .. math.random(5, 50))
  elseif choice <= 55 then
    return wrk.format("GET", "/events?entity=" .. pick(entities))
  elseif choice <= 80 then
    return wrk.format("GET", "/entities/" .. pick(entities))
  else
    return wrk.format("GET", "/search?q=" .. pick(words))
  end
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 201 then
    local location = headers["Location"] or headers["location"] or ""
    local id = string.match(location, "/events/([^/?]+)$") or string.match(body or "", '"id"%s*:%s*"([^"]+)"')
    if id then
      posts = posts + 1
      to_delete[#to_delete + 1] = id
    end
  elseif status == 204 then
    deletes = deletes + 1
  end
end

function done(summary, latency, requests)
  local totals, posted, deleted = {}, 0, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
    posted = posted + thread:get("posts")
    deleted = deleted + thread:get("deletes")
  end
  local bad = 0
  local parts = {}
  for status, count in pairs(totals) do
    parts[#parts + 1] = string.format('"%d":%d', status, count)
    if status < 200 or status >= 400 then bad = bad + count end
  end
  local errors = summary.errors
  io.write(string.format(
    'SOAK-RESULT {"requests":%d,"seconds":%.1f,"statuses":{%s},"bad_statuses":%d,"created":%d,"deleted":%d,' ..
    '"socket_errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"p50_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f}\n',
    summary.requests, summary.duration / 1e6, table.concat(parts, ","), bad, posted, deleted,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
