# SPDX-License-Identifier: GPL-3.0-or-later
"""schema_api.py: the answers of penal's API, from a running `penal
serve`, validated against their schemas (tests/schema.py runs it)."""

import json
import os
import re
import subprocess
import time
import urllib.error
import urllib.request

from schema_check import ENV, PENAL, WORK, result, run, validate

# The port penal serve listens on, once check_answers has started it.
port = None


def serve():
    """Starts penal serve on a free port; returns the process and the port."""
    log = open(os.path.join(WORK, "serve.log"), "w+b")
    process = subprocess.Popen(
        [PENAL, "serve", "--listen=127.0.0.1:0"],
        stdout=subprocess.DEVNULL,
        stderr=log,
        env=dict(ENV, PENAL_SERVE_THREADS="1"),
    )
    # The server says its port once it listens; only a hang reaches 600.
    for _ in range(600):
        log.seek(0)
        found = re.search(rb"\(port ([0-9]+)\)", log.read())
        if found:
            return process, int(found.group(1))
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    process.wait()
    return None, None


def check_api(schema, method, path, status, body=None, content_type=None,
              headers=None, lines=False):
    """Sends one request; the answer must have status and be valid against
    schema.  Returns its body."""
    label = "%s %s (%d)" % (method, path, status)
    request = urllib.request.Request(
        "http://127.0.0.1:%d%s" % (port, path), data=body, method=method
    )
    if content_type:
        request.add_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            got, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        got, text = error.code, error.read().decode()
    if got != status:
        result(False, label, ["status %d: %s" % (got, text[:300])])
        return None
    validate(schema, label, text, lines)
    return text


JSON = "application/json"


def check_answers(batch_jsonl):
    """Starts penal serve and checks each answer of the API: classify (as
    the command line answers), health, the statutes, batch (batch_jsonl,
    JSON Lines rows) and each error."""
    global port
    server, port = serve()
    result(server is not None, "penal serve listens on a free port")
    if server is not None:
        try:
            for facts_given in (
                {"offense": "patronizing", "victim_age": 30, "offense_date": "2024-01-01"},
                {"offense": "prostitution", "knew_hiv": "yes", "offense_date": "2023-01-01"},
                {"offense": "patronizing", "offense_date": "1970-01-01"},
            ):
                body = json.dumps(facts_given)
                answer = check_api(
                    "classify.schema.json", "POST", "/api/v1/classify", 200,
                    body.encode(), JSON,
                )
                cli = run(["classify", "--format=json"]
                          + ["%s=%s" % fact for fact in facts_given.items()])
                result(
                    answer == cli.stdout.decode(),
                    "/api/v1/classify answers %s as classify does" % body,
                )
            check_api("classify.schema.json", "POST", "/api/v1/classify", 200,
                      b'{"offense": "patronizing"}', JSON)
            check_api("api-health.schema.json", "GET", "/api/v1/health", 200)
            check_api("list.schema.json", "GET", "/api/v1/statutes", 200)
            check_api("batch-row.schema.json", "POST", "/api/v1/batch", 200,
                      batch_jsonl.encode(), "application/x-ndjson", lines=True)
            for status, method, path, body, content_type, headers in (
                (400, "POST", "/api/v1/classify", b'{"victim_age": "abc"}', JSON, None),
                (400, "POST", "/api/v1/classify", b"[1]", JSON, None),
                (404, "GET", "/api/v1/nothing", None, None, None),
                (405, "GET", "/api/v1/classify", None, None, None),
                (415, "POST", "/api/v1/classify", b"{}", "text/plain", None),
                (413, "POST", "/api/v1/classify", b" " * (65 * 1024), JSON, None),
                (421, "GET", "/api/v1/health", None, None, {"Host": "example.com"}),
                (431, "GET", "/api/v1/health", None, None, {"X-Padding": "x" * 9216}),
            ):
                check_api("api-error.schema.json", method, path, status, body,
                          content_type, headers)
        finally:
            server.terminate()
            server.wait()
