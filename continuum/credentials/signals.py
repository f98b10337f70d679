"""The credentials app's domain events, for the apps above it (notifications, the family
view) to act on without credentials knowing them (decision 0012); sent by the service that
made the transition, inside its transaction.

- ``award_recorded(award)``: a learner's estimates met a requirement's rule and an award
  was recorded (``services.awards.awards_sync``, once per new award).
- ``credentials_exported(learner, actor, credentials)``: a learner's signed badges were
  written out of the system (``continuum export_credentials``; ``actor`` is None from the
  command line), for the record of disclosures to note. Downloads through the web are
  recorded by the privacy middleware instead.
"""

from django.dispatch import Signal

award_recorded = Signal()
credentials_exported = Signal()
