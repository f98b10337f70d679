"""Supports pages: ``plans`` (the caseload, a learner's flags, plans and pace, the
background computation) and ``requirements`` (the requirements editor, and learners
electing certificates and pathways that a counselor confirms)."""
