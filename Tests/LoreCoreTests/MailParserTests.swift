import Foundation
import LoreCore
import Testing

@Suite struct MailParserTests {
    static func bytes(_ parts: [Any]) -> [UInt8] {
        parts.flatMap { p -> [UInt8] in
            if let s = p as? String { return Array(s.utf8) }
            return p as! [UInt8]
        }
    }

    @Test func multipartWithAGBKQuotedPrintableBodyAndABase64Attachment() throws {
        // 退款 in GBK is CD CB BF EE.
        let raw = Self.bytes([
            "From: \"Zhang Wei\" <zhang@example.cn>\r\nSubject: =?gb2312?Q?=CD=CB=BF=EE?= please\r\nMessage-ID: <abc@example.cn>\r\n",
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\npreamble\r\n--XYZ\r\n",
            "Content-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=CD=CB=BF=EE=\r\n to card\r\n--XYZ\r\n",
            "Content-Type: application/pdf; name=\"invoice.pdf\"\r\nContent-Disposition: attachment; filename=\"invoice.pdf\"\r\n",
            "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--XYZ--\r\nepilogue\r\n",
        ])
        let m = try MailParser.parse(raw)
        #expect(m.fromAddress == "zhang@example.cn" && m.fromName == "Zhang Wei" && m.messageID == "abc@example.cn")
        #expect(m.subject == "退款 please")
        #expect(m.text == "退款 to card")
        #expect(m.attachments == ["invoice.pdf"])
    }

    @Test func rawEightBitGB18030HeadersAndABase64UTF8Body() throws {
        let subject: [UInt8] = [0xB7, 0xA2, 0xC6, 0xB1]  // 发票 in GBK, sent raw
        let body = Data("发票已收到，谢谢".utf8).base64EncodedString()
        let raw = Self.bytes([
            "From: a@b.example\nSubject: ", subject,
            "\nContent-Transfer-Encoding: base64\nContent-Type: text/plain; charset=UTF-8\n\n", body, "\n",
        ])
        let m = try MailParser.parse(raw)
        #expect(m.subject == "发票" && m.text == "发票已收到，谢谢")
    }

    @Test func alternativePrefersPlainTextAndHTMLOnlyIsReducedToText() throws {
        let alt =
            "From: a@b.example\nContent-Type: multipart/alternative; boundary=b1\n\n--b1\nContent-Type: text/plain\n\nplain words\n--b1\nContent-Type: text/html\n\n<p>html words</p>\n--b1--\n"
        #expect(try MailParser.parse(Array(alt.utf8)).text == "plain words")
        let html =
            "From: a@b.example\nContent-Type: text/html; charset=utf-8\n\n<html><style>p{}</style><p>Hello &amp; welcome</p><script>x()</script></html>"
        #expect(try MailParser.parse(Array(html.utf8)).text == "Hello & welcome")
    }

    @Test func badMessagesAreRefusedClearly() {
        #expect(throws: MailParseError.empty) { try MailParser.parse([]) }
        #expect(throws: MailParseError.missingFrom) { try MailParser.parse(Array("Subject: hi\n\nbody".utf8)) }
        #expect(throws: MailParseError.noHeaders) { try MailParser.parse(Array("\n\njust text".utf8)) }
        #expect(throws: MailParseError.missingFrom) { try MailParser.parse(Array("From: not an address\n\nx".utf8)) }
        // Binary junk never crashes: it is either refused or read as best it can be.
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let junk = (0..<Int.random(in: 0..<400, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = try? MailParser.parse(
                Array("From: a@b.example\nContent-Type: multipart/mixed; boundary=q\n\n--q\n".utf8) + junk)
        }
    }

    @Test func caseReferencesAreFoundOnlyAsWholeTokens() {
        #expect(CaseReference.find(in: "Re: [C-1042] 发票") == 1042)
        #expect(CaseReference.find(in: "RE: c-7 follow up") == 7)
        #expect(CaseReference.find(in: "ABC-12 and C-x") == nil)
        #expect(CaseReference.find(in: "C-12abc") == nil)
        #expect(CaseReference.find(in: "C-0") == nil)
    }
}

/// Senders as real mailers write them (several from CPython's e-mail test corpus): the older `addr (Name)` form was
/// refused as "no readable From" before.
@Suite struct MailAddressTests {
    @Test(
        arguments: [
            ("bbb@ddd.com (John X. Doe)", "bbb@ddd.com", "John X. Doe"),
            ("barry@python.org (Barry A. Warsaw)", "barry@python.org", "Barry A. Warsaw"),
            ("Barry Warsaw <barry@python.org>", "barry@python.org", "Barry Warsaw"),
            ("\"Allison Dunlap\" <xxx@example.com>", "xxx@example.com", "Allison Dunlap"),
            ("\"Doe, John \\\"JD\\\"\" <JD@Example.COM>", "jd@example.com", "Doe, John \"JD\""),
            ("<foo@bar.baz>", "foo@bar.baz", nil),
            ("aperson@dom.ain", "aperson@dom.ain", nil),
            (
                "Mail Delivery Subsystem <MAILER-DAEMON@zinfandel.lacita.com>", "mailer-daemon@zinfandel.lacita.com",
                "Mail Delivery Subsystem"
            ),
            ("x@y.org (outer (nested) comment)", "x@y.org", "outer (nested) comment"),
            ("Team: a@x.org, b@y.org;", "a@x.org", nil),
            ("=?UTF-8?B?5byg5LiJ?= <zhang@example.cn>", "zhang@example.cn", "张三"),
            ("\"=?gb2312?B?wO7LxA==?=\" <li@example.cn>", "li@example.cn", "李四"),
            ("\"john doe\"@example.com", "\"john doe\"@example.com", nil),
            ("MAILER DAEMON <>, backup@example.net", "backup@example.net", nil),
        ] as [(String, String, String?)])
    func sendersAreRead(header: String, address: String, name: String?) {
        let parsed = MailAddress.parse(header)
        #expect(parsed?.address == address, "\(header)")
        #expect(parsed?.name == name, "\(header)")
    }

    @Test(arguments: ["foo", "MAILER DAEMON <>", "", "(just a comment)", "a@b", "<@>", "Name <not an address>"])
    func nonAddressesAreRefused(header: String) {
        #expect(MailAddress.parse(header) == nil)
    }

    @Test func aMessageWithoutAUsableFromTakesItsSenderOrReplyTo() throws {
        let raw = "From: MAILER DAEMON <>\r\nReply-To: Help Desk <help@example.org>\r\nSubject: bounce\r\n\r\nbody"
        let mail = try MailParser.parse(Array(raw.utf8))
        #expect(mail.fromAddress == "help@example.org")
    }
}
