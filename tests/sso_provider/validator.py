from oauth2_provider.oauth2_validators import OAuth2Validator


class Validator(OAuth2Validator):
    """Claims like a school's identity provider: the person's email and whether the provider
    verified it (here: a provider user whose last name is "verified")."""

    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "email_verified": "email"}

    def get_claim_dict(self, request):
        """The username as ``sub``: the id a roster would carry (like a Clever id)."""
        return {**super().get_claim_dict(request), "sub": request.user.username}

    def get_additional_claims(self, request):
        user = request.user
        return {
            "email": user.email,
            "email_verified": user.last_name == "verified",
            "name": user.first_name,
        }
