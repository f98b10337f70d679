"""The dashboard stores nothing: it reads evidence, frameworks and pathways."""
