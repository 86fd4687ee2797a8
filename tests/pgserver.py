"""A throwaway PostgreSQL server for tests and benchmarks that need one of their own (to
stop it mid-test, or to measure without neighbours).

    with PgServer() as pg:        # initdb + start on a free loopback port
        url = pg.url              # postgresql+psycopg://postgres@127.0.0.1:PORT/postgres
        pg.stop(); pg.start()     # an outage
    # stopped and removed

Uses the binaries on PATH or in /usr/lib/postgresql/*/bin. The server refuses to run as
root, so as root every pg_ctl/initdb call runs as the ``postgres`` user.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def pg_bin() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    candidates = ([str(Path(found).parent)] if found else []) + sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), reverse=True
    )
    for folder in candidates:
        if os.access(f"{folder}/initdb", os.X_OK) and os.access(f"{folder}/pg_ctl", os.X_OK):
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self, *, max_connections: int = 200) -> None:
        folder = pg_bin()
        if folder is None:
            raise RuntimeError("PostgreSQL binaries (initdb, pg_ctl) not found")
        self.bin = folder
        self.port = _free_port()
        self.max_connections = max_connections
        self.dir = Path(tempfile.mkdtemp(prefix="partnerbot-pg-"))
        self.data = self.dir / "data"
        self._as_root = os.geteuid() == 0
        if self._as_root:
            if subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
                subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True)
            shutil.chown(self.dir, "postgres")
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
        )

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bin / tool), *args]
        if self._as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.dir / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
            f" -c fsync=off -c max_connections={self.max_connections}",
            "start",
        )

    def stop(self) -> None:
        """Stop at once (like a crash or a cut network): open connections break."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")

    def close(self) -> None:
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> PgServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
