"""The authorization matrix: who may open every URL Continuum serves.

Each module here covers one area. It lists ``CASES`` (a URL, how to build its arguments
from the test world, and which roles may open it) and may ``populate`` the world with the
objects its URLs need. tests/test_authorization.py runs every case for every role and
fails when a URL pattern has no case at all.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = (
    "anonymous",
    "learner",
    "guardian",
    "educator",
    "counselor",
    "leader",
    "admin",
    "partner",
    "outsider",
)
# The named person who plays each role in the matrix (see conftest.py).
ACTORS = {
    "learner": "lena",
    "guardian": "gabe",
    "educator": "erin",
    "counselor": "cora",
    "leader": "leo",
    "admin": "ada",
    "partner": "pat",
    # Otto administers Lakeside District, a second tenant: he may open pages that name no
    # object (or list only his own district's rows) and must be refused anything of Riverside's.
    "outsider": "otto",
}
EVERYONE_SIGNED_IN = frozenset(ROLES) - {"anonymous"}
# Everyone signed in to Riverside: use it for a case that names a Riverside object.
RIVERSIDE = EVERYONE_SIGNED_IN - {"outsider"}


@dataclass(frozen=True)
class Case:
    url_name: str
    allowed: frozenset[str]
    kwargs: Callable[[dict], dict] = field(default=lambda world: {})
    method: str = "get"
    label: str = ""
    # A dict, or a function of the world for data that names its objects' ids.
    data: dict | Callable[[dict], dict] | None = None
    ok_status: tuple[int, ...] = (200,)

    @property
    def id(self) -> str:
        return f"{self.url_name}{'[' + self.label + ']' if self.label else ''}"


def allow(*roles: str) -> frozenset[str]:
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {unknown}")
    return frozenset(roles)
