#!/usr/bin/env python3
"""Page sweep: every main page, as each demo role, in English and Chinese, at laptop (1366 px) and phone (390 px)
width, on the demo company. Fails on what a user would call a defect:
  - a raw translation key (`svc_cases`, `field_x`, `{{`) in the visible text or an accessible name;
  - on a Chinese page, an English text of Lore's own (a value of the English string table that Chinese translates);
  - a page wider than the screen.
Screenshots of every page go to tests-browser/out/ for a reviewer to look at.

Usage: page_sweep.py --binary .build/debug/lore
"""
import argparse, glob, os, re, shutil, subprocess, sys, tempfile

from playwright.sync_api import sync_playwright

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")
sys.path.insert(0, HERE)
from test_browser import free_port, start_server  # noqa: E402  (the same server start-up as the scenario test)

PASSWORD = "lore-demo-2026"
# Each role's pages; "first:<list page>" opens the first record that list links to.
PAGES = {
    "admin": ["/", "/accounts", "first:/accounts", "/opportunities", "/pipeline", "/cases", "first:/cases", "/kb",
              "first:/kb", "/audit", "/admin/users", "/settings", "/search?q=%E5%8D%8E", "/service/loop",
              "/service/settings", "/orders", "/products"],
    "agent": ["/", "/cases", "first:/cases", "/cases/new", "/accounts", "/kb", "/kb/articles/new"],
    "rep.north": ["/", "/accounts", "first:/accounts", "/opportunities", "/pipeline", "/interactions", "/tasks",
                  "/accounts/new"],
    "service.manager": ["/", "/cases", "/service/loop", "/service/settings"],
    "km": ["/", "/kb/review", "/kb/needs-review", "/kb/mine"],
    "customer": ["/kb", "first:/kb", "/settings"],
}
PREFIXES = ("action|admin|app|audit|choice|convert|entity|err|field|form|home|kb|lang|list|login|msg|nav|pipeline|"
            "related|role|search|settings|svc|timeline")
RAW_KEY = re.compile(r"\b(?:%s)_[a-z0-9_]+\b|\{\{|\}\}" % PREFIXES)
failures = []


def string_tables():
    """English and Chinese UI strings, read from the Swift tables: {key: text}."""
    pair = re.compile(r'"([a-z][A-Za-z0-9_\-]*)":\s*"((?:[^"\\]|\\.)*)"')
    en, zh = {}, {}
    for path in glob.glob(os.path.join(ROOT, "Sources/LoreCore/Text/Strings+*.swift")):
        text = open(path, encoding="utf-8").read()
        # Each file holds an English table and (after `Zh`/`zh`) a Chinese one.
        split = re.search(r"static let (?:zh\w*|\w*Zh)\b", text)
        for part, table in ((text[: split.start()] if split else text, en), (text[split.start():] if split else "", zh)):
            for key, value in pair.findall(part):
                table.setdefault(key, value)
    return en, zh


def english_left_over(en, zh):
    """English texts that Chinese translates, long enough not to be a name or a code. A language's own name
    ("English" in the language picker) stays as it is in every language."""
    own_names = {v for k, v in en.items() if k.startswith("lang_")}
    return {v for k, v in en.items() if k in zh and zh[k] != v and len(v) >= 4 and re.search(r"[a-z]{3}", v)
            and "{" not in v and v not in own_names}


def visible_texts(page):
    return page.evaluate("""() => {
        const out = [];
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walk.nextNode()) { const t = walk.currentNode.textContent.trim(); if (t) out.push(t); }
        document.querySelectorAll('[placeholder],[aria-label],[title]').forEach(e => {
            for (const a of ['placeholder', 'aria-label', 'title']) { const v = e.getAttribute(a); if (v) out.push(v.trim()); }
        });
        return out;
    }""")


def check_page(page, label, lang, leftovers):
    texts = visible_texts(page)
    raw = sorted({m.group(0) for t in texts for m in RAW_KEY.finditer(t)})
    if raw:
        failures.append(f"{label}: raw keys {raw[:5]}")
    if lang == "zh-Hans":
        english = sorted({t for t in texts if t in leftovers})
        if english:
            failures.append(f"{label}: English on a Chinese page {english[:5]}")
    if page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"):
        failures.append(f"{label}: wider than the screen")


def sweep(browser, base, role, lang, width, leftovers):
    ctx = browser.new_context(viewport={"width": width, "height": 900}, locale=lang,
                              extra_http_headers={"Accept-Language": lang})
    page = ctx.new_page()
    page.goto(base + "/login")
    page.fill("input[name=email]", f"{role}@lore.demo")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    for path in PAGES[role]:
        if path.startswith("first:"):
            page.goto(base + path[6:])
            link = page.locator("main table tbody a[href], main .kb-hit a[href], main article a[href], main h3 a[href]").first
            if link.count() == 0:
                continue
            path = link.get_attribute("href")
        response = page.goto(base + path)
        label = f"[{role}/{lang}/{width}] {path}"
        if response is None or response.status >= 500:
            failures.append(f"{label}: HTTP {response.status if response else '—'}")
            continue
        check_page(page, label, lang, leftovers)
        name = re.sub(r"[^a-z0-9]+", "_", path.lower()).strip("_") or "home"
        try:
            page.screenshot(path=os.path.join(OUT, f"{role}-{name}-{lang}-{width}.png"), full_page=True)
        except Exception as e:  # a screenshot is for people; a failed capture is not a defect of the page
            print(f"  (screenshot skipped: {e.__class__.__name__})")
    ctx.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    en, zh = string_tables()
    leftovers = english_left_over(en, zh)
    tmp = tempfile.mkdtemp(prefix="lore-sweep-")
    database = os.path.join(tmp, "demo.db")
    subprocess.run([args.binary, "demo", "--database", database], check=True, capture_output=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=["--no-sandbox"])
        proc, base = start_server(args.binary, database)
        try:
            for role in PAGES:
                for lang in ["en", "zh-Hans"]:
                    for width in [1366, 390]:
                        sweep(browser, base, role, lang, width, leftovers)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        browser.close()
    shutil.rmtree(tmp, ignore_errors=True)
    pages = sum(len(v) for v in PAGES.values()) * 4
    for f in failures:
        print("  FAILED " + f)
    print(f"page sweep: {pages} pages, {len(failures)} defects; screenshots in {OUT}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
