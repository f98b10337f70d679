"""What the dashboard app offers the other apps (their only way in besides ``models``).

- ``pace_lines`` (→ ``PaceLine``): pace to each requirement in the dashboard's words and
  whole numbers, with its two progress bars, so the learner's home page says it exactly as
  the dashboard does.
"""

from continuum.dashboard.pace import PaceLine, pace_lines

__all__ = ["PaceLine", "pace_lines"]
