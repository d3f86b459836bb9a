-- wrk script: POST new contacts until each thread has made its share of TOTAL (set by create_contacts.sh).
local counter = 0
local done = 0
local threads = {}
local per_thread = tonumber(os.getenv("PER_THREAD") or "50000")

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

function request()
  counter = counter + 1
  local body = string.format('{"name":"联系人 Contact %d-%d","email":"c%d.%d@bench.example","phone":"+86 571 %08d","title":"采购经理"}',
    id, counter, id, counter, counter)
  return wrk.format(nil, "/api/v1/contacts", nil, body)
end

function response(status, headers, body)
  if status == 201 then done = done + 1 end
  if done >= per_thread then wrk.thread:stop() end
end
