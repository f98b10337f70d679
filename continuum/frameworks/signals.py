"""The frameworks app's domain events (decision 0012), for the apps above it.

- ``scale_bands_changed(scale)``: a district set or cleared bands of ``scale``, so the
  statuses stored for its targets are stale (evidence recomputes them in the background).
"""

from django.dispatch import Signal

scale_bands_changed = Signal()
