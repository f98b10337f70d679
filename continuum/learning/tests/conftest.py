import pytest

from continuum.frameworks.tests.factories import sample_framework


@pytest.fixture
def sample(db):
    """The sample framework: N.1.a precedes N.1.b, a four-level scale cut at 3."""
    return sample_framework()
