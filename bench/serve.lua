-- SPDX-License-Identifier: GPL-3.0-or-later
-- serve.lua: wrk's request for bench/serve.sh: one classify request, the
-- same for penal serve and the peer.
wrk.method = "POST"
wrk.body = '{"offense": "patronizing", "victim_age": 30, "offense_date": "2024-01-01"}'
wrk.headers["Content-Type"] = "application/json"

