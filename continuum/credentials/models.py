"""credentials models."""
