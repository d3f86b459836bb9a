-- wrk script: GET a random account id from 1..MAX_ID on every request (spreads reads over the whole table).
local max_id = tonumber(os.getenv("MAX_ID") or "1000")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

function request()
  return wrk.format("GET", "/api/v1/accounts/" .. math.random(1, max_id))
end
