#!/usr/bin/env python3
"""Feeds real-world e-mails to Lore's intake and compares what Lore read with what Python's `email` package reads.

The corpus is CPython's own e-mail test data (Lib/test/test_email/data/msg_*.txt: messages from real mailers,
collected by the e-mail package's authors over twenty years), found through the running Python's `test` package
or Debian's libpython3.11-testsuite. No one on the Lore team wrote these messages.

For each message: if Python finds a sender address (From, else Sender, Reply-To, Return-Path), Lore must take the
same one; if not, Lore must refuse it with a 422 that names the message. Where the message has a subject, Lore's
case subject must be Python's decoded subject (RFC 2047 encoded words, folding), white space aside.

Usage: mail_corpus.py BASE_URL TOKEN   (exit status 1 on any mismatch)
"""

import email
import email.policy
import email.utils
import glob
import json
import os
import sys
import urllib.error
import urllib.request


def corpus_dir():
    candidates = []
    try:
        import test.test_email

        candidates.append(os.path.join(os.path.dirname(test.test_email.__file__), "data"))
    except ImportError:
        pass
    candidates += glob.glob("/usr/lib/python3*/test/test_email/data")
    for c in candidates:
        if glob.glob(os.path.join(c, "msg_*.txt")):
            return c
    sys.exit("no e-mail corpus: install Debian's libpython3.11-testsuite (scripts/install-test-tools.sh does)")


def expected_sender(raw):
    msg = email.message_from_bytes(raw)  # compat32: headers as written
    for header in ("From", "Sender", "Reply-To", "Return-Path"):
        for _, addr in email.utils.getaddresses(msg.get_all(header, [])):
            local, _, domain = addr.rpartition("@")
            if local and "." in domain.strip(".") and not domain.startswith(".") and not domain.endswith("."):
                return addr.lower()
    return None


def expected_subject(raw):
    subject = email.message_from_bytes(raw, policy=email.policy.default)["subject"]
    return " ".join(str(subject).split()) if subject is not None and str(subject).strip() else None


def call(base, token, method, path, body=None, content_type=None):
    request = urllib.request.Request(base + path, data=body, method=method)
    request.add_header("Authorization", "Bearer " + token)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def main():
    base, token = sys.argv[1].rstrip("/"), sys.argv[2]
    files = sorted(glob.glob(os.path.join(corpus_dir(), "msg_*.txt")))
    failures, taken, refused = [], 0, 0
    for path in files:
        name = os.path.basename(path)
        raw = open(path, "rb").read()
        sender, subject = expected_sender(raw), expected_subject(raw)
        status, body = call(base, token, "POST", "/api/v1/cases/intake", raw, "message/rfc822")
        if status >= 500:
            failures.append(f"{name}: server error {status}")
            continue
        if sender is None:
            fields = [e.get("field") for e in (body or {}).get("errors", [])]
            if status == 422 and "message" in fields:
                refused += 1
            else:
                failures.append(f"{name}: Python finds no sender, Lore answered {status}")
            continue
        if status not in (200, 201):
            failures.append(f"{name}: sender {sender}, Lore answered {status} {body}")
            continue
        case_id = body["case"]["id"]
        _, case = call(base, token, "GET", f"/api/v1/cases/{case_id}")
        senders = [m["from_address"] for m in case.get("messages", []) if m.get("kind") == "customer"]
        if sender not in senders:
            failures.append(f"{name}: sender {sender!r}, Lore took {senders}")
        if subject is not None and body.get("created"):
            got = " ".join(case["subject"].split())
            if got != subject:
                failures.append(f"{name}: subject {subject!r}, Lore read {got!r}")
        taken += 1
    print(f"mail corpus: {len(files)} messages from {corpus_dir()}: {taken} taken in, {refused} refused without a sender")
    for f in failures:
        print("  MISMATCH " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
