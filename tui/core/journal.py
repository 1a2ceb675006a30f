"""The journal: each saved change appended to a small file beside the data file.

Rewriting years of notes (30 MB at 50,000 notes) for every tick took longer than
a person should wait, so a change is appended here and flushed to the disk
instead; the data file itself is rewritten ("compacted") when the app closes. It
stays TinyDB's JSON, complete whenever no copy of the app has it open.

One line per user action, so an action is one atomic write:

    <JSON list of operations> <CRC-32 of that JSON, 8 hex digits>\\n

Operations are idempotent (``put`` a whole record, ``del`` one, ``clear`` all but
the meta table): replaying one twice changes nothing. The first line names the
data file's ``base``, a token written into its meta record at each compaction: a
journal whose base differs belongs to an older data file (a compaction finished
but its journal was not yet reset) and is ignored. A line cut short by a crash
fails its check: it and anything after it were never reported as saved.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Any

import msgspec

from tui.core import schema

VERSION = 1
Op = list[Any]  # ["put", table, id, record] | ["del", table, id] | ["clear"]

_encoder = msgspec.json.Encoder()


def put(table: str, record_id: int, record: schema.Record) -> Op:
    return ["put", table, record_id, record]


def delete(table: str, record_id: int) -> Op:
    return ["del", table, record_id]


def clear() -> Op:
    return ["clear"]


def line(payload: Any) -> bytes:
    body = _encoder.encode(payload)
    return body + b" " + f"{zlib.crc32(body):08x}".encode() + b"\n"


def header(base: str) -> bytes:
    return line({"journal": VERSION, "base": base})


def apply(tables: schema.Tables, ops: list[Op]) -> None:
    """Carry out operations on the document in memory."""
    for op in ops:
        if op[0] == "put":
            tables[op[1]][op[2]] = op[3]
        elif op[0] == "del":
            tables[op[1]].pop(op[2], None)
        elif op[0] == "clear":
            for name, table in tables.items():
                if name != schema.META:
                    table.clear()


@dataclass
class Replay:
    base: str | None = None
    transactions: list[list[Op]] = field(default_factory=list)
    good_size: int = 0  # bytes up to the end of the last whole line
    damaged: bool = False  # a bad line with whole lines after it: not just a cut-short tail


def _check(raw_line: bytes) -> bytes | None:
    body, _, crc = raw_line.rpartition(b" ")
    if not body or len(crc) != 8:
        return None
    try:
        return body if int(crc, 16) == zlib.crc32(body) else None
    except ValueError:
        return None


def _decode_ops(body: bytes) -> list[Op]:
    """Decode one transaction, checking each record against the schema."""
    raw_ops = msgspec.json.decode(body)
    if not isinstance(raw_ops, list):
        raise ValueError("not a list of operations")
    ops: list[Op] = []
    for op in raw_ops:
        if op == ["clear"]:
            ops.append(clear())
        elif isinstance(op, list) and len(op) == 4 and op[0] == "put":
            record_type = schema.TABLES[op[1]]
            ops.append(put(op[1], int(op[2]), msgspec.convert(op[3], record_type)))
        elif isinstance(op, list) and len(op) == 3 and op[0] == "del":
            if op[1] not in schema.TABLES:
                raise KeyError(op[1])
            ops.append(delete(op[1], int(op[2])))
        else:
            raise ValueError("unknown operation")
    return ops


def parse(raw: bytes) -> Replay:
    """Read a journal's lines up to the first one that is cut short or damaged."""
    replay = Replay()
    position = 0
    while position < len(raw):
        end = raw.find(b"\n", position)
        if end < 0:
            break  # the last line was cut short
        body = _check(raw[position:end])
        try:
            if body is None:
                raise ValueError("failed its check")
            if replay.base is None:
                head = msgspec.json.decode(body)
                if not isinstance(head, dict) or head.get("journal") != VERSION:
                    raise ValueError("not a journal header")
                replay.base = str(head.get("base", ""))
            else:
                replay.transactions.append(_decode_ops(body))
        except (ValueError, KeyError, TypeError, msgspec.MsgspecError):
            replay.damaged = raw.find(b"\n", end + 1) >= 0  # whole lines after a bad one
            break
        position = end + 1
        replay.good_size = position
    return replay
