"""A real OpenID Connect provider for the single sign-on tests (django-oauth-toolkit),
run in its own process by continuum/sso/tests/conftest.py: ``python -m tests.sso_provider``."""
