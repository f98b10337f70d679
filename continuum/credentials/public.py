"""What the credentials app offers the other apps (their only way in besides ``models``).

- ``awards_sync``: record the awards learners have newly earned and the course credits
  whose due date passed unearned (the daily command and the estimates receiver call it;
  the demo school may too).
- ``award_revoke``: take an award back, with a reason, audited.
- ``requirements_met``: the (learner, requirement) pairs whose rule given estimates meet,
  for the requirements that apply; reads no stored estimate (the policy replay asks it
  about a draft policy's estimates).
- ``learner_credentials_get``: one learner's awards and courses ended without credit, as
  the family view shows them.
- Its domain events, ``award_recorded`` and ``credentials_exported`` (a learner's signed
  badges written out from the command line, for the record of disclosures; decision 0012).
"""

from continuum.credentials.selectors import LearnerCredentials, learner_credentials_get
from continuum.credentials.services.awards import SyncResult, award_revoke, awards_sync
from continuum.credentials.services.rules_met import requirements_met
from continuum.credentials.signals import award_recorded, credentials_exported

__all__ = [
    "LearnerCredentials",
    "SyncResult",
    "award_recorded",
    "award_revoke",
    "awards_sync",
    "credentials_exported",
    "learner_credentials_get",
    "requirements_met",
]
