-- bench/compare's load: wrk -t1 -cN -s graphql.lua URL -- REQUESTS_FILE TOKEN
-- Each line of REQUESTS_FILE is a request: a key (the id the server's reply names first), the
-- version last read and the JSON body, tab-separated; lines are sent in turn. A body's __STATUS__
-- becomes COMPLETE and IN_PROGRESS by turns for its key, and __VERSION__ the version the key's last
-- reply gave, so a partner system setting its actions' statuses (W4) never sends a stale version.
-- A reply that is not 200, or that carries errors or userErrors, is counted as a failure.
local keys, versions, bodies, statuses = {}, {}, {}, {}
local turn = 0
failures = 0
first_failure = ""
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    local key, version, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
    table.insert(keys, key)
    table.insert(bodies, body)
    versions[key] = version
    statuses[key] = "IN_PROGRESS"
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if args[2] and args[2] ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. args[2]
  end
end

function request()
  turn = turn % #bodies + 1
  local key = keys[turn]
  statuses[key] = statuses[key] == "COMPLETE" and "IN_PROGRESS" or "COMPLETE"
  local body = bodies[turn]:gsub("__STATUS__", statuses[key]):gsub("__VERSION__", versions[key])
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) or body:find('"userErrors":[{', 1, true) then
    failures = failures + 1
    if first_failure == "" then
      first_failure = status .. " " .. body:sub(1, 300)
    end
    return
  end
  local key = body:match('"id":"([^"]+)"')
  local version = body:match('"version":(%d+)')
  if key and version and versions[key] then
    versions[key] = version
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("failures")
    if thread:get("first_failure") ~= "" then
      io.write("first failure: " .. thread:get("first_failure") .. "\n")
    end
  end
  io.write(string.format("failures: %d\n", total))
end
