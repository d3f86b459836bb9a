-- wrk script: GET PATH_PREFIX .. a random id from 1..MAX_ID on every request (spreads reads over the whole table).
-- PATH_PREFIX defaults to /api/v1/accounts/; the hello baseline uses "/bench/hello?id=" so that wrk does the same
-- work per request (a Lua call and a freshly built request) for both routes. Sends TOKEN as a bearer token if set.
local max_id = tonumber(os.getenv("MAX_ID") or "1000")
local prefix = os.getenv("PATH_PREFIX") or "/api/v1/accounts/"
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)

function init(args)
  local token = os.getenv("TOKEN")
  if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
end

function request()
  return wrk.format("GET", prefix .. math.random(1, max_id))
end
