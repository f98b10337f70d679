"""No tables yet: `continuum agreement` reads a file and writes a file. Calibration sessions
(anchor samples, blind scores, agreed scores) will be stored here (issue 17)."""
