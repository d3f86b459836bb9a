import LoreCore

/// The demo knowledge base: categories and article templates. `{sku}` and `{product}` are filled from the catalogue,
/// so every product gets its own troubleshooting and how-to articles in both languages.
enum DemoKnowledge {
    static let categories: [(String, String?)] = [
        ("账单与退款 Billing & refunds", nil), ("安装与配置 Setup", nil), ("故障排除 Troubleshooting", nil),
        ("网络故障 Network faults", "故障排除 Troubleshooting"), ("产品资料 Product information", nil),
        ("竞争情报 Competitive intelligence", nil),
    ]

    /// (type, language, category, title, body, tags, audience)
    typealias Template = (ArticleType, ArticleLanguage, String, String, String, [String], AudienceKind)

    static let general: [Template] = [
        (
            .faq, .zh, "账单与退款 Billing & refunds", "如何申请退款",
            "## 申请条件\n\n订单签收后 **30 天**内，商品未损坏即可申请退款。\n\n## 操作步骤\n\n1. 登录客户门户，进入「我的订单」。\n2. 选择订单，点击「申请退款」并填写原因。\n3. 财务部门会在 3 个工作日内审核，退款原路返回。\n\n> 发票已开具的订单，需先寄回发票原件。",
            ["退款", "订单"], .customers
        ),
        (
            .faq, .en, "账单与退款 Billing & refunds", "How refunds work",
            "Refunds are available within **30 days** of delivery for undamaged goods.\n\n1. Open *My orders* in the customer portal.\n2. Choose the order and click **Request refund**.\n3. Finance reviews requests within three business days; the money returns to the original payment method.\n\nIf an invoice was issued, send the original invoice back first.",
            ["refund", "orders"], .customers
        ),
        (
            .faq, .zh, "账单与退款 Billing & refunds", "增值税专用发票开具说明",
            "开具增值税专用发票需要提供：\n\n| 信息 | 说明 |\n|---|---|\n| 公司名称 | 与营业执照一致 |\n| 税号 | 统一社会信用代码 |\n| 开户行及账号 | 对公账户 |\n\n发票在发货后 5 个工作日内寄出。发票信息有误可在 30 天内申请重开。",
            ["发票", "财务"], .customers
        ),
        (
            .howTo, .en, "账单与退款 Billing & refunds", "Correcting an invoice",
            "To correct an invoice, cancel it in the finance system and issue a new one with the right tax number. Customers must return the paper original within 30 days.",
            ["invoice", "finance"], .internal
        ),
        (
            .solution, .zh, "网络故障 Network faults", "交换机端口频繁掉线的排查",
            "现象：交换机端口指示灯闪烁后熄灭，网络间歇中断。\n\n排查步骤：\n\n- 更换网线，排除线缆故障；\n- 检查端口协商模式，建议固定为千兆全双工；\n- 查看日志中是否有 `LOOP DETECTED`，如有则开启环路检测。\n\n仍未解决请升级到二线支持。",
            ["掉线", "交换机", "端口"], .customers
        ),
        (
            .lessonLearned, .zh, "故障排除 Troubleshooting", "大客户割接前必须做配置备份",
            "某金融客户在割接时未备份核心交换机配置，回退耗时 4 小时。教训：割接前导出配置并双人复核；准备回退脚本；提前通知客户联系人。",
            ["割接", "备份", "大客户"], .internal
        ),
        (
            .competitorBrief, .en, "竞争情报 Competitive intelligence",
            "Competitor brief: pricing pressure in the mid-market",
            "Competitors discount mid-market switches by 15–20% at quarter end. Lead with total cost of ownership, the five-year warranty and our on-site response time. Do not match discounts above 12% without a manager.",
            ["pricing", "competition"], .internal
        ),
        (
            .competitorBrief, .zh, "竞争情报 Competitive intelligence", "竞争对手简报：政企市场",
            "竞争对手在政企项目中以低价入围，但交付周期长、售后响应慢。应突出我方 4 小时上门服务与本地备件库。",
            ["政企", "竞争"], .internal
        ),
        (
            .howTo, .en, "安装与配置 Setup", "Setting up a VPN for remote offices",
            "1. Create the tunnel on the head-office firewall.\n2. Use IKEv2 with AES-256.\n3. Test with `ping` from each branch.\n\nSee the firewall's admin guide for screenshots.",
            ["vpn", "firewall", "setup"], .customers
        ),
        (
            .faq, .en, "产品资料 Product information", "Warranty period and what it covers",
            "All hardware carries a **five-year** warranty covering parts and labour. Damage from power surges is not covered unless a surge protector was used. Platinum and gold customers get advance replacement.",
            ["warranty"], .customers
        ),
        (
            .faq, .zh, "产品资料 Product information", "保修期与保修范围",
            "所有硬件提供 **五年** 保修，包含备件与人工。雷击、浪涌造成的损坏不在保修范围内。白金与黄金客户享受先行更换服务。",
            ["保修"], .customers
        ),
        (
            .solution, .en, "网络故障 Network faults", "Slow Wi-Fi in large meeting rooms",
            "Too many clients on one access point. Add a second AP on a non-overlapping channel (1, 6, 11 on 2.4 GHz), enable band steering, and limit each SSID's minimum data rate to 12 Mbps.",
            ["wifi", "performance"], .customers
        ),
    ]

    /// Per-product templates.
    static let perProduct: [Template] = [
        (
            .solution, .zh, "网络故障 Network faults", "{sku} 升级固件失败（错误码 {sku}-F01）",
            "现象：{product} 升级固件时报错 {sku}-F01，设备自动回滚到旧版本。\n\n原因：固件文件校验失败，常见于下载中断。\n\n处理：\n\n1. 重新下载固件并核对 SHA-256；\n2. 通过管理口（而非业务口）上传；\n3. 升级期间不要断电。",
            ["固件", "升级"], .customers
        ),
        (
            .howTo, .en, "安装与配置 Setup", "Initial setup of the {product}",
            "Unpack the {sku}, connect the console cable and power on. Log in with the default account and change the password at once. Set the management IP, then save with `write memory`. Register the serial number in the customer portal to start the warranty.",
            ["setup", "{sku}"], .customers
        ),
        (
            .productKnowledge, .zh, "产品资料 Product information", "{product} 产品要点",
            "{product}（型号 {sku}）适合中小企业与分支机构。卖点：低功耗、静音设计、五年保修。常见问题包括端口协商、固件升级与配置备份，详见相关解决方案。",
            ["产品", "{sku}"], .internal
        ),
    ]
}
