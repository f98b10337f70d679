"""What the family app offers the other apps (their only way in besides ``models``).

- ``family_children``: the learners a guardian (their children) or a learner (themself)
  opens from their own pages.
- Plain words for families (``plain.py``): ``status_in_words``, ``statement_of`` and
  ``requirement_pace_in_words``, so a report card says a status exactly as the family view
  does.
"""

from continuum.family.plain import requirement_pace_in_words, statement_of, status_in_words
from continuum.family.selectors import family_children

__all__ = ["family_children", "requirement_pace_in_words", "statement_of", "status_in_words"]
