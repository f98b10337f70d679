"""Runs child processes until one dies or we are told to stop, then stops them all.

`continuum serve` uses it for the app server and the worker. Children run in their own
process groups, so a Ctrl-C in a terminal reaches them once, from us, as SIGTERM: both
gunicorn and django-tasks' worker treat a single SIGTERM as "finish what you are doing,
then exit", while a second signal would make the worker abandon its task.
"""

import logging
import signal
import subprocess
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

logger = logging.getLogger("continuum.ops.serve")

# Exit status when a child died by itself or had to be killed at shutdown.
FAILED = 1


@dataclass
class Supervisor:
    children: Mapping[str, list[str]]
    grace_seconds: float
    # Called every `tick_seconds` while the children run (the heartbeat request).
    tick: Callable[[], None] = lambda: None
    tick_seconds: float = 30.0
    env: Mapping[str, str] | None = None
    _stop_signal: int | None = field(default=None, init=False)
    _processes: dict[str, subprocess.Popen] = field(default_factory=dict, init=False)

    def run(self) -> int:
        """Start every child; return 0 after a requested, clean stop, FAILED otherwise."""
        previous = {sig: signal.signal(sig, self._request_stop) for sig in _STOP_SIGNALS}
        try:
            for name, argv in self.children.items():
                self._processes[name] = subprocess.Popen(
                    argv, env=dict(self.env) if self.env else None, start_new_session=True
                )
                logger.info("started %s", name, extra={"pid": self._processes[name].pid})
            died = self._watch()
            clean = self._stop_all()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if died is not None:
            name, code = died
            logger.error("%s exited with status %s; stopped the others", name, code)
            return FAILED
        return 0 if clean else FAILED

    def _request_stop(self, signum: int, frame: object) -> None:
        self._stop_signal = signum

    def _watch(self) -> tuple[str, int] | None:
        """Wait for a stop request (None) or a child's death (its name and status)."""
        next_tick = time.monotonic()
        while self._stop_signal is None:
            for name, process in self._processes.items():
                code = process.poll()
                if code is not None:
                    return name, code
            if time.monotonic() >= next_tick:
                self.tick()
                next_tick = time.monotonic() + self.tick_seconds
            time.sleep(0.2)
        logger.info("received %s; stopping", signal.Signals(self._stop_signal).name)
        return None

    def _stop_all(self) -> bool:
        """SIGTERM to each running child, SIGKILL to any still running after the grace
        period. True when every child stopped in time."""
        running = [p for p in self._processes.values() if p.poll() is None]
        for process in running:
            process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + self.grace_seconds
        clean = True
        for name, process in self._processes.items():
            try:
                process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                logger.error("%s did not stop within %s s; killed", name, self.grace_seconds)
                process.kill()
                process.wait()
                clean = False
        return clean


_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
