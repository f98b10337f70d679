"""Who may open a learner's dashboard.

Everyone with a reason to see the whole learner (``people.view_learner``) except a
community partner: a partner sees only the targets of their placement, and the dashboard
shows every target.
"""

import rules

from continuum.people.public import can_view_learner, is_partner

rules.add_perm("dashboard.view_dashboard", can_view_learner & ~is_partner)
