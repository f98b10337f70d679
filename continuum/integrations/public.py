"""What the integrations app offers the other apps (their only way in besides ``models``).

- ``api_token_user``: the person an API token acts as (with exactly their permissions), for
  the JSON API's authentication.
"""

from continuum.integrations.services.tokens import api_token_user

__all__ = ["api_token_user"]
