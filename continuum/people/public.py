"""What the people app offers the other apps (their only way in besides ``models``).

- Who may see a learner: the role and relationship predicates of ``rules.py``, which each
  app combines into its own permissions, ``can_view_learner`` and
  ``can_view_whole_learner`` (the whole record, which partners do not see).
- ``learner_of``: the learner a page's URL names, loaded once per request.
- ``learner_list``, ``section_list``, ``school_list``: people scoped to what the asking user
  may see.
- ``DEMO_PASSWORD``: the published password of the demo school's accounts.
"""

from continuum.people.lookups import learner_of
from continuum.people.passwords import DEMO_PASSWORD
from continuum.people.rules import (
    administers_district_of,
    can_view_learner,
    can_view_whole_learner,
    counsels,
    guards,
    is_counselor,
    is_district_admin,
    is_educator,
    is_guardian,
    is_leader,
    is_learner,
    is_partner,
    is_self,
    is_staff_member,
    leads_school_of,
    teaches,
)
from continuum.people.selectors import learner_list, school_list, section_list

__all__ = [
    "DEMO_PASSWORD",
    "administers_district_of",
    "can_view_learner",
    "can_view_whole_learner",
    "counsels",
    "guards",
    "is_counselor",
    "is_district_admin",
    "is_educator",
    "is_guardian",
    "is_leader",
    "is_learner",
    "is_partner",
    "is_self",
    "is_staff_member",
    "leads_school_of",
    "learner_list",
    "learner_of",
    "school_list",
    "section_list",
    "teaches",
]
