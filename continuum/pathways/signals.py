"""The pathways app's domain events, for the apps above it to act on without pathways
knowing them (decision 0012); sent by the service that made the transition.

- ``check_in_recorded(check_in)``: an educator recorded a check-in on a learner's goal
  (``services.goal_check_in``).
"""

from django.dispatch import Signal

check_in_recorded = Signal()
