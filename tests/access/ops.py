"""Operations: /healthz is open to everyone, signed in or not (it names no one)."""

from continuum.ops.services import heartbeat_touch
from tests.access import ROLES, Case

CASES = [Case("healthz", frozenset(ROLES))]


def populate(world: dict) -> None:
    heartbeat_touch()  # a worker that just beat, so the check answers 200
