-- bench/serve.lua — wrk posts one claim a request to polc serve's /v1/settle, each request
-- the next line of $SERVE_REQUESTS (JSON lines, bench/serve.sh writes them). Thread k of n
-- takes the lines k, k+n, ...; a thread that runs out starts again (retries: "already
-- settled"). done() prints throughput and the p50/p99/p99.9 latency.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  local n = tonumber(os.getenv("SERVE_THREADS") or "2")
  lines = {}
  local i = 0
  for line in io.lines(os.getenv("SERVE_REQUESTS")) do
    if i % n == id then table.insert(lines, line) end
    i = i + 1
  end
  next_line = 1
  bad = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if os.getenv("SERVE_TOKEN") then
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("SERVE_TOKEN")
  end
end

function request()
  local body = lines[next_line]
  next_line = next_line % #lines + 1
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local failed = 0
  for _, t in ipairs(threads) do failed = failed + (t:get("bad") or 0) end
  io.write(string.format("claims/s %.0f  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  " ..
                         "requests %d  not 200 %d  socket errors %d\n",
                         summary.requests / (summary.duration / 1e6),
                         latency:percentile(50) / 1000, latency:percentile(99) / 1000,
                         latency:percentile(99.9) / 1000, summary.requests, failed,
                         summary.errors.connect + summary.errors.read + summary.errors.write +
                         summary.errors.timeout))
end
