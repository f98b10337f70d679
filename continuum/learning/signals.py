"""The learning app's domain events (decision 0012): sent by the service that made the
transition, inside its transaction, once per transition.

- ``reassessment_decided(reassessment, before, after)``: an educator's decision moved a
  request from status ``before`` to ``after`` (scheduled, declined or completed). Moving
  the date of a request that is already scheduled is not a new decision and is not sent.
- ``proposal_reviewed(proposal)``: an educator approved a learner's proposal or asked for
  a revision (its ``status`` says which).
- ``artifact_reviewed(artifact)``: an educator accepted a piece of portfolio work as
  evidence or returned it with a note (its ``status`` says which).
"""

from django.dispatch import Signal

reassessment_decided = Signal()
proposal_reviewed = Signal()
artifact_reviewed = Signal()
