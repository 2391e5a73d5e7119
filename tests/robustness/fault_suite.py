#!/usr/bin/env python3
"""Fault suite for `flick migrate` (issue 16, "a fault suite"): what happens to a database when the
migrator dies, when the server dies under it, and when many migrators race.

  python3 tests/robustness/fault_suite.py FLICK_BIN [--seed N] [--trials 20] [--keep-going]

Starts its own PostgreSQL 15 cluster (pgcluster.py; torn down at the end, also on failure or
Ctrl-C) and asserts, on a folder of 30 migrations mixing DDL, data statements and pg_sleep:

  kill -9   20 trials (fixed seed), each on a fresh database: `flick migrate` is killed at a
            random moment of its run. Then every migration is either fully applied with its
            bookkeeping row or not at all (per-migration catalog and data probes), the applied
            ones are a prefix of the journal, and a rerun converges: exit 0, 30 bookkeeping rows
            (drizzle.__drizzle_migrations and drizzle.__flick_migrations), one counter row per
            migration, and `pg_dump --schema-only` equal to a clean run's.
  server    the server is stopped (pg_ctl stop -m immediate) while a migration sleeps: flick
            exits non-zero with an error (not a signal, not 70), never prints the URL's password
            (a scram-sha-256 role over TCP), and after a restart the database is consistent and
            a rerun converges exactly once. Also: the server already down -> exit 3, no password.
  race      8 and 32 concurrent `flick migrate` on one database and one folder: all exit 0, each
            migration applied exactly once, one bookkeeping row each.

Prints a summary table; exits 1 on any failure, naming the trial and what differed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pgcluster import Cluster  # noqa: E402

PASSWORD = "Fault-Pw-7qX2vK9z"
PW_ROLE = "flick_fault"
N_MIGRATIONS = 30


# -- the migration folder ----------------------------------------------------------------------
@dataclass
class Migration:
    tag: str
    when: int
    sql: str
    probes: list[str]  # SQL booleans, true once this migration ran


def build_migrations() -> list[Migration]:
    """30 migrations; each one's effects are visible through its probes, none is undone later.
    Every fifth sleeps between two DDL statements, others load rows, alter earlier tables,
    create enums, indexes, views and functions."""
    out: list[Migration] = []
    for i in range(N_MIGRATIONS):
        tag = f"{i:04}_step_{i}"
        stmts: list[str] = []
        probes: list[str] = []
        if i == 0:
            stmts.append('CREATE TABLE "applied_counter" ("tag" text NOT NULL, '
                         '"at" timestamptz DEFAULT now())')
            probes.append("to_regclass('public.applied_counter') IS NOT NULL")
        t = f"t{i:02}"
        stmts.append(f'CREATE TABLE "{t}" ("id" bigserial PRIMARY KEY NOT NULL, "v" text, '
                     f'"n" integer DEFAULT {i})')
        probes.append(f"to_regclass('public.{t}') IS NOT NULL")
        kind = i % 6
        if kind == 1:
            stmts.append(f"INSERT INTO \"{t}\" (v) SELECT 'row ' || g FROM generate_series(1, 2000) g")
            probes.append(f"(SELECT count(*) FROM public.{t}) = 2000")
        if kind == 2 and i > 0:
            prev = f"t{i - 1:02}"
            stmts.append(f'ALTER TABLE "{prev}" ADD COLUMN "c{i}" text DEFAULT \'x{i}\'')
            probes.append(f"EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = "
                          f"to_regclass('public.{prev}') AND attname = 'c{i}')")
        if kind == 3:
            stmts.append(f"CREATE TYPE \"mood_{i}\" AS ENUM ('sad', 'ok', 'happy')")
            stmts.append(f'ALTER TABLE "{t}" ADD COLUMN "mood" "mood_{i}" DEFAULT \'ok\'')
            probes.append(f"to_regtype('public.mood_{i}') IS NOT NULL")
            probes.append(f"EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = "
                          f"to_regclass('public.{t}') AND attname = 'mood')")
        if kind == 4:
            stmts.append(f'CREATE INDEX "{t}_v_idx" ON "{t}" USING btree ("v")')
            stmts.append(f'CREATE VIEW "v{i:02}" AS SELECT id, v FROM "{t}" WHERE n > 0')
            probes.append(f"to_regclass('public.{t}_v_idx') IS NOT NULL")
            probes.append(f"to_regclass('public.v{i:02}') IS NOT NULL")
        if kind == 5:
            stmts.append(f"INSERT INTO \"{t}\" (v) VALUES ('a'), ('b'), ('c')")
            stmts.append(f"UPDATE \"{t}\" SET v = upper(v)")
            stmts.append(f"CREATE FUNCTION \"f{i:02}\"() RETURNS integer LANGUAGE sql AS "
                         f"$$ SELECT {i} $$")
            probes.append(f"(SELECT count(*) FROM public.{t} WHERE v IN ('A','B','C')) = 3")
            probes.append(f"to_regprocedure('public.f{i:02}()') IS NOT NULL")
        if i % 5 == 2:  # slow: a kill or a server stop lands between two of its statements
            stmts.insert(1, f"SELECT pg_sleep(0.04{i:02})")
            stmts.append(f'CREATE TABLE "{t}_after_sleep" ("id" integer)')
            probes.append(f"to_regclass('public.{t}_after_sleep') IS NOT NULL")
        stmts.append(f"INSERT INTO \"applied_counter\" (\"tag\") VALUES ('{tag}')")
        probes.append(f"(SELECT count(*) FROM public.applied_counter WHERE tag = '{tag}') = 1")
        sql = ";\n--> statement-breakpoint\n".join(stmts) + ";\n"
        out.append(Migration(tag, 1_700_000_000_000 + 60_000 * i, sql, probes))
    return out


def write_folder(folder: Path, migrations: list[Migration]) -> None:
    (folder / "meta").mkdir(parents=True, exist_ok=True)
    entries = []
    for idx, m in enumerate(migrations):
        (folder / f"{m.tag}.sql").write_text(m.sql)
        entries.append({"idx": idx, "version": "7", "when": m.when, "tag": m.tag,
                        "breakpoints": True})
    (folder / "meta" / "_journal.json").write_text(
        json.dumps({"version": "7", "dialect": "postgresql", "entries": entries}, indent=2))


# -- running flick -----------------------------------------------------------------------------
@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float


def run_flick(flick: str, args: list[str], timeout: float = 120) -> Run:
    start = time.monotonic()
    try:
        r = subprocess.run([flick] + args, capture_output=True, text=True, timeout=timeout,
                           stdin=subprocess.DEVNULL, errors="replace")
        return Run(r.returncode, r.stdout, r.stderr, time.monotonic() - start)
    except subprocess.TimeoutExpired as e:
        return Run(-999, str(e.stdout or ""), f"TIMEOUT after {timeout}s", timeout)


def start_flick(flick: str, args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([flick] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True, errors="replace")


def describe_code(code: int) -> str:
    if code == -999:
        return "timeout"
    if code < 0:
        return f"signal {signal.Signals(-code).name}"
    return f"exit {code}"


# -- the checks --------------------------------------------------------------------------------
class Failure(Exception):
    pass


def bookkeeping(cluster: Cluster, db: str) -> tuple[list[int], list[str]]:
    """(created_at of drizzle.__drizzle_migrations rows, tags of drizzle.__flick_migrations)."""
    exists = cluster.psql("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL, "
                          "to_regclass('drizzle.__flick_migrations') IS NOT NULL", db).split()
    created: list[int] = []
    tags: list[str] = []
    if exists and exists[0] == "t":
        created = [int(x) for x in cluster.psql(
            "SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY id", db).split()]
    if len(exists) > 1 and exists[1] == "t":
        tags = cluster.psql("SELECT tag FROM drizzle.__flick_migrations ORDER BY tag", db).split()
    return created, tags


PROBE_FUNCTION = (
    "CREATE FUNCTION pg_temp.probe(q text) RETURNS boolean LANGUAGE plpgsql AS $probe$ "
    "DECLARE r boolean; BEGIN EXECUTE 'SELECT coalesce((' || q || '), false)' INTO r; RETURN r; "
    "EXCEPTION WHEN others THEN RETURN false; END $probe$")


def probe_values(cluster: Cluster, db: str, probes: list[list[str]]) -> list[list[bool]]:
    """Evaluates every probe in one session; a probe reading a missing relation is false."""
    flat = [p for group in probes for p in group]
    calls = ", ".join("pg_temp.probe('" + p.replace("'", "''") + "')" for p in flat)
    row = cluster.psql(PROBE_FUNCTION + "; SELECT " + calls, db).strip().split("\t")
    if len(row) != len(flat):
        raise Failure(f"probe query returned {len(row)} values for {len(flat)} probes")
    values, k = [], 0
    for group in probes:
        values.append([v == "t" for v in row[k:k + len(group)]])
        k += len(group)
    return values


def check_all_or_nothing(cluster: Cluster, db: str, migrations: list[Migration]) -> int:
    """Every migration fully applied with its bookkeeping row, or not at all; applied ones form
    a prefix of the journal. Returns how many are applied."""
    values = probe_values(cluster, db, [m.probes for m in migrations])
    created, tags = bookkeeping(cluster, db)
    created_set = set(created)
    tag_set = set(tags)
    applied = 0
    problems = []
    for i, (m, row) in enumerate(zip(migrations, values)):
        booked_d = m.when in created_set
        booked_f = m.tag in tag_set
        if all(row) and booked_d and booked_f:
            if applied != i:
                problems.append(f"{m.tag} applied after an unapplied migration")
            applied = i + 1 if applied == i else applied
            continue
        if not any(row) and not booked_d and not booked_f:
            continue
        failed = [p for p, ok in zip(m.probes, row) if not ok]
        held = [p for p, ok in zip(m.probes, row) if ok]
        problems.append(
            f"{m.tag} is half applied: drizzle row {booked_d}, flick row {booked_f}; "
            f"{len(held)}/{len(row)} probes hold; false: {failed[:3]}; true: {held[:3]}")
    if len(created) != len(created_set) or len(tags) != len(tag_set):
        problems.append(f"duplicate bookkeeping rows: {created} / {tags}")
    extra = created_set - {m.when for m in migrations}
    if extra:
        problems.append(f"bookkeeping rows for no journal entry: {sorted(extra)}")
    if problems:
        raise Failure("; ".join(problems))
    return applied


def check_exactly_once(cluster: Cluster, db: str, migrations: list[Migration]) -> None:
    created, tags = bookkeeping(cluster, db)
    counter = cluster.psql("SELECT count(*), count(DISTINCT tag) FROM public.applied_counter",
                           db).split()
    problems = []
    if sorted(created) != sorted(m.when for m in migrations):
        problems.append(f"drizzle.__drizzle_migrations has {len(created)} rows "
                        f"({len(set(created))} distinct), expected {len(migrations)}")
    if sorted(tags) != sorted(m.tag for m in migrations):
        problems.append(f"drizzle.__flick_migrations has {len(tags)} rows "
                        f"({len(set(tags))} distinct), expected {len(migrations)}")
    if counter != [str(len(migrations))] * 2:
        problems.append(f"applied_counter has {counter[0]} rows ({counter[1]} distinct tags), "
                        f"expected {len(migrations)}: a migration ran twice or not at all")
    if problems:
        raise Failure("; ".join(problems))


def first_diff(a: str, b: str) -> str:
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {i + 1}: clean {x!r} vs this {y!r}"
    return f"lengths differ: clean {len(la)} lines, this {len(lb)} lines"


# -- the suite ---------------------------------------------------------------------------------
@dataclass
class Result:
    name: str
    trials: int = 0
    passed: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class Suite:
    def __init__(self, flick: str, seed: int, trials: int, keep_going: bool):
        self.flick = flick
        self.seed = seed
        self.trials = trials
        self.keep_going = keep_going
        self.results: list[Result] = []
        self.tmp = Path(tempfile.mkdtemp(prefix="flick-fault-"))
        self.folder = self.tmp / "drizzle"
        self.migrations = build_migrations()
        write_folder(self.folder, self.migrations)
        self.cluster = Cluster(password_roles=(PW_ROLE,))
        self.clean_dump = ""
        self.clean_seconds = 0.0

    def migrate_args(self, url: str) -> list[str]:
        return ["migrate", "--out", str(self.folder), "--url", url]

    def run(self) -> int:
        try:
            self.cluster.start()
            self.cluster.psql(f"CREATE ROLE {PW_ROLE} LOGIN PASSWORD '{PASSWORD}'")
            self.clean_run()
            self.kill_trials()
            self.server_stop_trials()
            self.concurrency(8)
            self.concurrency(32)
        finally:
            self.cluster.stop()
            shutil.rmtree(self.tmp, ignore_errors=True)
        return self.report()

    def record(self, result: Result, label: str, fn) -> None:
        result.trials += 1
        try:
            fn()
            result.passed += 1
        except Failure as e:
            result.failures.append(f"{label}: {e}")
            print(f"FAIL {result.name} {label}: {e}", file=sys.stderr, flush=True)
            if not self.keep_going:
                raise

    def converge(self, db: str, label: str, folder: Path | None = None) -> None:
        url = self.cluster.url(db)
        args = self.migrate_args(url)
        if folder is not None:
            args = ["migrate", "--out", str(folder), "--url", url]
        rerun = run_flick(self.flick, args)
        if rerun.code != 0:
            raise Failure(f"{label}: rerun {describe_code(rerun.code)}\n{rerun.out}{rerun.err}")
        check_exactly_once(self.cluster, db, self.migrations)
        again = run_flick(self.flick, args)
        if again.code != 0:
            raise Failure(f"{label}: second rerun {describe_code(again.code)}\n{again.err}")
        check_exactly_once(self.cluster, db, self.migrations)
        dump = self.cluster.schema_dump(db)
        if dump != self.clean_dump:
            raise Failure(f"{label}: pg_dump --schema-only differs from a clean run's: "
                          + first_diff(self.clean_dump, dump))

    def clean_run(self) -> None:
        result = Result("clean run (reference)")
        self.results.append(result)
        start = time.monotonic()

        def body():
            db = self.cluster.create_database("fault_clean")
            run = run_flick(self.flick, self.migrate_args(self.cluster.url(db)))
            self.clean_seconds = run.seconds
            if run.code != 0:
                raise Failure(f"clean migrate {describe_code(run.code)}\n{run.out}{run.err}")
            check_exactly_once(self.cluster, db, self.migrations)
            if check_all_or_nothing(self.cluster, db, self.migrations) != N_MIGRATIONS:
                raise Failure("clean run did not apply every migration")
            self.clean_dump = self.cluster.schema_dump(db)

        self.record(result, "clean", body)
        result.seconds = time.monotonic() - start
        result.notes.append(f"{N_MIGRATIONS} migrations in {self.clean_seconds:.2f} s")

    def kill_trials(self) -> None:
        result = Result("kill -9 mid-migrate")
        self.results.append(result)
        rng = random.Random(self.seed)
        start = time.monotonic()
        applied_counts = []
        # Kill moments spread over the whole run (connection, lock, bookkeeping setup, each
        # migration); the run's length varies with load, so the range is a bit longer.
        horizon = max(0.3, self.clean_seconds * 1.1)
        for trial in range(self.trials):
            delay = rng.uniform(0.0, horizon)
            label = f"trial {trial} (seed {self.seed}, kill after {delay * 1000:.0f} ms)"

            def body(delay=delay, label=label, trial=trial):
                db = self.cluster.create_database(f"fault_kill_{trial:02}")
                proc = start_flick(self.flick, self.migrate_args(self.cluster.url(db)))
                time.sleep(delay)
                proc.send_signal(signal.SIGKILL)
                proc.communicate(timeout=30)
                killed = proc.returncode == -signal.SIGKILL
                if not self.cluster.wait_idle(db):
                    raise Failure(f"{label}: the killed run's session did not end in 30 s")
                applied = check_all_or_nothing(self.cluster, db, self.migrations)
                applied_counts.append((applied, killed))
                self.converge(db, label)
                self.cluster.drop_database(db)

            self.record(result, label, body)
        result.seconds = time.monotonic() - start
        inside = sum(1 for a, k in applied_counts if k and 0 < a < N_MIGRATIONS)
        finished = sum(1 for a, k in applied_counts if not k)
        result.notes.append(
            f"applied before the kill: {sorted(a for a, _ in applied_counts)}; "
            f"{inside} killed part-way, {finished} finished before the kill")

    def server_stop_trials(self) -> None:
        result = Result("server stopped mid-migrate")
        self.results.append(result)
        start = time.monotonic()
        codes = []
        # Stop while the n-th sleeping migration sleeps (0002, 0012, 0027), then once with the
        # server already down.
        for which in (2, 12, 27):
            label = f"stop during {self.migrations[which].tag}"

            def body(which=which, label=label):
                db = self.cluster.create_database(f"fault_stop_{which}", owner=PW_ROLE)
                url = self.cluster.url(db, PW_ROLE, PASSWORD)
                # The same folder, but this migration sleeps 2 s so the stop lands inside it.
                folder = self.tmp / f"stop_{which}"
                slow = [Migration(m.tag, m.when, m.sql, m.probes) for m in self.migrations]
                tag_sleep = "pg_sleep(2.0)"
                slow[which].sql = slow[which].sql.replace(f"pg_sleep(0.04{which:02})", tag_sleep)
                assert tag_sleep in slow[which].sql
                write_folder(folder, slow)
                proc = start_flick(self.flick, ["migrate", "--out", str(folder), "--url", url])
                deadline = time.monotonic() + 30
                seen = False
                while time.monotonic() < deadline and proc.poll() is None:
                    n = self.cluster.psql(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                        f"'{db}' AND state = 'active' AND query LIKE '%{tag_sleep}%'",
                        check=False).strip()
                    if n not in ("", "0"):
                        seen = True
                        break
                    time.sleep(0.005)
                self.cluster.stop_server("immediate")
                try:
                    out, err = proc.communicate(timeout=60)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    out, err = proc.communicate()
                    self.cluster.start_server()
                    raise Failure(f"{label}: flick hung after the server stopped")
                code = proc.returncode
                codes.append(code)
                self.cluster.start_server()
                problems = []
                if code == 0 and seen:
                    problems.append("exit 0 although the server stopped inside a migration")
                if code < 0:
                    problems.append(f"killed by {describe_code(code)}")
                if code == 70:
                    problems.append("exit 70 (internal error)")
                if PASSWORD in out or PASSWORD in err:
                    problems.append("the password is printed")
                if code != 0 and not err.strip():
                    problems.append("no error message")
                if problems:
                    raise Failure(f"{label}: " + "; ".join(problems)
                                  + f"\nstdout: {out[-500:]}\nstderr: {err[-800:]}")
                result.notes.append(f"{self.migrations[which].tag}: {describe_code(code)}"
                                    + ("" if seen else " (stop after the run ended)")
                                    + f": {err.strip().splitlines()[-1][:110] if err.strip() else ''}")
                self.cluster.wait_idle(db)
                applied = check_all_or_nothing(self.cluster, db, self.migrations)
                if seen and applied != which:
                    raise Failure(f"{label}: {applied} migrations applied after the stop, "
                                  f"expected {which} (those before the sleeping one)")
                self.converge(db, label, folder)
                self.cluster.drop_database(db)

            self.record(result, label, body)

        def down():
            db = self.cluster.create_database("fault_down", owner=PW_ROLE)
            url = self.cluster.url(db, PW_ROLE, PASSWORD)
            self.cluster.stop_server("immediate")
            try:
                run = run_flick(self.flick, self.migrate_args(url), timeout=90)
            finally:
                self.cluster.start_server()
            problems = []
            if run.code != 3:
                problems.append(f"{describe_code(run.code)}, expected exit 3 (environment)")
            if PASSWORD in run.out or PASSWORD in run.err:
                problems.append("the password is printed")
            if problems:
                raise Failure("server down before migrate: " + "; ".join(problems)
                              + f"\n{run.out}{run.err}")
            result.notes.append(f"server down at start: {describe_code(run.code)}: "
                                + (run.err.strip().splitlines() or [""])[-1][:110])
            created, tags = bookkeeping(self.cluster, db)
            if created or tags:
                raise Failure("server down before migrate: bookkeeping rows exist")
            self.converge(db, "server down, then up")
            self.cluster.drop_database(db)

        self.record(result, "server down at start", down)
        result.seconds = time.monotonic() - start

    def concurrency(self, n: int) -> None:
        result = Result(f"{n} concurrent migrate")
        self.results.append(result)
        start = time.monotonic()

        def body():
            db = self.cluster.create_database(f"fault_race_{n}")
            url = self.cluster.url(db)
            procs = [start_flick(self.flick, self.migrate_args(url)) for _ in range(n)]
            bad = []
            appliers = 0
            for i, p in enumerate(procs):
                try:
                    out, err = p.communicate(timeout=180)
                except subprocess.TimeoutExpired:
                    p.kill()
                    out, err = p.communicate()
                    bad.append(f"process {i}: hung (killed after 180 s)")
                    continue
                if p.returncode != 0:
                    bad.append(f"process {i}: {describe_code(p.returncode)}: {err.strip()[-300:]}")
                if f"{N_MIGRATIONS} migrations applied" in out:
                    appliers += 1
            if bad:
                raise Failure(f"{n} processes: " + "; ".join(bad))
            check_exactly_once(self.cluster, db, self.migrations)
            check_all_or_nothing(self.cluster, db, self.migrations)
            dump = self.cluster.schema_dump(db)
            if dump != self.clean_dump:
                raise Failure(f"{n} processes: catalog differs from a clean run's: "
                              + first_diff(self.clean_dump, dump))
            result.notes.append(f"all {n} exit 0; {appliers} printed "
                                f"\"{N_MIGRATIONS} migrations applied\"")
            self.cluster.drop_database(db)

        self.record(result, f"{n} processes", body)
        result.seconds = time.monotonic() - start

    def report(self) -> int:
        print()
        print("| scenario | trials | passed | seconds | notes |")
        print("|---|---:|---:|---:|---|")
        failed = False
        for r in self.results:
            notes = "; ".join(r.notes).replace("|", "\\|")
            print(f"| {r.name} | {r.trials} | {r.passed} | {r.seconds:.1f} | {notes} |")
            failed = failed or bool(r.failures) or r.passed != r.trials
        print()
        for r in self.results:
            for f in r.failures:
                print(f"FAILED {r.name}: {f}")
        print("fault suite: " + ("FAILED" if failed else "all passed"))
        return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("flick", nargs="?", default=os.environ.get("FLICK_BIN"),
                        help="the flick binary (or FLICK_BIN)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--keep-going", action="store_true", default=True,
                        help="run every trial even after a failure (default)")
    args = parser.parse_args()
    if not args.flick or not os.access(args.flick, os.X_OK):
        print(f"fault_suite: flick binary not found: {args.flick!r} (argument or FLICK_BIN)",
              file=sys.stderr)
        return 2
    suite = Suite(os.path.abspath(args.flick), args.seed, args.trials, args.keep_going)
    try:
        return suite.run()
    except KeyboardInterrupt:
        print("fault suite: interrupted", file=sys.stderr)
        return 130
    except Failure as e:
        print(f"fault suite: FAILED: {e}", file=sys.stderr)
        suite.report()
        return 1


if __name__ == "__main__":
    sys.exit(main())
