-- wrk script: POST new cases (bilingual, varied wording). DEPARTMENT set: opened into it (routing off); else routed.
local counter = 0
local subjects = { "路由器每晚重启 E1024", "Invoice charged twice", "申请退款到原账户", "Quote for 50 licences",
  "设备无法开机", "Cannot connect to the network", "发票抬头错误", "Upgrade pricing for enterprise plan" }

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  dept = os.getenv("DEPARTMENT") or ""
end

function request()
  counter = counter + 1
  local s = subjects[(counter % #subjects) + 1]
  local d = dept ~= "" and (',"department_id":' .. dept) or ""
  local body = string.format('{"subject":"%s #%d","description":"%s — case %d from the load test, 客户反馈问题 %d"%s}', s, counter, s, counter, counter, d)
  return wrk.format(nil, "/api/v1/cases", nil, body)
end
