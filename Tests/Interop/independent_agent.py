#!/usr/bin/env python3
"""Independent implementation of the Taizhang wire protocol, version 4.

Written only from docs/PROTOCOL.md (no Swift source read).
Standard library + pyzmq only.

Run directly to execute the codec unit checks against the document's example bytes.
"""
import hashlib
import struct
import time
import uuid

import zmq

MAGIC = b"TZ"
VERSION = 4

# Flag notice kinds (docs/PROTOCOL.md, "Flag notice").
FLAG_KINDS = {0: "other", 1: "date", 2: "stock", 3: "item", 4: "void", 5: "details", 6: "conflict"}
FLAG_LIST_LIMIT = 16
NO_FLAGS = {"openFlags": 0, "entryFlags": 0, "entries": []}

HELLO, WELCOME, BATCH, ACK, PING, PONG, ERROR = 1, 2, 3, 4, 5, 6, 7
TYPE_NAMES = {1: "HELLO", 2: "WELCOME", 3: "BATCH", 4: "ACK", 5: "PING", 6: "PONG", 7: "ERROR"}

MATERIALS = {"board": 0, "sign": 1, "badge": 2, "card": 3, "guide": 4}
ACTIONS = {"install": 0, "retire": 1, "issue": 2, "revoke": 3, "receive": 4,
           "distribute": 5, "adjust": 6, "void": 7}
# optional fields in bit order
FIELD_ORDER = ["item", "quantity", "location", "staff", "channel", "reason", "batch",
               "standard", "voids"]
FIELD_KIND = {"item": "str", "quantity": "i64", "location": "str", "staff": "str",
              "channel": "str", "reason": "str", "batch": "str", "standard": "u8",
              "voids": "u64"}


class ProtocolError(Exception):
    pass


# ---------------------------------------------------------------- primitives

def enc_str(s):
    b = s.encode("utf-8") if isinstance(s, str) else bytes(s)
    if len(b) > 0xFFFF:
        raise ValueError("str too long")
    return struct.pack(">H", len(b)) + b


class Reader:
    def __init__(self, data):
        self.d = bytes(data)
        self.i = 0

    def take(self, n):
        if self.i + n > len(self.d):
            raise ProtocolError("truncated")
        b = self.d[self.i:self.i + n]
        self.i += n
        return b

    def u8(self):
        return self.take(1)[0]

    def u16(self):
        return struct.unpack(">H", self.take(2))[0]

    def u32(self):
        return struct.unpack(">I", self.take(4))[0]

    def u64(self):
        return struct.unpack(">Q", self.take(8))[0]

    def i32(self):
        return struct.unpack(">i", self.take(4))[0]

    def i64(self):
        return struct.unpack(">q", self.take(8))[0]

    def str(self):
        n = self.u16()
        b = self.take(n)
        try:
            return b.decode("utf-8")
        except UnicodeDecodeError:
            raise ProtocolError("invalid UTF-8")

    def end(self):
        if self.i != len(self.d):
            raise ProtocolError("trailing bytes")


# ---------------------------------------------------------------- entry

def days_from_date(y, m, d):
    import datetime
    return (datetime.date(y, m, d) - datetime.date(1970, 1, 1)).days


def encode_entry(e):
    """e: dict with seq, material, action (names or ints), occurredOn (int days),
    recordedAt (ms), clerk, and optional fields by name. Extra key 'rawFields'
    overrides the fields bit set (for malformed tests)."""
    mat = MATERIALS.get(e["material"], e["material"])
    act = ACTIONS.get(e["action"], e["action"])
    bits = 0
    tail = b""
    for i, name in enumerate(FIELD_ORDER):
        if name in e and e[name] is not None:
            bits |= 1 << i
            v = e[name]
            k = FIELD_KIND[name]
            if k == "str":
                tail += enc_str(v)
            elif k == "i64":
                tail += struct.pack(">q", v)
            elif k == "u64":
                tail += struct.pack(">Q", v)
            elif k == "u8":
                tail += struct.pack(">B", int(v))
    if "rawFields" in e:
        bits = e["rawFields"]
    head = struct.pack(">QBBHiq", e["seq"], mat, act, bits, e["occurredOn"], e["recordedAt"])
    return head + enc_str(e["clerk"]) + tail


def decode_entry(b):
    r = Reader(b)
    e = {"seq": r.u64()}
    mat = r.u8()
    act = r.u8()
    bits = r.u16()
    if bits >> 9:
        raise ProtocolError("field bits 9-15 set")
    inv_m = {v: k for k, v in MATERIALS.items()}
    inv_a = {v: k for k, v in ACTIONS.items()}
    if mat not in inv_m or act not in inv_a:
        raise ProtocolError("unknown material/action")
    e["material"], e["action"] = inv_m[mat], inv_a[act]
    e["occurredOn"] = r.i32()
    e["recordedAt"] = r.i64()
    e["clerk"] = r.str()
    for i, name in enumerate(FIELD_ORDER):
        if bits & (1 << i):
            k = FIELD_KIND[name]
            e[name] = {"str": r.str, "i64": r.i64, "u64": r.u64, "u8": r.u8}[k]()
    r.end()
    return e


def content_hash(entry_bytes):
    return hashlib.sha256(entry_bytes).digest()


# ---------------------------------------------------------------- chain

def genesis(branch, incarnation):
    inc = incarnation.bytes if isinstance(incarnation, uuid.UUID) else bytes(incarnation)
    assert len(inc) == 16
    return hashlib.sha256(b"TZ-CHAIN" + enc_str(branch) + inc).digest()


def chain_step(prev, chash):
    return hashlib.sha256(prev + chash).digest()


class Chain:
    """chain[n] for n = 0..len(entries)."""

    def __init__(self, branch, incarnation):
        self.branch = branch
        self.incarnation = incarnation
        self.heads = [genesis(branch, incarnation)]
        self.entries = []  # encoded bytes, index seq-1

    def append(self, entry_bytes):
        self.entries.append(entry_bytes)
        self.heads.append(chain_step(self.heads[-1], content_hash(entry_bytes)))

    def at(self, n):
        return self.heads[n]

    @property
    def last_seq(self):
        return len(self.entries)


# ---------------------------------------------------------------- messages

def frame(mtype, body=b"", version=VERSION):
    return MAGIC + bytes([version, mtype]) + body


def msg_hello(incarnation, last_seq, chain, branch, version=VERSION):
    inc = incarnation.bytes if isinstance(incarnation, uuid.UUID) else bytes(incarnation)
    body = inc + struct.pack(">Q", last_seq) + chain
    if version >= 3:
        body += enc_str(branch)
    return frame(HELLO, body, version)


def msg_batch(previous_chain, entries, count=None, version=VERSION):
    body = previous_chain + struct.pack(">H", len(entries) if count is None else count)
    for eb in entries:
        body += struct.pack(">H", len(eb)) + eb
    return frame(BATCH, body, version)


def msg_ping(last_seq, version=VERSION):
    return frame(PING, struct.pack(">Q", last_seq), version)


# hub -> agent encoders (used for the document's example bytes only)
def enc_flags(notice=None):
    """A flag notice: openFlags u16, entryFlags u16, listed u8, listed x (seq u64, kind u8)."""
    n = notice or NO_FLAGS
    body = struct.pack(">HHB", n["openFlags"], n["entryFlags"], len(n["entries"]))
    for seq, kind in n["entries"]:
        body += struct.pack(">QB", seq, kind)
    return body


def msg_welcome(held, chain, max_entries, max_bytes, version=VERSION, flags=None):
    body = struct.pack(">Q", held) + chain + struct.pack(">HI", max_entries, max_bytes)
    return frame(WELCOME, body + (enc_flags(flags) if version >= 4 else b""), version)


def msg_ack(held, chain, version=VERSION, flags=None):
    return frame(ACK, struct.pack(">Q", held) + chain + (enc_flags(flags) if version >= 4 else b""), version)


def msg_pong(held, chain, version=VERSION, flags=None):
    return frame(PONG, struct.pack(">Q", held) + chain + (enc_flags(flags) if version >= 4 else b""), version)


def dec_flags(r):
    """Reads a flag notice, checking the document's rules; entries are (seq, kind) pairs."""
    open_flags, entry_flags, listed = r.u16(), r.u16(), r.u8()
    if entry_flags > open_flags:
        raise ProtocolError("flag notice: entryFlags %d > openFlags %d" % (entry_flags, open_flags))
    if listed != min(entry_flags, FLAG_LIST_LIMIT):
        raise ProtocolError("flag notice: listed %d, entryFlags %d" % (listed, entry_flags))
    entries = []
    for _ in range(listed):
        seq, kind = r.u64(), r.u8()
        if not (1 <= seq < 2 ** 63):
            raise ProtocolError("flag notice: seq %d" % seq)
        if kind not in FLAG_KINDS:
            raise ProtocolError("flag notice: unknown kind %d" % kind)
        entries.append((seq, kind))
    return {"openFlags": open_flags, "entryFlags": entry_flags, "entries": entries}


def msg_error(code, held, seq, message, version=VERSION):
    return frame(ERROR, struct.pack(">HQQ", code, held, seq) + enc_str(message), version)


def decode_message(b, own_version=VERSION):
    """Decode a hub->agent message; returns dict. Accepts ERROR of versions 1..own."""
    r = Reader(b)
    if r.take(2) != MAGIC:
        raise ProtocolError("bad magic")
    ver = r.u8()
    t = r.u8()
    m = {"version": ver, "type": TYPE_NAMES.get(t, t)}
    if t == ERROR:
        if not (1 <= ver <= own_version):
            raise ProtocolError("ERROR of unsupported version %d" % ver)
        m["code"] = r.u16()
        m["heldSeq"] = r.u64()
        m["seq"] = r.u64()
        m["message"] = r.str()
    else:
        if ver != own_version:
            raise ProtocolError("message of other version %d" % ver)
        if t == WELCOME:
            m["heldSeq"] = r.u64()
            m["chain"] = r.take(32)
            m["maxEntries"] = r.u16()
            m["maxBytes"] = r.u32()
            m["flags"] = dec_flags(r)
        elif t in (ACK, PONG):
            m["heldSeq"] = r.u64()
            m["chain"] = r.take(32)
            m["flags"] = dec_flags(r)
        elif t == HELLO:
            m["incarnation"] = r.take(16)
            m["lastSeq"] = r.u64()
            m["chain"] = r.take(32)
        elif t == PING:
            m["lastSeq"] = r.u64()
        elif t == BATCH:
            m["previousChain"] = r.take(32)
            n = r.u16()
            m["entries"] = [r.take(r.u16()) for _ in range(n)]
        else:
            raise ProtocolError("unknown type %d" % t)
    r.end()
    return m


# ---------------------------------------------------------------- connection

class Conn:
    """One DEALER connection to the hub, CURVE client."""

    def __init__(self, endpoint, hub_public, public, secret, ctx=None):
        self.ctx = ctx or zmq.Context.instance()
        s = self.ctx.socket(zmq.DEALER)
        s.setsockopt(zmq.LINGER, 0)
        s.curve_serverkey = hub_public
        s.curve_publickey = public
        s.curve_secretkey = secret
        s.connect(endpoint)
        self.sock = s
        self.received = []

    def send(self, payload):
        self.sock.send(payload)

    def send_frames(self, frames):
        self.sock.send_multipart(frames)

    def recv_raw(self, timeout=3.0):
        if self.sock.poll(int(timeout * 1000), zmq.POLLIN):
            return self.sock.recv_multipart()
        return None

    def recv(self, timeout=3.0):
        frames = self.recv_raw(timeout)
        if frames is None:
            return None
        if len(frames) != 1:
            raise ProtocolError("hub sent %d frames" % len(frames))
        m = decode_message(frames[0])
        m["raw"] = frames[0]
        self.received.append(m)
        return m

    def request(self, payload, timeout=3.0):
        self.send(payload)
        return self.recv(timeout)

    def close(self):
        self.sock.close(0)


class Ledger:
    """An agent-side ledger: entries + chain, independent of any hub."""

    def __init__(self, branch, incarnation=None):
        self.incarnation = incarnation or uuid.uuid4()
        self.chain = Chain(branch, self.incarnation)
        self.branch = branch

    def add(self, **e):
        e.setdefault("recordedAt", int(time.time() * 1000))
        e.setdefault("clerk", "外部测试")
        e["seq"] = self.chain.last_seq + 1
        b = encode_entry(e)
        self.chain.append(b)
        return e["seq"]

    def add_raw(self, b):
        self.chain.append(b)

    def hello(self, last_seq=None):
        n = self.chain.last_seq if last_seq is None else last_seq
        return msg_hello(self.incarnation, n, self.chain.at(n), self.branch)

    def batch(self, first, last):
        return msg_batch(self.chain.at(first - 1), self.chain.entries[first - 1:last])


class Session:
    """The agent side of the conversation (doc §Conversation), on one connection."""

    def __init__(self, conn, ledger):
        self.conn = conn
        self.ledger = ledger
        self.welcome = None

    def greet(self, timeout=3.0):
        m = self.conn.request(self.ledger.hello(), timeout)
        if m and m["type"] == "WELCOME":
            self.welcome = m
        return m

    def check_head(self, m):
        """Doc §3: compare ACK/PONG/WELCOME chain with own chain at heldSeq."""
        n = m["heldSeq"]
        if n > self.ledger.chain.last_seq:
            return False
        return self.ledger.chain.at(n) == m["chain"]

    def sync(self, per_batch=None, window=4, timeout=3.0):
        """Send everything after WELCOME's heldSeq with a window of batches. Returns list of replies."""
        w = self.welcome
        per_batch = per_batch or w["maxEntries"]
        nxt = w["heldSeq"] + 1
        last = self.ledger.chain.last_seq
        replies = []
        inflight = 0
        while nxt <= last or inflight:
            while nxt <= last and inflight < window:
                end = min(last, nxt + per_batch - 1)
                self.conn.send(self.ledger.batch(nxt, end))
                nxt = end + 1
                inflight += 1
            m = self.conn.recv(timeout)
            if m is None:
                replies.append(None)
                return replies
            replies.append(m)
            inflight -= 1
            if m["type"] != "ACK":
                return replies
        return replies


# ---------------------------------------------------------------- self-test

def _hex(s):
    return bytes.fromhex(s.replace(" ", "").replace("\n", ""))


DOC = {
    "genesis_input": _hex("54 5a 2d 43 48 41 49 4e  00 08 73 61 6e 63 68 61 6e 67  00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff"),
    "genesis": _hex("db2c7d6eabc04210f7120f492e1f801a10ee3665e492d4f9ced55512ace44331"),
    "hello": _hex("""54 5a 04 01  00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff  00 00 00 00 00 00 00 00
db 2c 7d 6e ab c0 42 10 f7 12 0f 49 2e 1f 80 1a 10 ee 36 65 e4 92 d4 f9 ce d5 55 12 ac e4 43 31
00 08 73 61 6e 63 68 61 6e 67"""),
    "ack_prefix": _hex("54 5a 04 04 00 00 00 00 00 00 00 32"),
    "ack_no_flags_tail": _hex("00 00 00 00 00"),
    "ack_flagged_tail": _hex("00 02 00 01 01 00 00 00 00 00 00 00 0c 01"),
    "err505_prefix": _hex("54 5a 01 07 01 f9"),
    "entry": _hex("""00 00 00 00 00 00 00 07  03 04  00 42  00 00 36 73  00 00 01 18 67 a3 54 00
00 03 e7 8e 8b  00 00 00 00 00 00 00 c8  00 02 41 31"""),
    "content_hash": _hex("f993c0aec3824fcafcbaf035ad969018c254b3a851d1a5156926f2d6c9457207"),
    "chain1": _hex("15019b823ccc7f8390ffb39652d4148e537ff27e49f2e752e572695b697a5c8a"),
}


def codec_selftest():
    """Returns list of (name, ok, detail)."""
    out = []
    inc = uuid.UUID("00112233-4455-6677-8899-aabbccddeeff")

    def chk(name, got, want):
        out.append((name, got == want, "" if got == want else "got %s want %s" % (
            got.hex() if isinstance(got, bytes) else got, want.hex() if isinstance(want, bytes) else want)))

    chk("genesis input bytes", b"TZ-CHAIN" + enc_str("sanchang") + inc.bytes, DOC["genesis_input"])
    chk("genesis hash", genesis("sanchang", inc), DOC["genesis"])
    chk("sha256 of doc's genesis input", hashlib.sha256(DOC["genesis_input"]).digest(), DOC["genesis"])
    chk("HELLO bytes", msg_hello(inc, 0, genesis("sanchang", inc), "sanchang"), DOC["hello"])
    c = bytes(range(32))
    ack = msg_ack(50, c)
    chk("ACK bytes (50 entries)", ack[:12], DOC["ack_prefix"])
    chk("ACK length", len(ack), 12 + 32 + 5)
    chk("ACK with no open flag ends", ack[44:], DOC["ack_no_flags_tail"])
    flagged = msg_ack(50, c, flags={"openFlags": 2, "entryFlags": 1, "entries": [(12, 1)]})
    chk("ACK with #12 flagged (date) and a mis-enrolment ends", flagged[44:], DOC["ack_flagged_tail"])
    chk("flag notice decodes", decode_message(flagged)["flags"],
        {"openFlags": 2, "entryFlags": 1, "entries": [(12, 1)]})
    for name, tail in [("entryFlags above openFlags", "00 01 00 02 01 00 00 00 00 00 00 00 0c 01"),
                       ("a list cut short", "00 02 00 02 01 00 00 00 00 00 00 00 0c 01"),
                       ("seq 0", "00 01 00 01 01 00 00 00 00 00 00 00 00 01"),
                       ("unknown kind 7", "00 01 00 01 01 00 00 00 00 00 00 00 0c 07")]:
        try:
            decode_message(ack[:44] + _hex(tail))
            out.append(("flag notice refused: " + name, False, "accepted"))
        except ProtocolError:
            out.append(("flag notice refused: " + name, True, ""))
    e = {"seq": 7, "material": "card", "action": "receive", "occurredOn": days_from_date(2008, 3, 1),
         "recordedAt": 1204329600000, "clerk": "王", "quantity": 200, "batch": "A1"}
    chk("2008-03-01 is day 13939", e["occurredOn"], 13939)
    eb = encode_entry(e)
    chk("entry bytes", eb, DOC["entry"])
    d = decode_entry(DOC["entry"])
    chk("entry decodes back", {k: d[k] for k in e}, e)
    chk("content hash", content_hash(DOC["entry"]), DOC["content_hash"])
    chk("chain step", chain_step(DOC["genesis"], DOC["content_hash"]), DOC["chain1"])
    err = msg_error(505, 0, 0, "x", version=1)
    chk("ERROR 505 in version 1 prefix", err[:6], DOC["err505_prefix"])
    m = decode_message(err)
    chk("v2 agent accepts v1 ERROR", (m["type"], m["code"]), ("ERROR", 505))
    try:
        decode_message(msg_ack(1, c, version=1))
        out.append(("v2 agent refuses v1 ACK", False, "accepted"))
    except ProtocolError:
        out.append(("v2 agent refuses v1 ACK", True, ""))
    # round trips
    w = msg_welcome(3, c, 500, 1 << 20)
    m = decode_message(w)
    chk("WELCOME round trip", (m["heldSeq"], m["chain"], m["maxEntries"], m["maxBytes"]), (3, c, 500, 1 << 20))
    return out


if __name__ == "__main__":
    bad = 0
    for name, ok, detail in codec_selftest():
        print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + detail))
        bad += not ok
    raise SystemExit(1 if bad else 0)
