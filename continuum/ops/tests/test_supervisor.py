"""The supervisor behind `continuum serve`, with small Python children instead of gunicorn."""

import os
import signal
import sys
import threading

from continuum.ops.supervisor import FAILED, Supervisor

# A child that exits 0 on SIGTERM, as gunicorn and the worker do when they stop gracefully.
GRACEFUL = (
    "import signal, sys, time\n"
    "signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))\n"
    "open(sys.argv[1], 'w').close()\n"
    "time.sleep(60)\n"
)
STUBBORN = "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(60)\n"


def _when_started(paths, then):
    """Run `then` once every child has written its file (it is up and handling signals)."""

    def wait():
        while not all(os.path.exists(path) for path in paths):
            threading.Event().wait(0.05)
        then()

    threading.Thread(target=wait, daemon=True).start()


def test_a_sigterm_stops_every_child_gracefully_and_exits_zero(tmp_path):
    paths = [str(tmp_path / "web"), str(tmp_path / "worker")]
    supervisor = Supervisor(
        children={
            "web": [sys.executable, "-c", GRACEFUL, paths[0]],
            "worker": [sys.executable, "-c", GRACEFUL, paths[1]],
        },
        grace_seconds=10,
    )
    _when_started(paths, lambda: os.kill(os.getpid(), signal.SIGTERM))
    assert supervisor.run() == 0
    assert all(process.returncode == 0 for process in supervisor._processes.values())


def test_a_child_that_dies_stops_the_others_and_fails(tmp_path):
    path = str(tmp_path / "web")
    supervisor = Supervisor(
        children={
            "web": [sys.executable, "-c", GRACEFUL, path],
            "worker": [sys.executable, "-c", "import sys; sys.exit(3)"],
        },
        grace_seconds=10,
    )
    assert supervisor.run() == FAILED
    assert supervisor._processes["web"].returncode is not None


def test_a_child_that_ignores_sigterm_is_killed_after_the_grace_period(tmp_path):
    path = str(tmp_path / "web")
    supervisor = Supervisor(
        children={
            "web": [sys.executable, "-c", GRACEFUL, path],
            "worker": [sys.executable, "-c", STUBBORN],
        },
        grace_seconds=0.5,
    )
    _when_started([path], lambda: os.kill(os.getpid(), signal.SIGINT))
    assert supervisor.run() == FAILED
    assert supervisor._processes["worker"].returncode == -signal.SIGKILL


def test_the_tick_runs_while_the_children_run(tmp_path):
    path = str(tmp_path / "web")
    ticks = []
    supervisor = Supervisor(
        children={"web": [sys.executable, "-c", GRACEFUL, path]},
        grace_seconds=5,
        tick=lambda: ticks.append(1),
        tick_seconds=60,
    )
    _when_started([path], lambda: os.kill(os.getpid(), signal.SIGTERM))
    assert supervisor.run() == 0
    assert ticks == [1]
