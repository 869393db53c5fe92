#!/usr/bin/env python3
"""Checks of docs/PROTOCOL.md's "Entry rules" against a real hub, with independent_agent.py:
the date rule with one day of skew, stock and items judged on the entry's date, the
identity of tags, the allowed fields. Each rule break is acknowledged, flagged, and left out
of the totals. Usage: rules_checks.py [--bin DIR] [-v]; exit 0 only if all pass."""
import argparse
import datetime
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_checks as rc  # noqa: E402


def shanghai_today():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


def deliver(b):
    s, w = b.session()
    if not w or w.get("type") != "WELCOME":
        return s, None
    replies = s.sync()
    return s, (replies[-1] if replies else None)


def rules(hub):
    b = rc.Branch(hub, "entryrules")
    today = shanghai_today()
    tomorrow = today + datetime.timedelta(days=1)
    later = today + datetime.timedelta(days=2)
    plan = [
        # seq, expected valid?, what the document says
        (True, "board install without standard: conforming", dict(material="board", action="install", item="GS-01", location="大厅", on=(2008, 3, 1))),
        (False, "full-width twin of a board in service", dict(material="board", action="install", item="ＧＳ－０１", location="二楼", on=(2008, 3, 2))),
        (False, "lower-case twin of a board in service", dict(material="board", action="install", item="gs-01", location="二楼", on=(2008, 3, 2))),
        (True, "receive 100 on 2008-04-01", dict(material="card", action="receive", quantity=100, on=(2008, 4, 1))),
        (False, "distribute 30 backdated to 2008-03-15, before the receipt", dict(material="card", action="distribute", quantity=30, channel="窗口", on=(2008, 3, 15))),
        (True, "distribute 90 on 2008-04-10", dict(material="card", action="distribute", quantity=90, channel="窗口", on=(2008, 4, 10))),
        (False, "distribute 20 on 2008-04-05, starving 2008-04-10", dict(material="card", action="distribute", quantity=20, channel="集市", on=(2008, 4, 5))),
        (False, "a field the action does not take (batch on a distribute)", dict(material="card", action="distribute", quantity=1, channel="c", batch="b", on=(2008, 4, 10))),
        (False, "text not in NFC", dict(material="sign", action="install", item="QX-01", location="Cafe\u0301", on=(2008, 4, 10))),
        (True, "dated tomorrow (the hub's one day of skew)", dict(material="guide", action="receive", quantity=7, on=(tomorrow.year, tomorrow.month, tomorrow.day))),
        (False, "dated the day after tomorrow", dict(material="guide", action="receive", quantity=11, on=(later.year, later.month, later.day))),
        (False, "dated 9999-12-31", dict(material="guide", action="receive", quantity=1000, on=(9999, 12, 31))),
    ]
    for _, _, spec in plan:
        spec = dict(spec)
        on = spec.pop("on")
        b.add(spec.pop("material"), spec.pop("action"), on=on, **spec)
    session, last = deliver(b)
    rc.check("R1 every entry acknowledged (rule breaks never stick the branch)",
             bool(last) and last.get("type") == "ACK" and last.get("heldSeq") == len(plan), str(last))
    flagged = rc.flagged_seqs(hub.flags("entryrules"))
    for seq, (valid, label, _) in enumerate(plan, start=1):
        rc.check("R%d %s: %s" % (seq + 1, label, "counted" if valid else "flagged"),
                 (seq not in flagged) == valid, "flagged seqs %s" % sorted(flagged))
    totals = hub.totals("entryrules") or {}
    rc.check("R14 totals: one board, standard", rc.inv_get(totals, "board.inService") == 1 and rc.inv_get(totals, "board.standard") == 1, str(totals.get("board")))
    rc.check("R15 totals: cards 100 in, 90 out", rc.inv_get(totals, "card.received") == 100 and rc.inv_get(totals, "card.distributed") == 90, str(totals.get("card")))
    rc.check("R16 totals: only tomorrow's guides (not the far-future ones)", rc.inv_get(totals, "guide.received") == 7, str(totals.get("guide")))
    notice_checks(hub, b, session, last)


# The kinds of docs/PROTOCOL.md's "Flag notice" the plan's rule breaks must carry.
ITEM, STOCK, DETAILS, DATE = 3, 2, 5, 1
EXPECTED_KINDS = {2: ITEM, 3: ITEM, 5: STOCK, 7: STOCK, 8: DETAILS, 9: DETAILS, 11: DATE, 12: DATE}


def notice_checks(hub, b, session, last):
    """The flag notice of ACK and PONG (version 4): which entries the hub flagged and why,
    and a settled flag gone from the next notice."""
    want = {"openFlags": 8, "entryFlags": 8, "entries": sorted(EXPECTED_KINDS.items())}
    rc.check("R17 the last ACK's flag notice lists every flagged entry with its kind (item, stock, details, date)",
             bool(last) and last.get("flags") == want, "got %s want %s" % (last and last.get("flags"), want))
    pong = session.conn.request(rc.ia.msg_ping(b.ledger.chain.last_seq))
    rc.check("R18 a PONG carries the same notice", bool(pong) and pong.get("type") == "PONG" and pong.get("flags") == want
             and session.check_head(pong), str(pong))
    flags = [f for f in hub.json("flags", "--branch", "entryrules") if f.get("seq") == 12]
    if not flags:
        rc.check("R19 taizhang-hub flags lists the flag on #12", False, "no flag on #12")
        return
    hub.cli("resolve", "--flag", str(flags[0]["id"]), "--note", "the office will record it again")
    pong = session.conn.request(rc.ia.msg_ping(b.ledger.chain.last_seq))
    settled = {"openFlags": 7, "entryFlags": 7, "entries": sorted((k, v) for k, v in EXPECTED_KINDS.items() if k != 12)}
    rc.check("R19 after 'taizhang-hub resolve' the next PONG no longer lists #12",
             bool(pong) and pong.get("flags") == settled, "got %s want %s" % (pong and pong.get("flags"), settled))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=rc.BIN)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    rc.BIN, rc.VERBOSE = a.bin, a.v
    hub = rc.Hub()
    try:
        hub.init()
        hub.serve()
        try:
            rules(hub)
        except Exception as ex:
            rc.check("rules (ran to the end)", False, "%s: %s" % (type(ex).__name__, ex))
    finally:
        hub.stop()
        shutil.rmtree(hub.data, ignore_errors=True)
    failed = [name for name, ok, _ in rc.RESULTS if not ok]
    print("\n%d checks: %d passed, %d failed" % (len(rc.RESULTS), len(rc.RESULTS) - len(failed), len(failed)))
    sys.exit(0 if not failed else 1)


if __name__ == "__main__":
    main()
