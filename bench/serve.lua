-- serve.lua: wrk's request for bench/serve.sh: one classify request, the
-- same for penal serve and the peer.  With BENCH_REQUESTS set, wrk stops
-- after that many answers.
wrk.method = "POST"
wrk.body = '{"offense": "patronizing", "victim_age": 30, "offense_date": "2024-01-01"}'
wrk.headers["Content-Type"] = "application/json"

local limit = tonumber(os.getenv("BENCH_REQUESTS") or "")
if limit then
  local answered = 0
  function response(status, headers, body)
    answered = answered + 1
    if answered >= limit then
      wrk.thread:stop()
    end
  end
end
