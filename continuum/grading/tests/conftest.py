import pytest

from continuum.frameworks.tests.factories import sample_framework


@pytest.fixture
def sample(db):
    """N.1.a → N.1.b → N.1.c, N.1.b → N.2.a, and SEL.1.a (lifelong); levels 1–4, cut 3."""
    return sample_framework()
