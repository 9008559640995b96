-- wrk script for bench/api_bench. Read from the environment:
--   BENCH_PATH    the path; "{id}" in it becomes a random id from BENCH_IDS
--   BENCH_IDS     a file with one id per line (needed when the path has {id})
--   BENCH_METHOD  GET (default) or POST
--   BENCH_BODY    the JSON body of a POST
--   BENCH_TOKEN   sent as "Authorization: Bearer ..." when set (never printed)
-- Prints one line for bench/api_bench to read:
--   RESULT requests=N seconds=S rps=R p50_ms=A p99_ms=B bad_status=N socket_errors=N

local path = os.getenv("BENCH_PATH") or "/healthz"
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local token = os.getenv("BENCH_TOKEN")

local threads_started = 0

function setup(thread)
  threads_started = threads_started + 1
  thread:set("thread_number", threads_started)
end

local ids = {}

function init(args)
  -- A different random sequence per thread and per run.
  math.randomseed(os.time() * 100 + (thread_number or 0))
  local file = os.getenv("BENCH_IDS")
  if path:find("{id}", 1, true) then
    for line in io.lines(file) do
      ids[#ids + 1] = line
    end
    if #ids == 0 then error("no ids in " .. tostring(file)) end
  end
  wrk.headers["Content-Type"] = "application/json"
  if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
end

function request()
  local target = path
  if #ids > 0 then
    target = path:gsub("{id}", ids[math.random(#ids)], 1)
  end
  return wrk.format(method, target, nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  -- errors.status counts answers with a status of 400 or more.
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.3f p99_ms=%.3f bad_status=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
