"""Everyone signed in has their own notifications; nobody reads another person's (the
services filter by recipient, so there is no object permission to grant)."""

import rules

rules.add_perm("notifications.use", rules.is_authenticated)
