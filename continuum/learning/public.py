"""What the learning app offers the other apps (their only way in besides ``models``).

- ``OPEN_REASSESSMENTS``: the statuses of a reassessment request still waiting for the
  learner's educator (requested or scheduled).
- Its domain event, ``reassessment_decided`` (decision 0012).
"""

from continuum.learning.selectors.progress import OPEN as OPEN_REASSESSMENTS
from continuum.learning.signals import reassessment_decided

__all__ = ["OPEN_REASSESSMENTS", "reassessment_decided"]
