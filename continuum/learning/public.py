"""What the learning app offers the other apps (their only way in besides ``models``).

- ``OPEN_REASSESSMENTS``: the statuses of a reassessment request still waiting for the
  learner's educator (requested or scheduled).
- Its domain events, ``reassessment_decided``, ``proposal_reviewed`` and
  ``artifact_reviewed`` (decision 0012).
"""

from continuum.learning.selectors.progress import OPEN as OPEN_REASSESSMENTS
from continuum.learning.signals import artifact_reviewed, proposal_reviewed, reassessment_decided

__all__ = ["OPEN_REASSESSMENTS", "artifact_reviewed", "proposal_reviewed", "reassessment_decided"]
