"""Continuum: personalized, competency-based education."""
