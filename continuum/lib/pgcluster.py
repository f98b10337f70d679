"""A throwaway PostgreSQL cluster for the test suite.

PostgreSQL refuses to run as root, and our sessions and CI run as root, so the cluster
runs as the ``postgres`` user (through ``runuser``) in a temporary folder it owns. It is
tuned for speed (no fsync): its data is thrown away when the suite ends.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


class ClusterUnavailableError(RuntimeError):
    """initdb/pg_ctl are missing, or the cluster would not start."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_cluster_owner(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _run(command: list[str], folder: Path) -> None:
    result = subprocess.run(
        _as_cluster_owner(command), cwd=folder, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise ClusterUnavailableError(
            f"{' '.join(command)} failed: {result.stderr.strip()[-2000:]}"
        )


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a cluster, yield its ``postgres://`` URL, and remove it afterwards."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if not initdb or not pg_ctl:
        raise ClusterUnavailableError("initdb and pg_ctl are not on PATH (install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="continuum-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, user="postgres", group="postgres")
    data, port = folder / "data", _free_port()
    _run(
        [initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"],
        folder,
    )
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    _run([pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"], folder)
    try:
        yield f"postgres://postgres@127.0.0.1:{port}/postgres"
    finally:
        _run([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], folder)
        shutil.rmtree(folder, ignore_errors=True)
