-- wrk script: cycles through the benchmark queries (bench/out/kb_queries.txt, URL-encoded by kb_search.sh).
local queries = {}
for line in io.lines(os.getenv("QUERY_FILE")) do table.insert(queries, line) end
local i = 0
local token = os.getenv("TOKEN")
local extra = os.getenv("EXTRA") or ""
request = function()
    i = i % #queries + 1
    return wrk.format("GET", "/api/v1/kb/search?q=" .. queries[i] .. extra, { ["Authorization"] = "Bearer " .. token })
end
