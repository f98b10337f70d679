from datetime import UTC, date, datetime

from django.utils import translation

from continuum.lib.dates import day, moment


def test_a_day_reads_the_same_short_way_in_each_language():
    with translation.override("en"):
        assert day(date(2026, 12, 3)) == "3 Dec 2026"
    with translation.override("es"):
        assert day(date(2026, 12, 3)) == "3 dic 2026"


def test_no_date_is_empty():
    assert day(None) == ""
    assert moment(None) == ""


def test_a_moment_adds_the_local_time(settings):
    settings.TIME_ZONE = "UTC"
    with translation.override("es"):
        assert moment(datetime(2026, 5, 4, 14, 30, tzinfo=UTC)) == "4 may 2026, 14:30"
