"""A throwaway PostgreSQL 15 cluster for the robustness scripts (standard library only).

initdb in a fresh temp directory, a free TCP port on 127.0.0.1, the unix socket in that
directory, fsync off. As root the server runs as the `postgres` system user (PostgreSQL refuses
to run as root), like Flick's own test cluster. `stop()` (also called at exit, on SIGINT/SIGTERM
and from `with Cluster() as c:`) shuts it down immediately and deletes the directory. Clusters
of earlier runs that died without cleaning up (owner process gone) are removed on start.

TCP logins are `trust`, except for roles listed in `password_roles` (scram-sha-256), so a URL
with a password is really checked by the server.
"""

from __future__ import annotations

import atexit
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PG_BIN = Path(os.environ.get("FLICK_PG_BIN", "/usr/lib/postgresql/15/bin"))
DIR_PREFIX = "flick-robustness-pg-"


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
        return True
    except PermissionError:
        return True
    except OSError:
        return False


def _first_int(path: Path) -> int:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0


def remove_orphaned_clusters() -> None:
    temp = Path(tempfile.gettempdir())
    for entry in temp.glob(DIR_PREFIX + "*"):
        if _alive(_first_int(entry / "owner.pid")):
            continue
        server = _first_int(entry / "data" / "postmaster.pid")
        if _alive(server):
            try:
                os.kill(server, signal.SIGQUIT)
            except OSError:
                pass
            for _ in range(100):
                if not _alive(server):
                    break
                time.sleep(0.05)
        shutil.rmtree(entry, ignore_errors=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ClusterError(RuntimeError):
    pass


class Cluster:
    def __init__(self, password_roles: tuple[str, ...] = (), max_connections: int = 200):
        self.password_roles = password_roles
        self.max_connections = max_connections
        self.dir: Path | None = None
        self.port = 0
        self.running = False
        self._as_postgres = os.geteuid() == 0
        self._previous_handlers: dict[int, object] = {}

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> "Cluster":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _server_cmd(self, args: list[str]) -> list[str]:
        if self._as_postgres:
            return ["/usr/sbin/runuser", "-u", "postgres", "--"] + args
        return args

    def _run_server_tool(self, args: list[str], timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(self._server_cmd(args), capture_output=True, text=True,
                              timeout=timeout, cwd=str(self.dir))

    def start(self) -> None:
        remove_orphaned_clusters()
        self.dir = Path(tempfile.mkdtemp(prefix=DIR_PREFIX))
        (self.dir / "owner.pid").write_text(f"{os.getpid()}\n")
        atexit.register(self.stop)
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            self._previous_handlers[signum] = signal.signal(signum, self._on_signal)
        os.chmod(self.dir, 0o755)
        if self._as_postgres:
            pw = pwd.getpwnam("postgres")
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        data = self.dir / "data"
        r = self._run_server_tool([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres",
                                   "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        if r.returncode != 0:
            raise ClusterError(f"initdb failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
        hba = ["local all all trust"]
        for role in self.password_roles:
            hba.append(f"host all {role} 127.0.0.1/32 scram-sha-256")
        hba += ["host all all 127.0.0.1/32 trust", "host all all ::1/128 trust"]
        (data / "pg_hba.conf").write_text("\n".join(hba) + "\n")
        with open(data / "postgresql.conf", "a") as conf:
            conf.write(
                "\n# flick robustness scripts\n"
                "listen_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.dir}'\n"
                "fsync = off\nfull_page_writes = off\n"
                f"max_connections = {self.max_connections}\n"
                "password_encryption = 'scram-sha-256'\n"
                "log_min_messages = warning\nlogging_collector = off\n")
        self.port = free_port()
        self.start_server()

    def start_server(self) -> None:
        assert self.dir is not None
        r = self._run_server_tool([str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-l",
                                   str(self.dir / "server.log"), "-o", f"-p {self.port}", "-w",
                                   "-t", "60", "start"])
        if r.returncode != 0:
            raise ClusterError(f"pg_ctl start failed ({r.returncode}):\n{r.stdout}\n{r.stderr}\n"
                               + self.log_tail())
        self.running = True

    def stop_server(self, mode: str = "immediate") -> None:
        if self.dir is None:
            return
        self._run_server_tool([str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-m", mode,
                               "-w", "-t", "60", "stop"])
        self.running = False

    def stop(self) -> None:
        if self.dir is None:
            return
        directory, self.dir = self.dir, None
        try:
            server = _first_int(directory / "data" / "postmaster.pid")
            if server and _alive(server):
                subprocess.run(self._server_cmd([str(PG_BIN / "pg_ctl"), "-D",
                                                 str(directory / "data"), "-m", "immediate",
                                                 "-w", "-t", "30", "stop"]),
                               capture_output=True, timeout=60)
                if _alive(server):
                    os.kill(server, signal.SIGQUIT)
        except Exception:
            pass
        finally:
            self.running = False
            shutil.rmtree(directory, ignore_errors=True)

    def _on_signal(self, signum, frame):
        self.stop()
        previous = self._previous_handlers.get(signum)
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        if callable(previous):
            previous(signum, frame)
        raise SystemExit(128 + signum)

    def log_tail(self, lines: int = 30) -> str:
        try:
            assert self.dir is not None
            return "\n".join((self.dir / "server.log").read_text(errors="replace")
                             .splitlines()[-lines:])
        except Exception:
            return ""

    # -- SQL ---------------------------------------------------------------------------------
    @property
    def socket_dir(self) -> str:
        assert self.dir is not None
        return str(self.dir)

    def url(self, db: str, user: str = "postgres", password: str | None = None) -> str:
        auth = user if password is None else f"{user}:{password}"
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{db}"

    def psql(self, sql: str, db: str = "postgres", check: bool = True, timeout: float = 60) -> str:
        """Runs `sql` over the unix socket as the superuser; returns unaligned tuples-only output."""
        r = subprocess.run([str(PG_BIN / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h",
                            self.socket_dir, "-p", str(self.port), "-U", "postgres", "-d", db,
                            "-F", "\t", "-c", sql],
                           capture_output=True, text=True, timeout=timeout)
        if check and r.returncode != 0:
            raise ClusterError(f"psql failed on {db}: {sql[:200]}\n{r.stderr}")
        return r.stdout

    def session(self, db: str) -> "Session":
        return Session(self, db)

    def create_database(self, name: str, owner: str | None = None) -> str:
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.psql(f'CREATE DATABASE "{name}"' + (f' OWNER "{owner}"' if owner else ""))
        return name

    def drop_database(self, name: str) -> None:
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', check=False)

    def schema_dump(self, db: str) -> str:
        """pg_dump --schema-only (owners and grants left out: a run as another role is the same
        schema), without the lines that name the database or change per run (psql's
        \\restrict keys of pg_dump 15.14+)."""
        r = subprocess.run([str(PG_BIN / "pg_dump"), "--schema-only", "--no-owner", "--no-privileges", "-h", self.socket_dir, "-p",
                            str(self.port), "-U", "postgres", db],
                           capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            raise ClusterError(f"pg_dump {db} failed: {r.stderr}")
        kept = []
        for line in r.stdout.splitlines():
            if line.startswith("\\restrict") or line.startswith("\\unrestrict"):
                continue
            if db in line:
                continue
            kept.append(line)
        return "\n".join(kept) + "\n"

    def wait_idle(self, db: str, timeout: float = 30) -> bool:
        """Waits until no other session is connected to `db` (a killed client's backend finishes
        its statement before it notices)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            n = self.psql("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                          f"'{db}' AND pid <> pg_backend_pid()").strip()
            if n == "0":
                return True
            time.sleep(0.05)
        return False


class Session:
    """One long-lived psql process on `db` (queries cost a round trip, not a process start).
    query() returns the unaligned, tab-separated rows; a failing statement raises ClusterError."""

    def __init__(self, cluster: Cluster, db: str):
        self.db = db
        self.proc = subprocess.Popen(
            [str(PG_BIN / "psql"), "-X", "-q", "-A", "-t", "-F", "\t", "-h", cluster.socket_dir,
             "-p", str(cluster.port), "-U", "postgres", "-d", db, "-v", "ON_ERROR_STOP=0",
             "-v", "VERBOSITY=terse"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            encoding="utf-8", errors="replace", bufsize=1)
        self.counter = 0
        self.query("SET client_min_messages = warning")

    def query(self, sql: str) -> str:
        self.counter += 1
        marker = f"__flick_session_done_{self.counter}__"
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(sql.rstrip().rstrip(";") + ";\n\\echo " + marker + "\n")
        self.proc.stdin.flush()
        lines = []
        while True:
            line = self.proc.stdout.readline()
            if line == "":
                raise ClusterError(f"psql session on {self.db} ended: " + "".join(lines))
            if line.rstrip("\n") == marker:
                break
            lines.append(line)
        errors = [l for l in lines if l.startswith(("ERROR:", "FATAL:"))
                  or (l.startswith("psql:") and (" ERROR:" in l or " FATAL:" in l))]
        if errors:
            raise ClusterError(f"query on {self.db} failed: {sql[:200]}\n{''.join(errors)}")
        return "".join(lines)

    def close(self) -> None:
        try:
            if self.proc.stdin:
                self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
