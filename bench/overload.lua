-- wrk script for bench/overload: authenticated reads of random cases, and a
-- count of the answers by kind. Read from the environment:
--   BENCH_IDS    a file with one case id per line
--   BENCH_TOKEN  sent as "Authorization: Bearer ..." (never printed)
-- Prints one line for bench/overload to read:
--   RESULT requests=N seconds=S rps=R p50_ms=A p99_ms=B ok=N refused_503=N refused_429=N other=N socket_errors=N

local token = os.getenv("BENCH_TOKEN")
local threads = {}

function setup(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end

local ids = {}
ok, refused_503, refused_429, other = 0, 0, 0, 0

function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
  for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
  if #ids == 0 then error("no ids") end
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  return wrk.format("GET", "/api/v1/cases/" .. ids[math.random(#ids)])
end

function response(status, headers, body)
  if status < 300 then ok = ok + 1
  elseif status == 503 then refused_503 = refused_503 + 1
  elseif status == 429 then refused_429 = refused_429 + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local counts = { ok = 0, refused_503 = 0, refused_429 = 0, other = 0 }
  for _, t in ipairs(threads) do
    for k, _ in pairs(counts) do counts[k] = counts[k] + (t:get(k) or 0) end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.3f p99_ms=%.3f ok=%d refused_503=%d refused_429=%d other=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    counts.ok, counts.refused_503, counts.refused_429, counts.other, e.connect + e.read + e.write + e.timeout))
end
