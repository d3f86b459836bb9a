import Testing

@testable import LoreCore

@Suite struct RoutingClassifierTests {
    static let billing: Int64 = 1
    static let network: Int64 = 2
    static let cases: [(text: String, label: Int64)] = [
        ("申请退款 订单已签收三天", billing), ("发票开错了 需要重开增值税发票", billing), ("Refund for my annual plan please", billing),
        ("Invoice has the wrong tax number", billing), ("退款什么时候到账", billing),
        ("Charged twice on my credit card, need a refund", billing),
        ("交换机端口频繁掉线", network), ("路由器升级固件失败 错误码 E1024", network), ("Wi-Fi keeps dropping in the meeting room", network),
        ("Switch port flapping after firmware update", network), ("网络很慢 丢包严重", network),
        ("VPN tunnel down between offices", network),
    ]

    @Test func routesChineseAndEnglishCasesByWhatTheySay() {
        var model = RoutingModel()
        for c in Self.cases { model.add(c.text, label: c.label) }
        #expect(model.predict("我要退款")[0].label == Self.billing)
        #expect(model.predict("发票抬头写错")[0].label == Self.billing)
        #expect(model.predict("the router firmware upgrade failed with E1024")[0].label == Self.network)
        #expect(model.predict("端口掉线")[0].label == Self.network)
        let p = model.predict("refund")
        #expect(p[0].probability > 0.5 && abs(p.map(\.probability).reduce(0, +) - 1) < 1e-9)
    }

    @Test func removingACaseUndoesAddingIt() {
        var model = RoutingModel()
        for c in Self.cases { model.add(c.text, label: c.label) }
        let before = model
        model.add("退款 refund 退款", label: Self.network)
        model.remove("退款 refund 退款", label: Self.network)
        #expect(model == before)
        #expect(RoutingModel().predict("anything").isEmpty)
    }

    /// 80 generated cases: three words from their department's vocabulary and two shared ones each.
    static var generated: [(text: String, label: Int64)] {
        let words: [Int64: [String]] = [
            billing: ["退款", "发票", "refund", "invoice", "账单", "charge", "付款", "税号"],
            network: ["端口", "路由器", "固件", "switch", "router", "wifi", "掉线", "丢包"],
        ]
        let shared = ["客户", "please", "问题", "help", "today", "订单"]
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        return (0..<80).map { i in
            let label: Int64 = i % 2 == 0 ? billing : network
            let own = (0..<3).map { _ in words[label]![next(8)] }
            return ((own + [shared[next(6)], shared[next(6)]]).joined(separator: " "), label)
        }
    }

    @Test func crossValidationReportsAccuracyPerDepartment() {
        let report = RoutingEvaluation.crossValidate(Self.generated, folds: 5)
        #expect(report.cases == 80 && report.perLabel.count == 2 && report.perLabel[Self.billing]?.cases == 40)
        #expect(report.accuracy >= 0.95)
    }
}
