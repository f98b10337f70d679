"""The credentials app's domain events, for the apps above it (notifications, the family
view) to act on without credentials knowing them (decision 0012); sent by the service that
made the transition, inside its transaction.

- ``award_recorded(award)``: a learner's estimates met a requirement's rule and an award
  was recorded (``services.awards.awards_sync``, once per new award).
"""

from django.dispatch import Signal

award_recorded = Signal()
