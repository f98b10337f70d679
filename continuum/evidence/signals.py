"""The evidence app's domain events: what its services announce once a transition is made,
for the apps above it (notifications, insights) to act on without evidence knowing them
(decision 0012). Each is sent by the service that made the transition, inside its
transaction, once per transition, with what that service already knows; nothing is sent
by ``save()``, so bulk loads and fixtures announce nothing.

- ``feedback_given(evidence)``: a new piece of evidence carries feedback for the learner
  (``evidence_record``, and ``evidence_record_many`` once for each such row, in row order).
- ``estimates_changed(pairs, now)``: the estimates of these (learner id, target id) pairs
  were recalculated or overridden at ``now`` (their values may have stayed the same): one
  pair from ``estimate_refresh`` and ``estimate_override``, every pair a batch recompute
  or a bulk write touched, sent once for the whole batch.
"""

from django.dispatch import Signal

feedback_given = Signal()
estimates_changed = Signal()
