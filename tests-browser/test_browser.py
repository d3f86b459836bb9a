#!/usr/bin/env python3
"""Browser test: a person signs in, creates an account and a contact, logs a call and sees it on the
timeline, writes and publishes a knowledge-base article and finds it by a Chinese and an English query — in English
and in Chinese, on SQLite and on PostgreSQL. Drives Debian's chromium through playwright.

Usage: test_browser.py --binary .build/debug/lore [--postgres postgres://...]
Screenshots go to tests-browser/screenshots/.
"""
import argparse, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request
from urllib.parse import urlparse, urlunparse

from playwright.sync_api import sync_playwright, expect

HERE = os.path.dirname(os.path.abspath(__file__))
SHOTS = os.path.join(HERE, "screenshots")
ADMIN, PASSWORD = "admin@browser.test", "browser-test-password"
TEXT = {
    "en": {"login": "Sign in to Lore", "welcome": "Welcome back", "save": "Save", "log": "Log interaction", "timeline": "Timeline",
           "approve": "Approve and publish", "published": "Published", "history": "History"},
    "zh-Hans": {"login": "登录 Lore", "welcome": "欢迎回来", "save": "保存", "log": "记录互动", "timeline": "时间线",
                "approve": "批准并发布", "published": "已发布", "history": "历史"},
}
results = {"passed": 0, "failed": 0}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary, database):
    port = free_port()
    log = open(os.path.join(SHOTS, f"server-{port}.log"), "w")
    proc = subprocess.Popen([binary, "serve", "--database", database, "--port", str(port), "--admin-email", ADMIN,
                             "--admin-password", PASSWORD, "--log-level", "warning"], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if urllib.request.urlopen(base + "/health", timeout=1).status == 200:
                return proc, base
        except Exception:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("lore serve did not start; see " + log.name)


def shot(page, path, **kwargs):
    """Screenshots are for people to look at, not assertions: a failed capture must not fail the test."""
    try:
        page.screenshot(path=path, **kwargs)
    except Exception as e:
        print(f"  (screenshot {os.path.basename(path)} skipped: {e.__class__.__name__})")


def check(name, fn):
    try:
        fn()
        results["passed"] += 1
        print(f"  ok   {name}")
    except Exception as e:
        results["failed"] += 1
        print(f"  FAIL {name}: {e}")


def scenario(browser, base, lang, engine):
    t = TEXT[lang]
    ctx = browser.new_context(viewport={"width": 1280, "height": 860}, locale="en-US", timezone_id="Asia/Shanghai")
    page = ctx.new_page()
    tag = f"{engine}-{lang}"
    account = f"海渊科技 Haiyuan {tag} <b>&"

    def sign_in():
        page.goto(f"{base}/login?lang={lang}")
        expect(page.locator("h1")).to_have_text(t["login"])
        page.fill("#email", ADMIN)
        page.fill("#password", PASSWORD)
        page.click("main button[type=submit]")
        expect(page.locator("h1")).to_contain_text(t["welcome"])
        # The language chosen on the sign-in page must stay after signing in.
        page.goto(f"{base}/settings")
        page.check(f"input[name=locale][value='{lang}']")
        page.click("form[action='/settings/language'] button")
        shot(page, os.path.join(SHOTS, f"{tag}-1-settings.png"))

    def create_account():
        page.goto(f"{base}/accounts/new")
        page.click("main form.form button[type=submit]")  # empty form: inline errors, nothing saved
        expect(page.locator(".field.has-error")).not_to_have_count(0)
        page.fill("#f_name", account)
        page.select_option("#f_kind", "company")
        page.select_option("#f_value_tier", "gold")
        page.fill("#f_phone", "0571-8888-1234")
        page.click("main form.form button[type=submit]")
        expect(page.locator("h1")).to_have_text(account)
        shot(page, os.path.join(SHOTS, f"{tag}-2-account.png"))

    def create_contact():
        page.click("section.related:first-of-type header a.btn")  # "+" on the contacts list of the account
        page.fill("#f_name", f"王晓明 {tag}")
        page.fill("#f_email", f"wang.{engine}.{lang.lower()}@haiyuan.example")
        page.click("main form.form button[type=submit]")
        expect(page.locator("h1")).to_have_text(f"王晓明 {tag}")
        page.click(f"a:has-text('{account}')")
        expect(page.locator("section.related").first).to_contain_text(f"王晓明 {tag}")

    def log_interaction():
        page.select_option("form.log-form select[name=kind]", "call")
        page.fill("form.log-form input[name=subject]", f"询问退款流程 refund question {tag}")
        page.fill("form.log-form textarea[name=body]", "客户来电询问退款到账时间。")
        page.click(f"form.log-form button:has-text('{t['log']}')")
        expect(page.locator("h1")).to_have_text(account)
        item = page.locator("ol.timeline li").first
        expect(item).to_contain_text(f"询问退款流程 refund question {tag}")
        expect(page.locator(".timeline-card h2")).to_have_text(t["timeline"])
        shot(page, os.path.join(SHOTS, f"{tag}-3-timeline.png"), full_page=True)

    def search_finds_it():
        page.fill("header .global-search input", "海渊")
        page.press("header .global-search input", "Enter")
        expect(page.locator("main")).to_contain_text(account)

    article = f"如何申请退款 refunds {tag}"

    def write_and_publish_article():
        page.goto(f"{base}/kb/articles/new")
        page.select_option("#f-type", "faq")
        page.select_option("#f-language", "zh")
        page.fill("#f-title", article)
        page.fill("#f-body", "## 步骤\n\n订单签收后 30 天内可申请**退款**。Refunds arrive in five days.\n\n<script>alert(1)</script>")
        page.fill("#f-tags", "退款, billing")
        page.click(f"form.card.form button:has-text('{t['save']}')")
        expect(page.locator("h1")).to_have_text(article)
        expect(page.locator("article.article-body strong")).to_have_text("退款")
        expect(page.locator("article.article-body")).to_contain_text("<script>alert(1)</script>")  # shown as text
        page.click(f"button:has-text('{t['approve']}')")
        expect(page.locator(".eyebrow")).to_contain_text(t["published"])
        shot(page, os.path.join(SHOTS, f"{tag}-4-article.png"), full_page=True)

    def knowledge_search_finds_it():
        for query, marked in [("退款", "退款"), ("refund", "Refunds")]:
            page.goto(f"{base}/kb")
            page.fill("form.kb-searchbar input[name=q]", query)
            page.press("form.kb-searchbar input[name=q]", "Enter")
            hit = page.locator("li.kb-hit", has_text=article)
            expect(hit).to_have_count(1)
            expect(hit.locator("mark").first).to_have_text(marked)
        shot(page, os.path.join(SHOTS, f"{tag}-5-kb-search.png"), full_page=True)

    def article_history():
        page.locator("li.kb-hit a.kb-hit-title", has_text=article).click()
        page.click(f"a:has-text('{t['history']}')")
        expect(page.locator("table.data tbody tr")).to_have_count(1)

    def case_suggests_the_article_and_is_resolved():
        page.goto(f"{base}/cases/new")
        page.fill("#subject", f"申请退款 refunds {tag}")
        page.fill("#description", "客户想知道订单签收后如何申请退款，refunds 多久到账。")
        page.click("form.card.form button[type=submit]")
        expect(page.locator("h1")).to_have_text(f"申请退款 refunds {tag}")
        suggestion = page.locator(".suggestion", has_text=article)
        expect(suggestion).to_have_count(1)
        # "Insert into reply" puts the answer in the reply box; "This solved it" records it.
        suggestion.locator("button[data-insert]").click()
        expect(page.locator("#text")).not_to_have_value("")
        suggestion.locator("button[type=submit]").click()
        expect(page.locator(".suggestion", has_text=article).locator(".badge-published")).to_have_count(1)
        page.click("details.menu > summary")  # the case's actions live in one menu
        page.fill("form[action$='/resolve'] textarea", "已告知客户退款流程。")
        page.click("form[action$='/resolve'] button")
        expect(page.locator(".eyebrow .case-resolved")).to_have_count(1)
        shot(page, os.path.join(SHOTS, f"{tag}-6-case.png"), full_page=True)
        page.goto(f"{base}/service/loop")
        expect(page.locator("svg.chart")).to_have_count(1)
        shot(page, os.path.join(SHOTS, f"{tag}-7-loop.png"), full_page=True)

    for name, fn in [("sign in", sign_in), ("create account", create_account), ("create contact", create_contact),
                     ("log interaction on timeline", log_interaction), ("global search", search_finds_it),
                     ("write and publish an article", write_and_publish_article), ("knowledge search", knowledge_search_finds_it),
                     ("article history", article_history), ("case suggests the article and is resolved", case_suggests_the_article_and_is_resolved)]:
        check(f"[{engine}/{lang}] {name}", fn)
    ctx.close()


def fresh_postgres(url):
    """A new database next to the given one, so the test starts empty."""
    name = "lore_browser_test"
    subprocess.run(["psql", url, "-q", "-c", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"], check=True)
    u = urlparse(url)
    return urlunparse(u._replace(path="/" + name))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--postgres")
    args = ap.parse_args()
    os.makedirs(SHOTS, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="lore-browser-")
    engines = [("sqlite", os.path.join(tmp, "browser.db"))]
    if args.postgres:
        engines.append(("postgres", fresh_postgres(args.postgres)))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=["--no-sandbox"])
        for engine, database in engines:
            proc, base = start_server(args.binary, database)
            try:
                for lang in ["en", "zh-Hans"]:
                    scenario(browser, base, lang, engine)
            finally:
                proc.terminate()
                proc.wait(timeout=10)
        browser.close()
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"browser: {results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
