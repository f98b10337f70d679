"""grading models."""
