"""What the family app offers the other apps (their only way in besides ``models``).

- ``family_children``: the learners a guardian (their children) or a learner (themself)
  opens from their own pages.
- Plain words for families (``plain.py``): ``status_in_words``, ``statement_of`` and
  ``requirement_pace_in_words``, so a report card says a status exactly as the family view
  does; ``help_at_home``, the family view's one suggestion for a target (the guardian's
  home page offers it as the thing to do this week); ``requirement_paces_in_words``, a
  learner's pace to each requirement in those words.
"""

from continuum.family.plain import (
    help_at_home,
    requirement_pace_in_words,
    statement_of,
    status_in_words,
)
from continuum.family.selectors import family_children, requirement_paces_in_words

__all__ = [
    "family_children",
    "help_at_home",
    "requirement_pace_in_words",
    "requirement_paces_in_words",
    "statement_of",
    "status_in_words",
]
