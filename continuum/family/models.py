"""The family view stores nothing of its own: it reads evidence, estimates and goals."""
