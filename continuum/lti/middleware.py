"""Pages of a session that an LMS launched may be shown in that LMS's iframe, and only
there: ``frame-ancestors`` names the platform's origin (the registration's
``frame_origin``) and X-Frame-Options is left off (it cannot name an origin). Every
other response keeps the site's ``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``.
"""

from django.conf import settings

FRAME_ORIGIN = "lti_frame_origin"


class LtiFramingMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        origin = session.get(FRAME_ORIGIN) if session is not None else None
        if origin:
            allow_framing(response, origin)
        return response


def allow_framing(response, origin: str, form_action: str | None = None) -> None:
    """Let ``origin`` frame this response (and, for the deep-linking answer, let its form
    post to the platform's ``form_action`` origin)."""
    response.xframe_options_exempt = True
    config = dict(getattr(response, "_csp_config", None) or settings.SECURE_CSP)
    config["frame-ancestors"] = [origin]
    if form_action:
        config["form-action"] = [*config.get("form-action", []), form_action]
    response._csp_config = config
