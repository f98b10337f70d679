"""The supports app's domain events (decision 0012): sent by the service that made the
transition, inside its transaction, for the apps above it (notifications) to act on
without supports knowing them.

- ``flags_opened(learner, flags)``: a computation (the school's, or the background
  refresh after new evidence) opened these new early-warning flags for one learner; a
  flag that still holds is not new and is not sent again.
"""

from django.dispatch import Signal

flags_opened = Signal()
