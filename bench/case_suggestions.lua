-- wrk script: suggestions for random stored cases (ids 1..MAX_ID).
math.randomseed(7)
function init(args)
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  max_id = tonumber(os.getenv("MAX_ID") or "1000")
end

function request()
  return wrk.format("GET", "/api/v1/cases/" .. math.random(1, max_id) .. "/suggestions")
end
