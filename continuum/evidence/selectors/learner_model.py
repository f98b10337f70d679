"""A learner's chance of mastery from their school's newest learner model fit, and the parts
of it in words a teacher can read (continuum.mastery.model_estimate).

Two queries whatever the number of targets: the newest fit of each framework, then the
learner's answers on those frameworks (none when the school has no fit).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from continuum.evidence.models import LearnerModelFit, Response
from continuum.frameworks.models import FrameworkItem
from continuum.mastery.model_estimate import Answer, Certainty, Prediction, Weights, predictions
from continuum.people.models import User

PARTS_SHOWN = 5  # the largest parts by name; the rest are summed as "everything else"

CERTAINTY_WORDS = {
    Certainty.VERY_LIKELY: _("very likely"),
    Certainty.LIKELY: _("likely"),
    Certainty.EITHER_WAY: _("could go either way"),
    Certainty.NOT_LIKELY_YET: _("not likely yet"),
    Certainty.NOT_SURE_YET: _("not sure yet"),
}

# What each of the model's features means, for a teacher (continuum.mastery.lr_features).
PART_WORDS = {
    "intercept": _("Where learners at this school start"),
    "right so far, all skills": _("Right answers so far in this framework"),
    "wrong so far, all skills": _("Wrong answers so far in this framework"),
    "last answer right, any skill": _("Their last answer in this framework"),
    "first response": _("No answers yet in this framework"),
    "right among recent": _("Right answers among their last ten"),
    "wrong among recent": _("Wrong answers among their last ten"),
    "right attempts at this item": _("Earlier right attempts at the same question"),
    "wrong attempts at this item": _("Earlier wrong attempts at the same question"),
    "practised": _("How %(target)s goes for most learners"),
    "right so far": _("Right answers on %(target)s so far"),
    "wrong so far": _("Wrong answers on %(target)s so far"),
    "last right": _("Their last answer on %(target)s"),
    "first time": _("First time on %(target)s"),
    "run": _("Right answers in a row on %(target)s"),
    "item": _("How hard the question is"),
}


@dataclass(frozen=True)
class PartShown:
    words: str
    points: float  # percentage points it adds to the chance (negative: takes away)

    @property
    def signed(self) -> str:
        """The points rounded, with their sign ("+12", "−5", "0")."""
        whole = round(self.points)
        return f"+{whole}" if whole > 0 else f"−{-whole}" if whole < 0 else "0"


@dataclass(frozen=True)
class MasteryChance:
    """A prediction as pages show it: the fit it came from, its words, its named parts."""

    prediction: Prediction
    fit: LearnerModelFit
    words: str
    parts: tuple[PartShown, ...]
    rest: PartShown | None  # the parts not named, together

    @property
    def percent(self) -> int:
        return round(100 * self.prediction.probability)

    @property
    def low_percent(self) -> int:
        return round(100 * self.prediction.low)

    @property
    def high_percent(self) -> int:
        return round(100 * self.prediction.high)


def _newest_fits(learner: User, framework_ids: set[int]) -> dict[int, LearnerModelFit]:
    newest = LearnerModelFit.objects.filter(
        school=OuterRef("school"), framework=OuterRef("framework")
    ).order_by("-version")
    fits = LearnerModelFit.objects.filter(
        school_id=learner.organization_id,
        framework_id__in=framework_ids,
        pk=Subquery(newest.values("pk")[:1]),
    )
    return {fit.framework_id: fit for fit in fits}


def mastery_predictions(
    *, learner: User, targets: Iterable[FrameworkItem]
) -> tuple[dict[int, Prediction], dict[int, LearnerModelFit]]:
    """The learner's chance of mastery on each target whose framework has a fit at their
    school (each target's version must be loaded), and the fits used, by framework."""
    by_framework: dict[int, list[int]] = {}
    for target in targets:
        by_framework.setdefault(target.version.framework_id, []).append(target.pk)
    if learner.organization_id is None or not by_framework:
        return {}, {}
    fits = _newest_fits(learner, set(by_framework))
    if not fits:
        return {}, {}
    history: dict[int, list[Answer]] = {framework: [] for framework in fits}
    answers = (
        Response.objects.filter(
            learner=learner, question__alignment__target__version__framework_id__in=fits
        )
        .order_by("answered_at", "attempt", "question__position", "id")
        .values_list(
            "question__alignment__target__version__framework_id",
            "question__alignment__target_id",
            "question_id",
            "correct",
        )
    )
    for framework, target_id, question, correct in answers:
        history[framework].append(Answer(target_id, question, correct))
    found: dict[int, Prediction] = {}
    for framework, fit in fits.items():
        weights = Weights.from_dict(fit.weights)
        found |= predictions(weights, history[framework], by_framework[framework])
    return found, fits


def mastery_chance_get(*, learner: User, target: FrameworkItem) -> MasteryChance | None:
    """The learner's chance of mastery on one target as pages show it (None until their
    school has a fit for the target's framework that knows the target)."""
    found, fits = mastery_predictions(learner=learner, targets=[target])
    if target.pk not in found:
        return None
    prediction = found[target.pk]
    code = target.human_coding_scheme or target.abbreviated_statement or str(target.pk)
    named = [
        PartShown(str(PART_WORDS[part.feature]) % {"target": code}, part.points)
        for part in prediction.parts
        if part.feature in PART_WORDS
    ]
    return MasteryChance(
        prediction=prediction,
        fit=fits[target.version.framework_id],
        words=str(CERTAINTY_WORDS[prediction.certainty]),
        parts=tuple(named[:PARTS_SHOWN]),
        rest=PartShown(str(_("Everything else together")), sum(p.points for p in others))
        if (others := named[PARTS_SHOWN:])
        else None,
    )
