"""What the evidence app tells other apps.

``estimates_recomputed`` is sent after a batch recompute has rewritten estimates in bulk,
which bypasses ``Estimate.save()`` and so its ``post_save`` receivers; arguments:
``learner_ids`` (the learners recomputed) and ``now``.
"""

from django.dispatch import Signal

estimates_recomputed = Signal()
