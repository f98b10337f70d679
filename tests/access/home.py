"""The home page: every signed-in person has one, built from what they may see.

Otto, Lakeside's admin, opens his own (Lakeside's schools and imports, nothing of
Riverside's): the page names no object, so it is open to him, and the home app's tests
check that it counts nothing of Riverside (continuum/home/tests/test_views.py). No
``populate``: the other modules' objects (requests, flags, plans, placements) already give
every role's home something to count, and each case builds the whole world afresh.
"""

from tests.access import EVERYONE_SIGNED_IN, Case

CASES = [Case("home", EVERYONE_SIGNED_IN)]
