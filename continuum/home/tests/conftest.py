import pytest

from continuum.home.tests.factories import todays_work_create


@pytest.fixture
def todays_work(world):
    return todays_work_create(world)
