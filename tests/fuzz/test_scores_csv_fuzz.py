"""Property-based fuzzing of the scores CSV import (issue 9, Deliver 7).

Lines are built from plausible cells (Lena, Omar, real target codes, levels of the scale)
mixed with hostile ones (Infinity, 1e308, year 1, quotes, commas, line breaks, bytes that
are not UTF-8, cells far past the csv module's limit). Whatever arrives, the import either
records every line or raises its own ``ImportRefusedError``, never another exception, and
a refused import writes nothing at all.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from continuum.evidence.models import Alignment, Assessment, Estimate, Evidence
from continuum.frameworks.tests.factories import sample_framework
from continuum.integrations.services.csv_import import (
    COLUMNS,
    ImportRefusedError,
    scores_csv_import,
)

TABLES = (Evidence, Estimate, Assessment, Alignment)
BOUNDED = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HOSTILE = st.sampled_from(
    [
        "inf", "-inf", "nan", "1e308", "-1", "0001-01-01", "2099-12-31", "9999-99-99",
        '"', '""', ",", "\n", "\r\n", "\x00", "=cmd|' /C calc'!A0", "x" * 140_000,
    ]
)  # fmt: skip
PLAUSIBLE = {
    "learner_username": st.sampled_from(["lena", "omar", "nobody", ""]),
    "target_code": st.sampled_from(["N.1.a", "N.1.b", "SEL.1.a", "N.1", "Z.9", ""]),
    "level": st.sampled_from(["1", "2", "3", "4", "5", "missing", "excused", "2.5", ""]),
    "assessed_on": st.sampled_from(["2026-09-07", "2026-9-7", "1989-12-31", ""]),
    "kind": st.sampled_from(["formative", "summative", "often", ""]),
    "weight": st.sampled_from(["1", "2", "0", "100", "101", ""]),
    "feedback": st.text(max_size=40),
    "assessment": st.sampled_from(["Ratios quiz", "", "q" * 201]),
}
COLUMNS_USED = [name for name in COLUMNS if name in PLAUSIBLE]


def counts() -> dict[str, int]:
    return {table.__name__: table.objects.count() for table in TABLES}


def cell(name: str):
    return st.one_of(PLAUSIBLE[name], PLAUSIBLE[name], HOSTILE, st.text(max_size=12))


def line():
    return st.tuples(*(cell(name) for name in COLUMNS_USED)).map(",".join)


@pytest.fixture
def erin(world):
    sample_framework()
    return world["erin"]


@BOUNDED
@given(lines=st.lists(line(), min_size=0, max_size=6), as_bytes=st.booleans())
def test_any_scores_csv_is_recorded_whole_or_refused_whole(erin, lines, as_bytes):
    text = ",".join(COLUMNS_USED) + "\n" + "\n".join(lines)
    data: bytes | str = text.encode("utf-8", "surrogatepass") if as_bytes else text
    before = counts()
    try:
        recorded = scores_csv_import(data=data, user=erin)
    except ImportRefusedError:
        assert counts() == before, "a refused import wrote something"
    else:
        assert counts()["Evidence"] == before["Evidence"] + len(recorded)


@BOUNDED
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_are_refused_cleanly(erin, data):
    before = counts()
    try:
        scores_csv_import(
            data=b"learner_username,target_code,level,assessed_on\n" + data, user=erin
        )
    except ImportRefusedError:
        assert counts() == before
