"""What the insights app offers the other apps (their only way in besides ``models``).

- ``section_heatmap``: a section's learners × targets, from stored estimates.
- ``group_suggestions`` and ``group_create``: flexible groups suggested by need, and forming
  one (as the demo school does).
"""

from continuum.insights.selectors.groups import group_suggestions
from continuum.insights.selectors.heatmap import section_heatmap
from continuum.insights.services.groups import group_create

__all__ = ["group_create", "group_suggestions", "section_heatmap"]
