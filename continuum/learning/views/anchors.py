"""Where a learner's action sends them back to: the page they came from, at the element they
acted on (its id as the URL's fragment), not the top of a page many screens long."""

from django.urls import reverse


def target_anchor(learner, target) -> str:
    """The learner's evidence page, scrolled to the target the request or proposal is about."""
    return f"{reverse('learner_evidence', args=[learner.pk])}#target-{target.pk}"


def artifact_anchor(artifact) -> str:
    """The learner's portfolio, scrolled to the row of this piece of work."""
    return f"{reverse('portfolio', args=[artifact.learner_id])}#artifact-{artifact.pk}"
