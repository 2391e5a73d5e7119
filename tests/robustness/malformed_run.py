#!/usr/bin/env python3
"""Generated malformed-input run (issue 16): N malformed inputs from a fixed seed, each handed to the
flick commands that read it, counting what must never happen.

  python3 tests/robustness/malformed_run.py FLICK_BIN [--seed 1] [--cases 1000] [--jobs 2]
        [--timeout 10] [--report FILE] [--keep DIR] [--only 12,345]

Input kinds (each case is one kind; every case starts from a valid project: flick.toml, a
schema file, a migration folder of 4 migrations written by `flick generate`):

  schema     mutations of the schema SQL            -> export, check, generate
  migration  mutations of one migration's SQL       -> lint, check, migrate, status
  journal    mutations of meta/_journal.json        -> check, lint, status, migrate
             (incl. path-traversal tags: a file outside the folder must never run)
  snapshot   mutations of a meta/NNNN_snapshot.json -> check, check --json, generate
  config     mutations of flick.toml                -> export, check, lint, generate, status, migrate
  url        database URLs with a password in odd spellings, given as --url, --url=, in
             flick.toml, through ${DATABASE_URL} and .env, and to commands that take no URL
  fs         a directory, FIFO, symlink (to /dev/zero, outside, dangling, a loop) or nothing
             where a file is expected, or a file where a directory is expected
  hostile    schema files whose identifiers are hostile (quotes, `;--`, `$$`, 63/64-byte and
             multibyte-truncated names, reserved words, ...) -> export, generate twice (the
             second must find no changes), check, migrate

Mutations: truncation, byte flips, NUL bytes, invalid UTF-8, huge identifiers, deep nesting,
duplicated / removed / swapped lines, CRLF and BOM, duplicated and removed JSON keys, wrong JSON
types, hostile values.

Counted per run: crash (killed by a signal), exit 70 (internal error), other exit codes
outside 0-3, hang (per-run timeout), write on error (exit != 0 and any file of the case directory
created, changed or removed, or -- for migrate / status -- any schema, relation, type or function
created in the database; a migrate that failed with exit 1 may leave the bookkeeping tables and the
migrations it recorded), secret (the URL's password in stdout or stderr), escape (a migration file
outside the folder was run), accepted (a file with a NUL byte or invalid UTF-8 read with exit 0),
not converging (hostile: a second generate writes again).

Prints a Markdown table (or writes it to --report); exits 1 when anything was counted. A failing
case is printed with its number; `--only N` reruns it and `--keep DIR` saves its input (the case
directory before the commands ran, plus repro.sh and result.txt).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import queue
import random
import re
import resource
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pgcluster import Cluster  # noqa: E402

PASSWORD = "FuzzPw-q7Zk3xV9"
WRONG_PASSWORD = "Wr0ngPw-h5Jd8sL2"
# Any of these in stdout/stderr is a printed secret (a password's distinctive part).
SECRET_MARKERS = ("q7Zk3xV9", "h5Jd8sL2", "q7Zk3x%56")
ROLE = "flick_fuzz"
DB_TOKEN = "fuzz_wX"    # replaced by the worker's database after mutation
PORT_TOKEN = "54329"    # replaced by the cluster's port after mutation
ALLOWED_EXIT = {0, 1, 2, 3}
KINDS = ["schema", "migration", "journal", "snapshot", "config", "url", "fs", "hostile"]
WEIGHTS = [18, 18, 13, 11, 12, 9, 9, 10]

# -- the valid project every case starts from --------------------------------------------------
SCHEMA_STEPS = [
    """CREATE TYPE m0_mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE m0_users (
  id bigserial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  mood m0_mood DEFAULT 'ok',
  created_at timestamptz DEFAULT now()
);
CREATE INDEX m0_users_email_idx ON m0_users (lower(email));
""",
    """CREATE TABLE m1_posts (
  id bigserial PRIMARY KEY,
  user_id bigint REFERENCES m0_users (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  body text,
  score integer DEFAULT 0 CHECK (score >= 0)
);
CREATE INDEX m1_posts_user_idx ON m1_posts (user_id) WHERE score > 0;
CREATE VIEW m1_recent AS SELECT id, title FROM m1_posts WHERE score > 0;
""",
    """CREATE SCHEMA m2_audit;
CREATE TABLE m2_audit.m2_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payload jsonb DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE SEQUENCE m2_seq INCREMENT BY 5 START WITH 10;
""",
]
SEED_MIGRATION = """INSERT INTO m0_users (email, mood) VALUES ('a@example.com', 'happy'), ('b@example.com', 'sad');
--> statement-breakpoint
INSERT INTO m1_posts (user_id, title, score) SELECT id, 'hello ' || email, 1 FROM m0_users;
--> statement-breakpoint
CREATE TABLE m3_stats AS SELECT count(*) AS n FROM m1_posts;
--> statement-breakpoint
DO $$ BEGIN
  UPDATE m0_users SET mood = 'ok' WHERE mood IS NULL;
EXCEPTION WHEN others THEN RAISE NOTICE 'skipped';
END $$;
--> statement-breakpoint
UPDATE m1_posts SET body = 'seeded' WHERE score > 0;
"""
TOML_TEMPLATE = f"""# flick.toml of a fuzz case
dialect = "postgresql"
schema = "schema/*.sql"
out = "drizzle"
verbose = false
breakpoints = true
schemaFilter = ["public", "m2_audit"]
tablesFilter = ["*"]

[dbCredentials]
url = "postgresql://{ROLE}:{PASSWORD}@127.0.0.1:{PORT_TOKEN}/{DB_TOKEN}"

[migrations]
table = "__drizzle_migrations"
schema = "drizzle"
prefix = "index"
"""

HOSTILE_NAMES = [
    "user", "order", "select", "table", "e num", 'e"num; --', "a;DROP TABLE x;--",
    "Robert'); DROP TABLE students;--", "$$", "x$tag$y", "back\\slash", "%s%n%x", "{}",
    "${DATABASE_URL}", "--> statement-breakpoint", "new\nline", "tab\there", "ünïcødé", "名前",
    "😀", "MixedCase", "x=y:z#w", "a.b", "public.t", " ", "  lead", "trail ", "*", "?",
    "../../etc", "0000_x", "NULL", "null", "true", "__proto__", "constructor", "toString",
    "L" * 63, "M" * 64, "N" * 200, "é" * 31 + "x", "é" * 32, "ab" + "é" * 31, "\u00a0nbsp",
    "zero\u200bwidth", "rtl\u202eevil", "pg_catalog", "information_schema", "a''b", "''",
    "/*", "*/", "--", ";", "\\", "'", '"', "}", "]",
]
HOSTILE_LABELS = ["it's", "", " ", "a,b", "x" * 63, "é" * 31 + "z", "$$", "--", "\\", "'';--",
                  "NULL", "Ok", "ok "]


# The commands that read each replaced path.
FS_COMMANDS = {
    "schema file": [["export"], ["check"], ["generate", "--name", "fuzz"]],
    "migration file": [["lint"], ["check"], ["migrate"]],
    "journal": [["check"], ["lint"], ["status"], ["migrate"]],
    "snapshot": [["check"], ["generate", "--name", "fuzz"]],
    "flick.toml": [["export"], ["check"], ["migrate"]],
    "meta dir": [["check"], ["status"], ["migrate"], ["generate", "--name", "fuzz"]],
    "migration folder": [["check"], ["lint"], ["status"], ["migrate"], ["generate", "--name", "fuzz"]],
    "schema dir": [["export"], ["check"], ["generate", "--name", "fuzz"]],
}


def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# -- byte-level mutations ----------------------------------------------------------------------
INVALID_UTF8 = [b"\xff", b"\xfe", b"\xc3\x28", b"\x80", b"\xc0\xaf", b"\xed\xa0\x80",
                b"\xf8\x88\x80\x80\x80", b"\xe2\x82", b"\xf4\x90\x80\x80"]
IDENT_RE = re.compile(rb'"?[A-Za-z_][A-Za-z0-9_]*"?')


def mutate_bytes(data: bytes, rng: random.Random, structured: str) -> tuple[bytes, str, str]:
    """One random mutation of a text file. Returns (bytes, description, tag) where tag is
    'nul' / 'utf8' when the result must be refused by any reader, else ''."""
    ops = ["truncate", "flip", "nul", "utf8", "huge-ident", "nest", "dup-line", "del-line",
           "swap-lines", "crlf", "bom", "splice", "empty", "repeat", "long-line"]
    op = rng.choice(ops)
    n = len(data)
    pos = rng.randrange(n + 1) if n else 0
    if op == "truncate":
        return data[:pos], f"truncated at byte {pos} of {n}", ""
    if op == "flip":
        out = bytearray(data)
        k = rng.randint(1, 6)
        where = []
        for _ in range(k):
            if not out:
                break
            p = rng.randrange(len(out))
            out[p] = rng.choice([rng.randrange(256), rng.randrange(32, 127)])
            where.append(p)
        tag = "nul" if 0 in out else ("utf8" if not _utf8(bytes(out)) else "")
        return bytes(out), f"{k} bytes changed at {where}", tag
    if op == "nul":
        return data[:pos] + b"\0" * rng.choice([1, 1, 3]) + data[pos:], f"NUL at byte {pos}", "nul"
    if op == "utf8":
        seq = rng.choice(INVALID_UTF8)
        return data[:pos] + seq + data[pos:], f"invalid UTF-8 {seq!r} at byte {pos}", "utf8"
    if op == "huge-ident":
        matches = list(IDENT_RE.finditer(data))
        size = rng.choice([63, 64, 100, 1000, 70000])
        if not matches:
            return data + b"x" * size, f"{size} bytes appended", ""
        m = rng.choice(matches)
        quoted = m.group().startswith(b'"')
        ident = (b'"' + b"Q" * size + b'"') if quoted else b"q" * size
        return (data[:m.start()] + ident + data[m.end():],
                f"identifier at {m.start()} replaced by {size} bytes", "")
    if op == "nest":
        depth = rng.choice([100, 1000, 3000, 10000, 50000])
        if structured == "json":
            body = b"[" * depth + b"1" + b"]" * depth if rng.random() < 0.6 else b"[" * depth
            # Replace a JSON value: after a ': ' if any.
            idx = data.find(b": ", pos)
            if idx < 0:
                idx = data.find(b": ")
            if idx < 0:
                return body, f"whole file {depth} nested arrays", ""
            end = idx + 2
            while end < n and data[end:end + 1] not in (b",", b"\n", b"}"):
                end += 1
            return (data[:idx + 2] + body + data[end:],
                    f"value at {idx} replaced by {depth}-deep arrays", "")
        if structured == "toml":
            body = b"x = " + b"[" * depth + b"1" + b"]" * depth + b"\n"
            return body + data, f"{depth}-deep array key prepended", ""
        kind = rng.choice(["parens", "unbalanced", "plus", "case"])
        if kind == "parens":
            expr = b"(" * depth + b"1" + b")" * depth
        elif kind == "unbalanced":
            expr = b"(" * depth + b"1"
        elif kind == "plus":
            expr = b"+".join([b"1"] * min(depth, 20000))
        else:
            expr = b"CASE WHEN true THEN " * min(depth, 3000) + b"1" + b" END" * min(depth, 3000)
        stmt = b"SELECT " + expr + b";\n"
        if rng.random() < 0.5:
            # Inside a DEFAULT of the first column definition when there is one.
            i = data.find(b" DEFAULT ")
            if i >= 0:
                j = i + len(b" DEFAULT ")
                k = j
                while k < n and data[k:k + 1] not in (b",", b"\n"):
                    k += 1
                return data[:j] + expr + data[k:], f"{kind} {depth} deep in a DEFAULT", ""
        return data[:pos] + b"\n" + stmt + data[pos:], f"{kind} {depth} deep at {pos}", ""
    lines = data.split(b"\n")
    if op == "dup-line":
        i = rng.randrange(len(lines))
        times = rng.choice([1, 2, 50])
        lines[i:i + 1] = [lines[i]] * (times + 1)
        return b"\n".join(lines), f"line {i + 1} repeated {times}x", ""
    if op == "del-line":
        i = rng.randrange(len(lines))
        del lines[i]
        return b"\n".join(lines), f"line {i + 1} removed", ""
    if op == "swap-lines":
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines), f"lines {i + 1} and {j + 1} swapped", ""
    if op == "crlf":
        return data.replace(b"\n", b"\r\n"), "CRLF line ends", ""
    if op == "bom":
        return b"\xef\xbb\xbf" + data, "UTF-8 BOM", ""
    if op == "splice":
        a = rng.randrange(n + 1) if n else 0
        b = min(n, a + rng.randint(1, 200))
        return data[:pos] + data[a:b] + data[pos:], f"bytes {a}-{b} copied to {pos}", ""
    if op == "empty":
        return b"", "empty file", ""
    if op == "repeat":
        times = rng.choice([2, 20, 400])
        return data * times, f"whole file repeated {times}x", ""
    # long-line
    size = rng.choice([10000, 200000])
    filler = b"-- " + b"z" * size + b"\n" if structured == "sql" else b"#" + b"z" * size + b"\n"
    if structured == "json":
        filler = b" " * size
    return data[:pos] + filler + data[pos:], f"{size}-byte filler at {pos}", ""


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


# -- JSON structural mutations -----------------------------------------------------------------
WRONG_VALUES = [None, True, False, 0, -1, 1.5, 1e308, 10 ** 30, -(10 ** 20), "", "7", "x" * 5000,
                [], {}, [1, "a", None], {"a": {"b": {"c": []}}}, "\u0000", "\ud7ff", "😀"]
TRAVERSAL_TAGS = ["../../outside", "../outside", "/ABS/outside", "..\\..\\outside", "a/../../outside",
                  "meta/../../outside", "./../outside", "0000_ok/../../outside", "%2e%2e/outside",
                  "0000_x\u0000y", "x" * 10000, "", ".", "..", "meta/_journal", "0000_a\nb",
                  "0000 with space", "../drizzle/0000_step0", "/dev/zero", "/proc/self/environ"]


def json_paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from json_paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from json_paths(v, prefix + (i,))


def json_get(value, path):
    for p in path:
        value = value[p]
    return value


def mutate_json(text: str, rng: random.Random, journal: bool, outside: str) -> tuple[bytes, str]:
    doc = json.loads(text)
    paths = [p for p in json_paths(doc) if p]
    op = rng.choice(["remove-key", "wrong-type", "dup-key", "rename-key", "drop-entry",
                     "dup-entry", "shuffle", "traversal", "unknown-key"]
                    if journal else
                    ["remove-key", "wrong-type", "dup-key", "rename-key", "unknown-key",
                     "same-id", "prev-id"])
    if op == "traversal" and journal:
        tag = rng.choice(TRAVERSAL_TAGS).replace("/ABS/outside", outside)
        i = rng.randrange(len(doc["entries"]))
        doc["entries"][i]["tag"] = tag
        return json.dumps(doc, indent=2, ensure_ascii=rng.random() < 0.5).encode(
            "utf-8", "surrogatepass"), f"entries[{i}].tag = {tag[:60]!r}"
    if op in ("drop-entry", "dup-entry", "shuffle") and journal and doc.get("entries"):
        entries = doc["entries"]
        i = rng.randrange(len(entries))
        if op == "drop-entry":
            del entries[i]
        elif op == "dup-entry":
            entries.insert(i, json.loads(json.dumps(entries[i])))
        else:
            rng.shuffle(entries)
        return json.dumps(doc, indent=2).encode(), f"{op} {i}"
    if op == "same-id" and not journal:
        doc["prevId"] = doc.get("id")
        return json.dumps(doc, indent=2).encode(), "prevId = id"
    if op == "prev-id" and not journal:
        doc["prevId"] = rng.choice(["", "not-a-uuid", "00000000-0000-0000-0000-000000000000",
                                    "ffffffff-ffff-ffff-ffff-ffffffffffff", "x" * 4096])
        return json.dumps(doc, indent=2).encode(), f"prevId = {doc['prevId'][:40]!r}"
    path = rng.choice(paths)
    parent = json_get(doc, path[:-1])
    key = path[-1]
    if op == "remove-key":
        if isinstance(parent, dict):
            del parent[key]
        else:
            parent.pop(key)
        return json.dumps(doc, indent=2).encode(), f"removed {list(path)}"
    if op == "wrong-type":
        parent[key] = rng.choice(WRONG_VALUES)
        return (json.dumps(doc, indent=2).encode("utf-8", "surrogatepass"),
                f"{list(path)} = {json.dumps(parent[key])[:40]}")
    if op == "rename-key" and isinstance(parent, dict):
        parent[str(key).upper() + "_"] = parent.pop(key)
        return json.dumps(doc, indent=2).encode(), f"renamed {list(path)}"
    if op == "unknown-key":
        target = json_get(doc, path[:-1])
        if isinstance(target, dict):
            target["__flick_fuzz"] = rng.choice(WRONG_VALUES)
            return json.dumps(doc, indent=2).encode(), f"unknown key in {list(path[:-1])}"
    # dup-key: textually repeat a "key": value line with another value.
    out = json.dumps(doc, indent=2)
    lines = out.split("\n")
    candidates = [i for i, l in enumerate(lines) if re.match(r'\s*"[^"]+": [^\[{]', l)]
    if not candidates:
        return out.encode(), "unchanged"
    i = rng.choice(candidates)
    m = re.match(r'(\s*"[^"]+": )', lines[i])
    dup = m.group(1) + json.dumps(rng.choice(WRONG_VALUES)) + ","
    lines.insert(i, dup)
    return "\n".join(lines).encode("utf-8", "surrogatepass"), f"duplicated key at line {i + 1}"


# -- TOML mutations ----------------------------------------------------------------------------
TOML_LINES = [
    'schema = 5', 'out = true', 'breakpoints = "yes"', 'schema = ["schema/*.sql", 7]',
    'dialect = "mysql"', 'prefix = "bogus"', 'unknownKey = 1', 'schema = "../../../**/*.sql"',
    'out = "../elsewhere"', 'out = ""', 'schema = ""', 'schema = []', 'out = "/dev/null"',
    'schema = "/dev/zero"', 'schemaFilter = "public"', 'tablesFilter = [["x"]]',
    'dialect = "postgresql"\ndialect = "postgresql"', '[dbCredentials]\nurl = "x"',
    '[migrations]\ntable = ""', '[migrations]\nschema = "pg_catalog"',
    '[migrations]\ntable = "a;DROP TABLE x;--"', '[generate]\nsafe = "very"',
    'strict = 1e400', 'verbose = 99999999999999999999999', 'x = """unterminated',
    'x = "\\uD800"', 'x = "\\u0000"', "x = 'lit", '[[dbCredentials]]', '[dbCredentials.url]',
    'a.b.c.d.e.f = 1', '= 1', 'schema = "schema/*.sql" # ok', "\ufeffdialect = \"postgresql\"",
    'out = "drizzle/../drizzle/./"', 'schema = "schema/**/*.sql"', 'schema = "schema/[.sql"',
    '[migrations]\nprefix = "none"', '[migrations]\nsearchPath = ""', 'url = "${UNDEFINED_VAR}"',
    '[dbCredentials]\nurl = "${UNDEFINED_VAR}"', '[dbCredentials]\nurl = "${"',
    f'[dbCredentials]\nurl = "postgress://{ROLE}:{PASSWORD}@127.0.0.1:{PORT_TOKEN}/{DB_TOKEN}"',
    f'[dbCredentials]\nurl = "postgresql://{ROLE}:{PASSWORD}@[bad/{DB_TOKEN}"',
    f'[dbCredentials]\nhost = "127.0.0.1"\npassword = "{PASSWORD}"',
]


def mutate_toml(text: str, rng: random.Random) -> tuple[bytes, str]:
    op = rng.choice(["line", "line", "replace-value", "drop-line", "dup-section"])
    lines = text.split("\n")
    if op == "line":
        extra = rng.choice(TOML_LINES)
        where = rng.randrange(len(lines) + 1)
        lines.insert(where, extra)
        return "\n".join(lines).encode(), f"inserted {extra.splitlines()[0][:50]!r} at line {where + 1}"
    if op == "replace-value":
        idx = [i for i, l in enumerate(lines) if " = " in l]
        i = rng.choice(idx)
        key = lines[i].split(" = ")[0]
        value = rng.choice(['1', 'true', '""', '[]', '{}', '"x"', '[1, [2]]', '{ a = 1 }',
                            '"' + "y" * 5000 + '"', '1979-05-27T07:32:00Z', 'nan', '-inf',
                            '"\\u0000"', "'''multi\nline'''"])
        lines[i] = f"{key} = {value}"
        return "\n".join(lines).encode(), f"{key} = {value[:30]}"
    if op == "drop-line":
        idx = [i for i, l in enumerate(lines) if l.strip()]
        i = rng.choice(idx)
        removed = lines.pop(i)
        return "\n".join(lines).encode(), f"removed {removed[:40]!r}"
    return (text + "\n[dbCredentials]\nurl = \"postgresql://x@y/z\"\n").encode(), "section twice"


# -- URL spellings with a password -------------------------------------------------------------
def url_spellings(port: str, db: str) -> list[str]:
    pw, wpw, u = PASSWORD, WRONG_PASSWORD, ROLE
    return [
        f"postgress://{u}:{pw}@127.0.0.1:{port}/{db}",
        f"POSTGRES://{u}:{pw}@127.0.0.1:{port}/{db}",
        f"PostgreSQL://{u}:{pw}@127.0.0.1:{port}/{db}",
        f"postgresql:/{u}:{pw}@127.0.0.1:{port}/{db}",
        f"postgresql:{u}:{pw}@127.0.0.1:{port}/{db}",
        f"postgresql://{u}:{pw}@[bad/{db}",
        f"postgresql://{u}:{pw}@127.0.0.1:notaport/{db}",
        f"postgresql://{u}:{pw}@127.0.0.1:99999/{db}",
        f"postgresql://{u}:{pw}@127.0.0.1:{port}/{db}?sslmode=bogus",
        f"postgresql://{u}:{pw}@127.0.0.1:{port}/{db}?connect_timeout=abc",
        f"postgresql://{u}:{pw}@127.0.0.1:{port}/{db}?bogus_option=1",
        f"postgresql://{u}:{wpw}@127.0.0.1:{port}/{db}",
        f"postgresql://{u}:{pw}@127.0.0.1:1/{db}",
        f"postgresql://{u}:{pw}%zz@127.0.0.1:{port}/{db}",
        f"postgresql://{u}:{pw.replace('V', '%56')}@127.0.0.1:{port}/{db}",
        f"postgresql://{u}:{pw}@@127.0.0.1:{port}/{db}",
        f"postgresql://:{pw}@127.0.0.1:{port}/{db}",
        f"postgresql://{u}:{pw}@127.0.0.1:{port},127.0.0.1:1/{db}",
        f"postgresql://{u}@127.0.0.1:{port}/{db}?password={pw}",
        f"postgresql://{u}@127.0.0.1:{port}/{db}?password={pw}&bogus=1",
        f"postgresql://{u}@127.0.0.1:{port}/{db}?password={wpw}",
        f"host=127.0.0.1 port={port} user={u} password={wpw} dbname={db}",
        f"host=127.0.0.1 password={pw} bogus=x",
        f"password={pw}",
        f"password='{pw}' host=127.0.0.1 port=1",
        f"postgresql://{u}:{pw}@127.0.0.1:{port}/{db}\n",
        f" postgresql://{u}:{pw}@127.0.0.1:{port}/{db}",
        f"postgresql://{u}:{pw}@/{db}?host=/nonexistent-socket-dir",
        f"jdbc:postgresql://127.0.0.1:{port}/{db}?user={u}&password={pw}",
        f"mysql://{u}:{pw}@127.0.0.1:{port}/{db}",
        f"postgresql://{u}:{pw}@127.0.0.1:{port}/",
        f"postgresql://{u}:{pw}@127.0.0.1:{port}/{db}#fragment",
        f"postgresql://{u}:{pw}%00x@127.0.0.1:{port}/{db}",
        f"postgresql://{u}:{pw}:x@y@127.0.0.1:{port}/{db}",
        f"postgresql://{u}:{pw}@127.0.0.1:{port}/no_such_database",
        f"postgresql://{u}:{pw}@[::1]:1/{db}",
        f"postgresql://{u}:{pw}@127.0.0.1:{port}/{db}?options=-c%20statement_timeout%3Dx",
        f"postgresql://{u}:{pw}@127.0.0.1:{port}/{db}",
        f"postgres://{u}:{pw}@127.0.0.1:{port}/{db}",
        f"postgresql://{u}:{pw}@127.0.0.1:{port}/{db}?sslmode=require",
        f"postgresql://{u}:{pw}\x7f@127.0.0.1:{port}/{db}",
        f"postgresql://{u}:{pw}é@127.0.0.1:{port}/{db}",
    ]


# -- running -----------------------------------------------------------------------------------
@dataclass
class RunResult:
    args: list[str]
    code: int | None       # None: timeout
    out: bytes
    err: bytes
    seconds: float
    problems: list[str] = field(default_factory=list)


@dataclass
class CaseResult:
    case: int
    kind: str
    what: str
    runs: list[RunResult] = field(default_factory=list)
    counts: collections.Counter = field(default_factory=collections.Counter)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def tree_state(root: Path) -> dict[str, tuple]:
    """Every entry under root (symlinks not followed): type, size, mtime, content hash."""
    state: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            rel = os.path.relpath(path, root)
            if stat.S_ISREG(st.st_mode):
                with open(path, "rb") as f:
                    digest = hashlib.sha1(f.read()).hexdigest()
                state[rel] = ("f", st.st_size, st.st_mtime_ns, digest)
            elif stat.S_ISLNK(st.st_mode):
                state[rel] = ("l", os.readlink(path))
            elif stat.S_ISDIR(st.st_mode):
                state[rel] = ("d",)
            else:
                state[rel] = ("o", stat.S_IFMT(st.st_mode))
    return state


def diff_states(before: dict, after: dict) -> list[str]:
    changes = []
    for k in sorted(set(before) | set(after)):
        if k not in before:
            changes.append(f"created {k}")
        elif k not in after:
            changes.append(f"removed {k}")
        elif before[k] != after[k]:
            changes.append(f"changed {k}")
    return changes


CATALOG_QUERY = """
SELECT 'schema ' || nspname FROM pg_namespace
 WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
UNION ALL
SELECT 'rel ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
UNION ALL
SELECT 'type ' || n.nspname || '.' || t.typname FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
   AND t.typtype IN ('e', 'd', 'r', 'm') 
UNION ALL
SELECT 'proc ' || n.nspname || '.' || p.proname FROM pg_proc p
  JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
UNION ALL
SELECT 'role ' || rolname FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%'
"""


RESET_SQL = """
DO $reset$ DECLARE r record; BEGIN
  FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'
             AND nspname NOT IN ('information_schema', 'public') LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
  DROP SCHEMA public CASCADE;
  CREATE SCHEMA public AUTHORIZATION pg_database_owner;
  GRANT USAGE ON SCHEMA public TO PUBLIC;
  COMMENT ON SCHEMA public IS 'standard public schema';
END $reset$"""


class Runner:
    def __init__(self, args):
        self.flick = os.path.abspath(args.flick)
        self.seed = args.seed
        self.timeout = args.timeout
        self.keep = Path(args.keep) if args.keep else None
        self.root = Path(tempfile.mkdtemp(prefix="flick-malformed-"))
        os.chmod(self.root, 0o755)
        self.cluster = Cluster(password_roles=(ROLE,))
        self.template = self.root / "template"
        self.dbs: queue.Queue[str] = queue.Queue()
        self.lock = threading.Lock()
        self.empty_catalog: frozenset[str] = frozenset()
        self.sessions: dict = {}
        self.last_catalog: dict[str, frozenset[str]] = {}
        self.port = ""

    # -- setup -------------------------------------------------------------------------------
    def setup(self, jobs: int) -> None:
        self.cluster.start()
        self.port = str(self.cluster.port)
        self.cluster.psql(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'")
        for w in range(jobs):
            name = f"fuzz_w{w}"
            self.cluster.create_database(name, owner=ROLE)
            self.sessions[name] = self.cluster.session(name)
            self.dbs.put(name)
        self.empty_catalog = self.catalog("fuzz_w0")
        self.build_template()

    def build_template(self) -> None:
        t = self.template
        (t / "schema").mkdir(parents=True)
        schema = ""
        for i, step in enumerate(SCHEMA_STEPS):
            schema += step
            (t / "schema" / "app.sql").write_text(schema)
            r = subprocess.run([self.flick, "generate", "--schema", "schema/app.sql", "--out",
                                "drizzle", "--name", f"step{i}"], cwd=t, capture_output=True,
                               text=True)
            if r.returncode != 0:
                raise SystemExit(f"building the valid project failed: {r.stdout}{r.stderr}")
        r = subprocess.run([self.flick, "generate", "--schema", "schema/app.sql", "--out",
                            "drizzle", "--custom", "--name", "seed"], cwd=t, capture_output=True,
                           text=True)
        if r.returncode != 0:
            raise SystemExit(f"building the valid project failed: {r.stdout}{r.stderr}")
        (t / "drizzle" / "0003_seed.sql").write_text(SEED_MIGRATION)
        # Fixed ids and times, so every case's bytes are the same on every run.
        meta = t / "drizzle" / "meta"
        ids: list[str] = []
        for snap in sorted(meta.glob("*_snapshot.json")):
            ids.append(json.loads(snap.read_text())["id"])
        for snap in sorted(meta.glob("*_snapshot.json")):
            text = snap.read_text()
            for k, old in enumerate(ids):
                text = text.replace(old, f"{k + 1:08x}-0000-4000-8000-{k + 1:012x}")
            snap.write_text(text)
        journal = json.loads((meta / "_journal.json").read_text())
        for k, entry in enumerate(journal["entries"]):
            entry["when"] = 1_700_000_000_000 + 1000 * k
        (meta / "_journal.json").write_text(json.dumps(journal, indent=2))
        (t / "flick.toml").write_text(TOML_TEMPLATE)
        # The template must be clean: check and migrate succeed.
        check = subprocess.run([self.flick, "check", "--out", "drizzle", "--schema",
                                "schema/app.sql"], cwd=t, capture_output=True, text=True)
        if check.returncode not in (0,):
            raise SystemExit(f"the valid project does not check clean:\n{check.stdout}{check.stderr}")

    def teardown(self) -> None:
        for session in self.sessions.values():
            session.close()
        self.cluster.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    # -- database ----------------------------------------------------------------------------
    def catalog(self, db: str) -> frozenset[str]:
        out = self.sessions[db].query(CATALOG_QUERY)
        state = frozenset(line for line in out.splitlines() if line.strip())
        self.last_catalog[db] = state
        return state

    def reset_db(self, db: str) -> None:
        """Back to an empty database: every schema but public dropped, public re-created (one
        round trip on the worker's session); skipped when the last catalog read was empty."""
        if self.last_catalog.get(db) == self.empty_catalog:
            return
        self.sessions[db].query(RESET_SQL)
        if self.catalog(db) != self.empty_catalog:
            raise RuntimeError(f"could not reset {db}: {sorted(self.last_catalog[db] - self.empty_catalog)[:5]}")

    def applied_tags(self, db: str) -> list[str]:
        out = self.sessions[db].query(
            "SELECT string_agg(n.nspname || '.' || c.relname, ' ') FROM pg_class c JOIN "
            "pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = '__flick_migrations' "
            "AND c.relkind = 'r'").strip()
        tags: list[str] = []
        for rel in out.split():
            schema, name = rel.split(".", 1)
            try:
                tags += self.sessions[db].query(f'SELECT tag FROM "{schema}"."{name}"').split()
            except Exception:
                pass
        return tags

    # -- one case ----------------------------------------------------------------------------
    def build_case(self, case: int, root: Path, db: str) -> tuple[str, str, list[list[str]], dict, set]:
        """Writes the case's input under root. Returns (kind, description, commands, env,
        tags) where tags hold 'nul'/'utf8' (must-refuse) and the readers that must refuse."""
        rng = random.Random(f"flick-malformed:{self.seed}:{case}")
        kind = rng.choices(KINDS, WEIGHTS)[0]
        project = root / "project"
        shutil.copytree(self.template, project, symlinks=True)
        outside = root / "outside.sql"
        outside.write_text("CREATE TABLE escaped_marker (id int);\n")
        (root / "elsewhere").mkdir()
        env: dict[str, str] = {}
        must_refuse: set[str] = set()
        drizzle = project / "drizzle"
        meta = drizzle / "meta"
        migrations = sorted(p.name for p in drizzle.glob("*.sql"))
        snapshots = sorted(p.name for p in meta.glob("*_snapshot.json"))

        def finish_toml(text: str) -> str:
            return text.replace(PORT_TOKEN, self.port).replace(DB_TOKEN, db)

        (project / "flick.toml").write_text(finish_toml(TOML_TEMPLATE))
        what = ""
        commands: list[list[str]] = []
        if kind == "schema":
            path = project / "schema" / "app.sql"
            data, what, tag = mutate_bytes(path.read_bytes(), rng, "sql")
            path.write_bytes(data)
            commands = [["export"], ["check"], ["generate", "--name", "fuzz"]]
            if tag:
                must_refuse = {"export", "generate"}
            what = f"schema/app.sql: {what}"
        elif kind == "migration":
            name = rng.choice(migrations)
            path = drizzle / name
            data, what, tag = mutate_bytes(path.read_bytes(), rng, "sql")
            path.write_bytes(data)
            commands = [["lint"], ["check"], ["migrate"]]
            if tag:
                must_refuse = {"lint", "migrate"}
            what = f"drizzle/{name}: {what}"
        elif kind == "journal":
            path = meta / "_journal.json"
            if rng.random() < 0.55:
                data, what = mutate_json(path.read_text(), rng, True, str(root / "outside"))
                tag = ""
            else:
                data, what, tag = mutate_bytes(path.read_bytes(), rng, "json")
            path.write_bytes(data)
            commands = [["check"], ["lint"], ["status"], ["migrate"]]
            if tag:
                must_refuse = {"check", "lint", "status", "migrate"}
            what = f"meta/_journal.json: {what}"
        elif kind == "snapshot":
            name = rng.choice(snapshots)
            path = meta / name
            if rng.random() < 0.5:
                data, what = mutate_json(path.read_text(), rng, False, "")
                tag = ""
            else:
                data, what, tag = mutate_bytes(path.read_bytes(), rng, "json")
            path.write_bytes(data)
            commands = [["check"], ["check", "--json"], ["generate", "--name", "fuzz"]]
            if tag:
                must_refuse = {"check"}
            what = f"meta/{name}: {what}"
        elif kind == "config":
            path = project / "flick.toml"
            if rng.random() < 0.5:
                data, what = mutate_toml(TOML_TEMPLATE, rng)
                tag = ""
            else:
                data, what, tag = mutate_bytes(TOML_TEMPLATE.encode(), rng, "toml")
            path.write_bytes(finish_toml(data.decode("utf-8", "surrogateescape"))
                             .encode("utf-8", "surrogateescape"))
            commands = [["export"], ["check"], ["status"], ["migrate"],
                        ["generate", "--name", "fuzz"]]
            if tag:
                must_refuse = {"export", "check", "status", "migrate", "generate"}
            what = f"flick.toml: {what}"
        elif kind == "url":
            url = rng.choice(url_spellings(self.port, db))
            how = rng.choice(["--url", "--url=", "toml", "env", "dotenv", "no-url-command"])
            toml = TOML_TEMPLATE.replace(
                f"postgresql://{ROLE}:{PASSWORD}@127.0.0.1:{PORT_TOKEN}/{DB_TOKEN}", "${DATABASE_URL}")
            (project / "flick.toml").write_text(finish_toml(toml))
            env["DATABASE_URL"] = "postgresql://nobody@127.0.0.1:1/none"
            if how == "--url":
                commands = [["status", "--url", url], ["migrate", "--url", url],
                            ["check", "--url", url]]
            elif how == "--url=":
                commands = [["status", f"--url={url}"], ["migrate", f"--url={url}"]]
            elif how == "toml":
                text = TOML_TEMPLATE.replace(
                    f"postgresql://{ROLE}:{PASSWORD}@127.0.0.1:{PORT_TOKEN}/{DB_TOKEN}",
                    url.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n"))
                (project / "flick.toml").write_text(finish_toml(text))
                commands = [["status"], ["migrate"]]
            elif how == "env":
                env["DATABASE_URL"] = url.replace("\x00", "")
                commands = [["status"], ["migrate"]]
            elif how == "dotenv":
                del env["DATABASE_URL"]
                (project / ".env").write_text(f"DATABASE_URL={url}\n")
                commands = [["status"], ["migrate"]]
            else:
                commands = [["export", "--url", url], ["lint", f"--url={url}"],
                            ["generate", "--url", url, "--name", "x"], ["lint", "--url", url, "x.sql"]]
            what = f"url via {how}: {url!r}"
        elif kind == "fs":
            targets = {
                "schema file": project / "schema" / "app.sql",
                "migration file": drizzle / rng.choice(migrations),
                "journal": meta / "_journal.json",
                "snapshot": meta / rng.choice(snapshots),
                "flick.toml": project / "flick.toml",
                "meta dir": meta,
                "migration folder": drizzle,
                "schema dir": project / "schema",
            }
            label = rng.choice(sorted(targets))
            target = targets[label]
            obj = rng.choice(["directory", "fifo", "symlink /dev/zero", "symlink outside",
                              "symlink dangling", "symlink loop", "missing", "empty file",
                              "symlink /dev/urandom", "socket-like file", "symlink to dir"])
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
                if obj == "directory":
                    obj = "file"
            elif target.exists() or target.is_symlink():
                target.unlink()
            if obj == "directory":
                target.mkdir()
                (target / "inner.sql").write_text("CREATE TABLE inner_t (id int);\n")
            elif obj == "file":
                target.write_text("not a directory\n")
            elif obj == "fifo":
                os.mkfifo(target)
            elif obj == "symlink /dev/zero":
                target.symlink_to("/dev/zero")
            elif obj == "symlink /dev/urandom":
                target.symlink_to("/dev/urandom")
            elif obj == "symlink outside":
                target.symlink_to(outside)
            elif obj == "symlink dangling":
                target.symlink_to(root / "does-not-exist")
            elif obj == "symlink loop":
                target.symlink_to(target.name)
            elif obj == "symlink to dir":
                target.symlink_to(root / "elsewhere")
            elif obj == "empty file":
                target.write_bytes(b"")
            elif obj == "socket-like file":
                target.write_bytes(bytes(range(256)) * 4)
            commands = FS_COMMANDS[label]
            what = f"{label} ({target.relative_to(root)}) is {obj}"
        else:  # hostile
            shutil.rmtree(drizzle)
            names = [rng.choice(HOSTILE_NAMES) for _ in range(6)]
            labels = list(dict.fromkeys(rng.choice(HOSTILE_LABELS) for _ in range(3)))
            schema_name, type_name, table, col, index, view = names
            ddl = []
            use_schema = rng.random() < 0.4
            prefix = q(schema_name) + "." if use_schema else ""
            if use_schema:
                ddl.append(f"CREATE SCHEMA {q(schema_name)};")
            ddl.append(f"CREATE TYPE {prefix}{q(type_name)} AS ENUM ({', '.join(lit(l) for l in labels)});")
            ddl.append(f"CREATE TABLE {prefix}{q(table)} (\n  id bigint PRIMARY KEY,\n"
                       f"  {q(col)} text DEFAULT {lit(rng.choice(HOSTILE_NAMES))},\n"
                       f"  kind {prefix}{q(type_name)},\n"
                       f"  CONSTRAINT {q(names[rng.randrange(6)] + '_chk')} CHECK ({q(col)} <> {lit(rng.choice(HOSTILE_NAMES))})\n);")
            if rng.random() < 0.6:
                ddl.append(f"CREATE INDEX {q(index)} ON {prefix}{q(table)} ({q(col)});")
            if rng.random() < 0.4:
                ddl.append(f"CREATE VIEW {prefix}{q(view)} AS SELECT id, {q(col)} FROM {prefix}{q(table)};")
            if rng.random() < 0.3:
                ddl.append(f"COMMENT ON TABLE {prefix}{q(table)} IS {lit(rng.choice(HOSTILE_NAMES))};")
            (project / "schema" / "app.sql").write_text("\n".join(ddl) + "\n")
            toml = TOML_TEMPLATE.replace('schemaFilter = ["public", "m2_audit"]\n', "")
            (project / "flick.toml").write_text(finish_toml(toml))
            commands = [["export"], ["generate", "--name", "first"], ["generate", "--name", "again"],
                        ["check"], ["migrate"]]
            what = "hostile names " + json.dumps(names, ensure_ascii=False)[:150] + \
                   " labels " + json.dumps(labels, ensure_ascii=False)[:60]
        return kind, what, commands, env, must_refuse

    def run_case(self, case: int) -> CaseResult:
        db = self.dbs.get()
        start = time.monotonic()
        root = self.root / f"case_{case}"
        root.mkdir()
        try:
            kind, what, commands, env, must_refuse = self.build_case(case, root, db)
            result = CaseResult(case, kind, what)
            project = root / "project"
            db_ready = False
            catalog_before = self.empty_catalog
            first_generate_ok = False
            run_env = dict(os.environ)
            run_env.pop("DATABASE_URL", None)
            run_env.update(env)
            run_env["NO_COLOR"] = "1"
            for args in commands:
                uses_db = args[0] in ("migrate", "status") or any(a.startswith("--url") for a in args)
                if uses_db and not db_ready:
                    self.reset_db(db)
                    db_ready = True
                    catalog_before = self.empty_catalog
                before = tree_state(root)
                t0 = time.monotonic()
                try:
                    p = subprocess.run([self.flick] + args, cwd=project, env=run_env,
                                       stdin=subprocess.DEVNULL, capture_output=True,
                                       timeout=self.timeout, preexec_fn=limit_memory)
                    code, out, err = p.returncode, p.stdout, p.stderr
                except subprocess.TimeoutExpired as e:
                    code, out, err = None, e.stdout or b"", e.stderr or b""
                run = RunResult(args, code, out, err, time.monotonic() - t0)
                result.runs.append(run)
                text = out + err
                if code is None:
                    run.problems.append(f"hang (no exit in {self.timeout} s)")
                    result.counts["hang"] += 1
                elif code < 0:
                    run.problems.append(f"crash (signal {-code})")
                    result.counts["crash"] += 1
                elif code == 70:
                    run.problems.append("exit 70 (internal error)")
                    result.counts["exit70"] += 1
                elif code not in ALLOWED_EXIT:
                    run.problems.append(f"exit {code} (not a documented exit code)")
                    result.counts["badexit"] += 1
                for marker in SECRET_MARKERS:
                    if marker.encode() in text:
                        i = text.find(marker.encode())
                        ctx = text[max(0, i - 80):i + 40].decode("utf-8", "replace")
                        run.problems.append(f"secret printed: ...{ctx!r}...")
                        result.counts["secret"] += 1
                        break
                after = tree_state(root)
                changes = diff_states(before, after)
                if code != 0 and changes:
                    run.problems.append("wrote on error: " + ", ".join(changes[:5]))
                    result.counts["write"] += 1
                if code == 0 and args[0] in must_refuse:
                    run.problems.append("accepted a file with a NUL byte / invalid UTF-8 (exit 0)")
                    result.counts["accepted"] += 1
                if kind == "hostile" and args[0] == "generate":
                    if args[2] == "first":
                        first_generate_ok = code == 0
                    elif first_generate_ok and code == 0 and b"No schema changes" not in out:
                        run.problems.append("not converging: a second generate wrote "
                                            + out.decode("utf-8", "replace").strip()[:200])
                        result.counts["converge"] += 1
                if uses_db and db_ready:
                    catalog_after = self.catalog(db)
                    created = catalog_after - catalog_before
                    removed = catalog_before - catalog_after
                    if any("escaped_marker" in c for c in created):
                        run.problems.append("ran a migration file outside the folder "
                                            "(escaped_marker created)")
                        result.counts["escape"] += 1
                    if code not in (0, None):
                        allowed = self.allowed_after_failure(db, code, args[0], created)
                        bad = sorted((created - allowed) | removed)
                        if bad:
                            run.problems.append("database changed on error: " + ", ".join(bad[:6]))
                            result.counts["write"] += 1
                    catalog_before = catalog_after
                result.problems += [f"`flick {' '.join(shlex.quote(a) for a in args)}`: {p}"
                                    for p in run.problems]
            result.seconds = time.monotonic() - start
            if result.problems and self.keep is not None:
                self.save_case(case, result, db)
            return result
        finally:
            stop_embedded_servers(root)
            shutil.rmtree(root, ignore_errors=True)
            self.dbs.put(db)

    def allowed_after_failure(self, db: str, code: int | None, command: str,
                              created: frozenset[str]) -> frozenset[str]:
        """What a failed run may leave: only migrate exit 1 (a migration failed and was rolled
        back) keeps the bookkeeping tables and the migrations it recorded."""
        if command != "migrate" or code != 1:
            return frozenset()
        tags = self.applied_tags(db)
        prefixes = {"__drizzle_migrations", "__flick_migrations"}
        for tag in tags:
            m = re.match(r"\d{4}_step(\d)$", tag)
            if m:
                prefixes.add(f"m{m.group(1)}_")
            elif tag == "0003_seed":
                prefixes.add("m3_")
            else:
                return created  # a mutated migration ran whole: anything it made is its own
        allowed = set()
        bookkeeping_schemas = set()
        for item in created:
            kind_, name = item.split(" ", 1)
            parts = name.split(" ")[0].split(".")
            leaf = parts[-1]
            if any(leaf.startswith(p) for p in prefixes):
                allowed.add(item)
                if leaf.startswith("__"):
                    bookkeeping_schemas.add(parts[0])
        for item in created:
            if item.startswith("schema "):
                name = item.split(" ", 1)[1]
                if name in bookkeeping_schemas or any(name.startswith(p) for p in prefixes):
                    allowed.add(item)
        return frozenset(allowed)

    def save_case(self, case: int, result: CaseResult, db: str) -> None:
        assert self.keep is not None
        dest = self.keep / f"case_{case:04}_{result.kind}"
        with self.lock:
            if dest.exists():
                shutil.rmtree(dest)
            dest.mkdir(parents=True)
        # Rebuild the input (deterministic) instead of copying what the commands left.
        scratch = Path(tempfile.mkdtemp(prefix="flick-keep-", dir=self.root))
        try:
            kind, what, commands, env, _ = self.build_case(case, scratch, db)
            copy_tree(scratch, dest / "input")
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        lines = ["#!/bin/sh", f"# case {case} (seed {self.seed}): {kind}: {what}",
                 "# the URL's database lived on the run's own cluster; start one and adjust it",
                 f'FLICK="${{FLICK:-{self.flick}}}"', 'cd "$(dirname "$0")/input/project"']
        env_prefix = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        for args in commands:
            lines.append(f"{env_prefix} \"$FLICK\" {' '.join(shlex.quote(a) for a in args)}; "
                         "echo \"exit $?\"".strip())
        (dest / "repro.sh").write_text("\n".join(lines) + "\n")
        report = [f"case {case} seed {self.seed} kind {kind}", what, ""]
        for run in result.runs:
            report.append(f"$ flick {' '.join(shlex.quote(a) for a in run.args)}")
            report.append(f"exit {run.code} in {run.seconds:.2f} s; problems: {run.problems}")
            report.append("stdout: " + run.out.decode("utf-8", "replace")[-2000:])
            report.append("stderr: " + run.err.decode("utf-8", "replace")[-2000:])
            report.append("")
        (dest / "result.txt").write_text("\n".join(report))


def stop_embedded_servers(root: Path) -> None:
    """A config without a URL makes flick start its embedded PostgreSQL under the project's
    .flick/pg (documented behaviour); it keeps running after flick exits. Stop the servers whose
    data directory is under this case's directory (by the pid in their postmaster.pid)."""
    for dirpath, _, filenames in os.walk(root):
        if "postmaster.pid" not in filenames:
            continue
        try:
            pid = int(Path(dirpath, "postmaster.pid").read_text().split()[0])
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        except (OSError, ValueError, IndexError):
            continue
        if dirpath.encode() not in cmdline:
            continue
        try:
            os.kill(pid, signal.SIGQUIT)
        except OSError:
            continue
        for _ in range(100):
            if not Path(f"/proc/{pid}").exists():
                break
            time.sleep(0.05)


MEMORY_LIMIT = 3 << 30  # address space per flick run: an unbounded read fails instead of
                        # taking the machine's memory


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def copy_tree(src: Path, dst: Path) -> None:
    """Copies a case directory keeping symlinks, FIFOs and directories as they are (never
    opening a FIFO or following a link)."""
    dst.mkdir(parents=True, exist_ok=True)
    for entry in os.scandir(src):
        target = dst / entry.name
        st = entry.stat(follow_symlinks=False)
        if stat.S_ISLNK(st.st_mode):
            os.symlink(os.readlink(entry.path), target)
        elif stat.S_ISDIR(st.st_mode):
            copy_tree(Path(entry.path), target)
        elif stat.S_ISFIFO(st.st_mode):
            os.mkfifo(target)
        elif stat.S_ISREG(st.st_mode):
            shutil.copyfile(entry.path, target)


# -- report ------------------------------------------------------------------------------------
COLUMNS = [("crash", "crashes"), ("exit70", "exit 70"), ("badexit", "other exit"),
           ("hang", "hangs"), ("write", "writes on error"), ("secret", "secrets"),
           ("escape", "escapes"), ("accepted", "bad bytes accepted"),
           ("converge", "not converging")]


def make_report(results: list[CaseResult], args, seconds: float) -> str:
    by_kind: dict[str, list[CaseResult]] = collections.defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r)
    out = [f"Command: `python3 tests/robustness/malformed_run.py FLICK --seed {args.seed} "
           f"--cases {args.cases} --jobs {args.jobs} --timeout {args.timeout:g}` "
           f"({len(results)} cases, {sum(len(r.runs) for r in results)} runs, "
           f"{seconds:.0f} s wall)", ""]
    header = ["input kind", "cases", "runs", "exit codes"] + [c[1] for c in COLUMNS]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "---|" * 3 + "---|" + "---:|" * len(COLUMNS))
    total_cases, total_runs = 0, 0
    total_codes: collections.Counter = collections.Counter()
    totals: collections.Counter = collections.Counter()
    for kind in KINDS + ["total"]:
        if kind == "total":
            cases, runs, codes, counts = total_cases, total_runs, total_codes, totals
        else:
            rs = by_kind.get(kind, [])
            if not rs:
                continue
            cases = len(rs)
            runs = sum(len(r.runs) for r in rs)
            codes = collections.Counter("timeout" if run.code is None else str(run.code)
                                        for r in rs for run in r.runs)
            counts = collections.Counter()
            for r in rs:
                counts.update(r.counts)
            total_cases += cases
            total_runs += runs
            total_codes.update(codes)
            totals.update(counts)
        hist = " ".join(f"{k}:{v}" for k, v in sorted(codes.items(), key=lambda kv: kv[0]))
        name = f"**{kind}**" if kind == "total" else kind
        out.append(f"| {name} | {cases} | {runs} | {hist} | "
                   + " | ".join(str(counts.get(c[0], 0)) for c in COLUMNS) + " |")
    out.append("")
    done = sorted((run.seconds, r.case, run.args[0]) for r in results for run in r.runs
                  if run.code is not None)
    slow = done[-3:]
    if done:
        median = done[len(done) // 2][0]
        out.append(f"Runs that finished: median {median * 1000:.0f} ms; slowest "
                   + ", ".join(f"case {c} {a} {s:.2f} s" for s, c, a in reversed(slow)) + ".")
    failing = [r for r in results if r.problems]
    if failing:
        out.append("")
        out.append(f"Failing cases ({len(failing)}):")
        out.append("")
        for r in failing:
            for p in r.problems[:4]:
                out.append(f"- case {r.case} ({r.kind}: {r.what[:160]}): {p[:400]}")
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("flick", nargs="?", default=os.environ.get("FLICK_BIN"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=10.0, help="per run, seconds")
    parser.add_argument("--report", help="write the Markdown summary here (default: stdout)")
    parser.add_argument("--keep", help="save the input of every failing case under this directory")
    parser.add_argument("--only", help="comma-separated case numbers to run")
    args = parser.parse_args()
    if not args.flick or not os.access(args.flick, os.X_OK):
        print(f"malformed_run: flick binary not found: {args.flick!r}", file=sys.stderr)
        return 2
    cases = list(range(args.cases))
    if args.only:
        cases = [int(x) for x in args.only.split(",") if x.strip()]
    if args.keep and Path(args.keep).is_dir():
        for old in Path(args.keep).glob("case_*"):  # failures of an earlier run
            shutil.rmtree(old, ignore_errors=True)
    runner = Runner(args)
    start = time.monotonic()
    results: list[CaseResult] = []
    try:
        runner.setup(args.jobs)
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for r in pool.map(runner.run_case, cases):
                results.append(r)
                if r.problems:
                    print(f"FAIL case {r.case} (seed {args.seed}, {r.kind}: {r.what[:200]})",
                          file=sys.stderr, flush=True)
                    for p in r.problems:
                        print(f"    {p[:600]}", file=sys.stderr, flush=True)
                    print(f"    rerun: {sys.argv[0]} FLICK --seed {args.seed} --only {r.case}"
                          + (f" --keep {args.keep}" if args.keep else " --keep DIR"),
                          file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        print("malformed_run: interrupted", file=sys.stderr)
        return 130
    finally:
        runner.teardown()
    report = make_report(results, args, time.monotonic() - start)
    if args.report:
        Path(args.report).write_text(report)
        print(f"report written to {args.report}")
    print(report)
    bad = sum(1 for r in results if r.problems)
    print(f"malformed run: {len(results)} cases, {bad} failing", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
