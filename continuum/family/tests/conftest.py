import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A page read in Spanish leaves its language active in the thread; the next test (in
    this app or another) starts in the site's language."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
