-- wrk script: one GET path (PATH_ONLY) with the bearer token (TOKEN), for a baseline beside the search passes.
local token = os.getenv("TOKEN")
local path = os.getenv("PATH_ONLY")
request = function() return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token }) end
