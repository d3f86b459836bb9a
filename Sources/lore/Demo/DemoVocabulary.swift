/// Bilingual building blocks for demo data: company and person names, industries, products and conversation topics.
enum DemoVocabulary {
    static let cities = ["北京", "上海", "杭州", "深圳", "广州", "成都", "南京", "苏州", "武汉", "西安", "宁波", "青岛", "厦门", "天津", "重庆"]
    static let cores = [
        "华信", "海渊", "云帆", "恒通", "新锐", "博远", "瑞丰", "金桥", "天成", "中科", "远航", "汇智", "鼎盛", "明德", "启航", "融创", "安达", "星辰",
        "泰和", "嘉禾",
    ]
    static let suffixes = ["科技有限公司", "制造有限公司", "贸易有限公司", "物流有限公司", "医疗器械有限公司", "信息技术有限公司", "电子有限公司", "食品有限公司"]
    static let enFirst = [
        "Northwind", "Contoso", "Fabrikam", "Bluewave", "Summit", "Apex", "Harbor", "Silverline", "Evergreen",
        "Redwood", "Lakeside", "Ironbridge",
        "Brightpath", "Oakridge",
    ]
    static let enSecond = [
        "Systems", "Logistics", "Foods", "Medical", "Energy", "Retail", "Analytics", "Manufacturing", "Networks",
        "Partners",
    ]
    static let enSuffix = ["Ltd", "Inc", "GmbH", "Pte Ltd", "Co."]
    static let industries = [
        "制造业 Manufacturing", "零售 Retail", "物流 Logistics", "医疗 Healthcare", "金融 Finance", "教育 Education", "能源 Energy",
        "政府 Government", "互联网 Internet",
    ]
    static let regions = [
        "华东 East China", "华北 North China", "华南 South China", "西南 Southwest", "华中 Central China", "海外 Overseas",
    ]
    static let surnames = [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁",
        "谢", "宋",
    ]
    static let given = [
        "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "晓明",
        "建华", "志强", "海燕", "思远",
    ]
    static let enFirstNames = [
        "James", "Mary", "Robert", "Linda", "Michael", "Sarah", "David", "Emma", "Daniel", "Olivia", "Thomas", "Sophie",
        "Peter", "Anna",
    ]
    static let enLastNames = [
        "Smith", "Miller", "Brown", "Wilson", "Taylor", "Clark", "Walker", "Hall", "Young", "King", "Wright", "Green",
    ]
    static let titles = [
        "采购经理", "IT 总监", "总经理", "运维主管", "财务经理", "CTO", "Procurement Manager", "IT Director", "Operations Lead", "CFO",
    ]
    static let pinyin = [
        "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu",
    ]

    /// (category, parent category, [(sku, name, list price in yuan)])
    static let catalogue: [(String, String?, [(String, String, Int64)])] = [
        ("网络设备 Networking", nil, []),
        (
            "交换机 Switches", "网络设备 Networking",
            [
                ("E1024", "E1024 千兆交换机 Gigabit Switch", 2_980), ("E2048", "E2048 万兆交换机 10G Switch", 12_800),
                ("E1008", "E1008 桌面交换机 Desktop Switch", 680), ("E3096", "E3096 核心交换机 Core Switch", 58_000),
                ("E2024P", "E2024P PoE 交换机 PoE Switch", 6_400),
            ]
        ),
        (
            "路由器 Routers", "网络设备 Networking",
            [
                ("R500", "R500 企业路由器 Enterprise Router", 8_800), ("R300", "R300 分支路由器 Branch Router", 3_600),
                ("R900", "R900 汇聚路由器 Aggregation Router", 32_000), ("R100", "R100 小微路由器 SOHO Router", 899),
            ]
        ),
        (
            "无线 Wireless", "网络设备 Networking",
            [
                ("W60", "W60 吸顶 AP Ceiling AP", 1_280), ("W80", "W80 高密 AP High-density AP", 2_680),
                ("WC200", "WC200 无线控制器 WLAN Controller", 15_800),
            ]
        ),
        ("安全 Security", nil, []),
        (
            "网关 Gateways", "安全 Security",
            [
                ("HY-G300", "HY-G300 安全网关 Security Gateway", 12_990),
                ("HY-G500", "HY-G500 安全网关 Security Gateway", 26_800),
                ("HY-G100", "HY-G100 安全网关 Security Gateway", 4_990),
            ]
        ),
        (
            "防火墙 Firewalls", "安全 Security",
            [
                ("FW-2000", "FW-2000 下一代防火墙 NGFW", 45_000), ("FW-800", "FW-800 防火墙 Firewall", 16_800),
                ("FW-5000", "FW-5000 数据中心防火墙 DC Firewall", 128_000),
            ]
        ),
        ("软件 Software", nil, []),
        (
            "许可 Licences", "软件 Software",
            [
                ("LIC-NMS", "网管平台许可 NMS Licence", 20_000), ("LIC-VPN50", "VPN 50 用户许可 VPN 50-user Licence", 5_000),
                ("LIC-IPS", "入侵防御特征库 IPS Signatures", 8_000), ("LIC-AV", "防病毒订阅 Antivirus Subscription", 6_000),
            ]
        ),
        (
            "订阅 Subscriptions", "软件 Software",
            [
                ("SUB-CLOUD", "云管理订阅 Cloud Management", 3_600), ("SUB-SDWAN", "SD-WAN 订阅 SD-WAN Subscription", 9_600),
                ("SUB-LOG", "日志分析订阅 Log Analytics", 7_200),
            ]
        ),
        ("服务 Services", nil, []),
        (
            "实施服务 Implementation", "服务 Services",
            [
                ("SVC-INST", "现场安装 On-site Installation", 2_000), ("SVC-DESIGN", "网络规划设计 Network Design", 15_000),
                ("SVC-MIG", "迁移服务 Migration Service", 12_000),
            ]
        ),
        (
            "维保服务 Support", "服务 Services",
            [
                ("SUP-BASIC", "标准维保 Standard Support (1y)", 3_000), ("SUP-PREM", "高级维保 Premium Support (1y)", 9_000),
                ("SUP-247", "7x24 维保 24x7 Support (1y)", 18_000),
            ]
        ),
        (
            "配件 Accessories", nil,
            [
                ("ACC-SFP", "SFP 光模块 SFP Module", 260), ("ACC-SFP10", "SFP+ 万兆光模块 SFP+ Module", 680),
                ("ACC-PSU", "冗余电源 Redundant PSU", 1_800),
                ("ACC-RACK", "机架套件 Rack Kit", 320), ("ACC-CABLE", "光纤跳线 Fibre Patch Cable", 45),
                ("ACC-ANT", "外置天线 External Antenna", 390),
                ("ACC-CONS", "配置线 Console Cable", 60), ("ACC-UPS", "UPS 电源 UPS 1kVA", 2_400),
                ("ACC-POE", "PoE 注入器 PoE Injector", 210),
                ("ACC-DIN", "导轨支架 DIN Rail Mount", 150), ("ACC-FAN", "风扇模块 Fan Module", 880),
                ("ACC-SSD", "日志硬盘 Log SSD", 1_200),
                ("ACC-LIC", "扩展槽许可 Slot Licence", 2_000), ("ACC-KIT", "安装工具包 Install Kit", 99),
                ("ACC-WALL", "壁挂支架 Wall Mount", 120),
                ("ACC-LCD", "前面板 Front Panel LCD", 560), ("ACC-BAT", "备用电池 Backup Battery", 730),
                ("ACC-QSFP", "QSFP28 100G 光模块 QSFP28", 3_900),
                ("ACC-DAC", "DAC 直连线 DAC Cable", 420), ("ACC-GBIC", "电口模块 Copper SFP", 310),
                ("ACC-PDU", "PDU 电源分配 PDU", 1_100),
                ("ACC-CAB", "网络机柜 Network Cabinet", 3_200),
            ]
        ),
    ]

    static let competitors: [(String, String)] = [
        ("华锐网络 Huarui Networks", "价格低，渠道广 Low price, wide channel"), ("Ciscado Systems", "品牌强 Strong brand"),
        ("新华三星 Xinhua Sanxing", "政府关系 Government ties"),
        ("Juniperus", "高端路由 High-end routing"), ("锐联 Ruilian", "教育行业 Education sector"),
        ("Fortitude Security", "安全口碑 Security reputation"),
        ("深信达 Shenxinda", "行为管理 Behaviour management"), ("Arubana Wireless", "无线 Wireless"),
    ]

    /// (kind, subject, body) pairs for interactions, Chinese and English.
    static let topics: [(String, String, String)] = [
        ("call", "询问退款流程", "客户来电询问退款流程和到账时间，已说明需在 7 个工作日内处理。"),
        ("call", "发票抬头变更", "客户要求将发票抬头变更为新公司名称，已转财务处理。"),
        (
            "email", "Renewal of maintenance contract",
            "Customer asked for a quote to renew the premium support contract for next year."
        ),
        ("meeting", "季度业务回顾 QBR", "回顾本季度采购情况，客户计划下季度扩容分支网络，关注 SD-WAN 方案。"),
        ("visit", "现场勘察 机房改造", "现场勘察机房，建议更换核心交换机 E3096 并增加冗余电源。"),
        ("chat", "HY-G300 VPN 配置问题", "客户在配置 HY-G300 的 IPSec VPN 时遇到协商失败，已发送配置指南。"),
        (
            "email", "Quote request: E1024 switches",
            "Requested pricing for 40 units of E1024 with SFP modules, delivery in March."
        ),
        (
            "call", "Complaint about delivery delay",
            "Customer unhappy that the FW-2000 shipment is two weeks late; escalated to logistics."
        ),
        (
            "meeting", "Product roadmap briefing",
            "Presented the wireless roadmap; customer interested in W80 high-density APs for their new campus."
        ),
        ("note", "竞争对手报价", "客户透露华锐网络报价比我们低 15%，但对其售后服务不满意。"),
        (
            "visit", "Training session for IT staff",
            "Delivered a half-day training on the cloud management portal for six engineers."
        ),
        ("call", "续约意向确认", "客户确认明年继续使用 7x24 维保服务，需要在合同到期前一个月提供报价。"),
        ("email", "Invoice discrepancy", "The invoice total differs from the PO by the discount; agreed to reissue."),
        ("chat", "固件升级咨询", "客户询问 E2048 固件升级是否会中断业务，建议在维护窗口进行。"),
        ("note", "Customer prefers WeChat", "Main contact prefers WeChat over e-mail for quick questions."),
    ]
}
