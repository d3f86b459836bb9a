import Foundation
import LoreCore

/// A synthetic but realistically distributed bilingual vocabulary for the knowledge-base benchmark: real service
/// words first (the most frequent ranks), then generated English-like words and Chinese two-character words, drawn
/// with Zipf's law (frequency ∝ 1/rank^1.07), as in natural text.
struct CorpusVocabulary {
    let english: [String]
    let chinese: [String]
    let englishCDF: [Double]
    let chineseCDF: [Double]

    static let englishSeed = """
        the to and of a in is for on with you your this it be can are not please if we our from as at by or have will that \
        customer order refund invoice payment account password reset login error update firmware router switch network port \
        cable power device install setup configure warranty replace return delivery shipping price discount contract service \
        support ticket case request problem issue fix step check restart connect settings admin portal email phone signal \
        speed slow fail failed failure timeout battery screen display license upgrade version release backup restore data \
        security vpn firewall wireless wifi access point channel bandwidth latency packet loss link status light blink
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    static let chineseSeed = """
        客户 订单 退款 发票 支付 账户 密码 登录 错误 升级 固件 路由 交换 网络 端口 网线 电源 设备 安装 配置 保修 更换 退货 配送 \
        快递 价格 折扣 合同 服务 支持 工单 问题 故障 解决 步骤 检查 重启 连接 设置 管理 门户 邮件 电话 信号 速度 失败 超时 电池 \
        屏幕 显示 许可 版本 发布 备份 恢复 数据 安全 防火 无线 接入 信道 带宽 延迟 丢包 链路 状态 指示 闪烁 申请 审核 财务 到账 \
        工作 处理 原因 现象 操作 页面 填写 信息 公司 税号 营业 执照 开户 银行 寄回 原件 签收 损坏 包装 单号 型号 产品 功能 性能
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    static let syllables = [
        "ka", "lo", "ren", "tis", "mar", "vel", "do", "quin", "sar", "pen", "tor", "li", "ber", "cal", "den", "fi",
        "gra", "hon", "jor",
        "mon", "nar", "ov", "pra", "ril", "sen", "tal", "ur", "vin", "wes", "yor", "zen", "ab", "el", "im", "ost",
        "und",
    ]
    static let hanzi = Array(
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
    ).map(String.init)

    init(englishSize: Int = 30_000, chineseSize: Int = 30_000, rng: inout SeededRandom) {
        var en = Self.englishSeed
        var seen = Set(en)
        while en.count < englishSize {
            var w = ""
            for _ in 0..<Int.random(in: 2...4, using: &rng) { w += rng.pick(Self.syllables) }
            if seen.insert(w).inserted { en.append(w) }
        }
        var zh = Self.chineseSeed
        var seenZh = Set(zh)
        while zh.count < chineseSize {
            let w = rng.pick(Self.hanzi) + rng.pick(Self.hanzi)
            if seenZh.insert(w).inserted { zh.append(w) }
        }
        english = en
        chinese = zh
        englishCDF = Self.zipfCDF(en.count)
        chineseCDF = Self.zipfCDF(zh.count)
    }

    static func zipfCDF(_ n: Int, s: Double = 1.07) -> [Double] {
        var cdf = [Double](repeating: 0, count: n)
        var total = 0.0
        for r in 0..<n {
            total += 1 / pow(Double(r + 1), s)
            cdf[r] = total
        }
        return cdf.map { $0 / total }
    }

    static func sample(_ cdf: [Double], rng: inout SeededRandom) -> Int {
        let u = Double.random(in: 0..<1, using: &rng)
        var lo = 0
        var hi = cdf.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cdf[mid] < u { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func word(chinese zh: Bool, rng: inout SeededRandom) -> String {
        zh ? chinese[Self.sample(chineseCDF, rng: &rng)] : english[Self.sample(englishCDF, rng: &rng)]
    }
}
