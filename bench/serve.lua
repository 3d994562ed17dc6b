-- bench/serve.lua — wrk posts one claim a request to polc serve's /v1/settle, each request
-- the next line of $SERVE_REQUESTS (JSON lines in claim-date order, bench/serve.sh writes
-- them). Thread k of n takes the lines of the persons whose id hashes to k, so a person's
-- claims go out in date order from one thread (threads that took alternate lines drifted
-- apart, and a person's later claim overtook an earlier one: a late claim, settled again);
-- a thread that runs out starts again (retries: "already settled"). done() prints
-- throughput and the p50/p99/p99.9 latency.
--
-- The client shares the two cores with the service, so its own work a request is kept
-- small: each request's text is formatted once, at init, and answers are not handed to Lua
-- (wrk counts those of status 400 and above itself). Formatting each request in request()
-- and a response() reading every answer took 17-18 us of wrk's CPU a request, formatting
-- ahead and no response() 9 us (os.clock() over the run, bench/README.md 2026-12-05).
-- SERVE_LATE=1 reads the answers after all, to count apart the late claims a ledger in
-- memory refuses (bench/serve.sh's memory run).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

-- a 422 "dated ..., before a claim of the same person ... already settled (ledger in memory)"
-- is a late claim: a thread's connections reorder a person's claims in flight, and a ledger
-- in memory keeps no claims to settle again in date order (SQLite's settles it): counted
-- apart, the service's answer being right
local function count_late(status, headers, body)
  if status == 422 and string.find(body, "ledger in memory", 1, true) then late = late + 1 end
end

function init(args)
  local n = tonumber(os.getenv("SERVE_THREADS") or "2")
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if os.getenv("SERVE_TOKEN") then
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("SERVE_TOKEN")
  end
  lines = {}
  for line in io.lines(os.getenv("SERVE_REQUESTS")) do
    local h = 0
    for c in string.gmatch(string.match(line, '"person_id":"([^"]*)"') or "", ".") do
      h = (h * 31 + string.byte(c)) % 1000003
    end
    if h % n == id then table.insert(lines, wrk.format(nil, nil, nil, line)) end
  end
  next_line = 1
  late = 0
  if os.getenv("SERVE_LATE") == "1" then response = count_late end
end

function request()
  local r = lines[next_line]
  next_line = next_line % #lines + 1
  return r
end

function done(summary, latency, requests)
  local late = 0
  for _, t in ipairs(threads) do
    late = late + (t:get("late") or 0)
  end
  io.write(string.format("claims/s %.0f  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  " ..
                         "requests %d  not 200 %d (%d late in memory)  socket errors %d\n",
                         summary.requests / (summary.duration / 1e6),
                         latency:percentile(50) / 1000, latency:percentile(99) / 1000,
                         latency:percentile(99.9) / 1000, summary.requests,
                         summary.errors.status, late,
                         summary.errors.connect + summary.errors.read + summary.errors.write +
                         summary.errors.timeout))
end
