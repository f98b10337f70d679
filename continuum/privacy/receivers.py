"""Disclosures announced by the apps below privacy, which cannot record them themselves
(the layers run downwards): connected in ``PrivacyConfig.ready``."""

from continuum.privacy.models import Via
from continuum.privacy.services.disclosures import disclosure_record


def credentials_exported_recorded(sender, *, learner, actor, credentials, **kwargs) -> None:
    """``export_credentials`` wrote a learner's signed badges out of the system."""
    disclosure_record(
        actor=actor,
        learner_ids=[learner.pk],
        via=Via.EXPORT,
        what="export_credentials",
        record="credentials",
        reason=f"{len(credentials)} signed badges exported",
    )
