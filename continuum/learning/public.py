"""What the learning app offers the other apps (their only way in besides ``models``).

- ``OPEN_REASSESSMENTS``: the statuses of a reassessment request still waiting for the
  learner's educator (requested or scheduled).
- For home pages: ``learner_request_counts`` (what waits on an educator, by kind, and the
  reassessments scheduled today and this week), ``learner_requests_waiting`` (the same
  total in one query, for the navigation badge) and ``learner_requests_of`` (a learner's
  own recent requests).
- Its domain events, ``reassessment_decided``, ``proposal_reviewed`` and
  ``artifact_reviewed`` (decision 0012).
"""

from continuum.learning.selectors.learner_requests import (
    RequestCounts,
    learner_request_counts,
    learner_requests_waiting,
)
from continuum.learning.selectors.progress import OPEN as OPEN_REASSESSMENTS
from continuum.learning.selectors.progress import learner_requests_of
from continuum.learning.signals import artifact_reviewed, proposal_reviewed, reassessment_decided

__all__ = [
    "OPEN_REASSESSMENTS",
    "RequestCounts",
    "artifact_reviewed",
    "learner_request_counts",
    "learner_requests_of",
    "learner_requests_waiting",
    "proposal_reviewed",
    "reassessment_decided",
]
