-- SPDX-License-Identifier: GPL-3.0-or-later
-- serve-cases.lua: wrk's requests for bench/serve.sh's rounds of distinct
-- cases: a different case on every request, the same sequence for penal
-- serve and the peer.  Request i asks about victim age (i / 8736) % 121
-- on day i % 8736 of a calendar of 26 years (2000-2025) of twelve months
-- of 28 days, so consecutive requests fall under every version of the
-- statute, and no case comes twice in 1,057,056 requests.  The sequence
-- starts at CASES_FROM (default 0), which the bench moves on each round,
-- so no answer is ever served from penal's cache.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local days = 26 * 12 * 28
local i = tonumber(os.getenv("CASES_FROM") or "0")

request = function()
  local day = i % days
  local age = math.floor(i / days) % 121
  local year = 2000 + math.floor(day / (12 * 28))
  local month = 1 + math.floor(day / 28) % 12
  local date = string.format("%04d-%02d-%02d", year, month, 1 + day % 28)
  i = i + 1
  return wrk.format(nil, nil, nil, string.format(
    '{"offense": "patronizing", "victim_age": %d, "offense_date": "%s"}',
    age, date))
end
