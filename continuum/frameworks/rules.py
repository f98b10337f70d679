"""The continuum is public to everyone signed in; only district admins change it."""

import rules

from continuum.people.rules import is_district_admin

rules.add_perm("frameworks.view_framework", rules.is_authenticated)
rules.add_perm("frameworks.change_framework", is_district_admin)
rules.add_perm("frameworks.import_framework", is_district_admin)
