#!/usr/bin/env bash
# Installs what the tests need beyond Swift: PostgreSQL 15, headless Chromium with CJK fonts, playwright, schemathesis
# (the API fuzzer), and CPython's e-mail test corpus (Debian ships it when the running Python does not).
# Safe to run again: it installs only what is missing.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
command -v curl >/dev/null || missing+=(curl)
python3 -c "import test.test_email, os, sys; sys.exit(0 if os.path.isdir(os.path.join(os.path.dirname(test.test_email.__file__), 'data')) else 1)" \
    2>/dev/null || ls /usr/lib/python3*/test/test_email/data/msg_01.txt >/dev/null 2>&1 || missing+=(libpython3.11-testsuite)
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c "import playwright" 2>/dev/null || pip install -q playwright
# Pinned: a newer fuzzer finds new kinds of things, which should be a change of its own, not a surprise in CI.
python3 -c "import schemathesis, sys; sys.exit(0 if schemathesis.__version__ == '4.32.5' else 1)" 2>/dev/null || pip install -q "schemathesis==4.32.5"
