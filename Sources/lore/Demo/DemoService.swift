/// Case wording for the demo service desk: per department, problems customers report (Chinese and English), each
/// with the answer that solved it. `{product}` and `{sku}` are filled from the catalogue.
enum DemoService {
    typealias Template = (subject: String, description: String, resolution: String)

    static let technical: [Template] = [
        ("{sku} 每晚自动重启", "设备 {product} 每天凌晨自动重启，日志显示错误 E1024。", "升级固件到 2.1.4 后不再重启。"),
        (
            "{product} cannot connect to the network",
            "The {sku} shows a blinking red light and will not join the network.",
            "Reset the network module and re-pair; firmware 2.1.4."
        ),
        ("{product} 无法开机", "{sku} 按电源键没有反应，指示灯不亮。", "更换电源适配器后恢复正常。"),
        (
            "{product} is very slow after the update", "Since the last update the {sku} takes minutes to respond.",
            "Cleared the cache and rolled back to the previous firmware."
        ),
        ("{sku} 报错 E2048", "屏幕显示 E2048，无法继续使用。", "E2048 为传感器校准失败，远程重新校准后解决。"),
        (
            "Overheating {product}", "The {sku} gets hot and shuts down after an hour.",
            "Dust filter blocked; cleaned and replaced the fan."
        ),
        ("{product} 连接不稳定", "{sku} 经常掉线，需要重新连接。", "调整信道并更新驱动后稳定。"),
        (
            "Error E1024 on {sku}", "The device logs E1024 and restarts at night.",
            "Firmware 2.1.4 fixes the nightly restart."
        ),
    ]
    static let billing: [Template] = [
        ("发票抬头错误", "{product} 的发票抬头写错了，需要重新开具。", "作废原发票，按正确抬头重新开具并快递。"),
        (
            "Charged twice for {product}", "Our card was charged twice for the {sku} order.",
            "Refunded the duplicate charge; 3–5 working days."
        ),
        ("申请退款", "{sku} 订单取消后还没有收到退款。", "财务已退款到原账户，附退款凭证。"),
        (
            "Invoice amount does not match the contract",
            "The invoice for {product} is higher than the contract price.",
            "Issued a credit note for the difference."
        ),
        ("付款未到账", "我们上周已付款，但系统仍显示欠款。", "核对银行流水后手工核销。"),
        (
            "Need a copy of last year's invoices", "Please send copies of all invoices for {product} from last year.",
            "Sent the invoice copies from the portal archive."
        ),
    ]
    static let sales: [Template] = [
        ("{product} 批量采购报价", "我们想采购 50 台 {sku}，请提供报价和折扣。", "已发送阶梯报价，50 台九折。"),
        (
            "Quote for upgrading to {product}", "What would it cost to replace our old units with the {sku}?",
            "Sent a trade-in quote."
        ),
        ("续签合同价格", "合同下月到期，想了解 {product} 续签的价格。", "续签价格保持不变，附报价单。"),
        ("Volume discount on {sku}", "Is there a discount if we order more than 100?", "Offered 12% for 100+ units."),
    ]
}
