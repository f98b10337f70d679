"""What an estimate shows is said once: the override when there is one, else the
calculated value, in SQL (the queryset) and in Python (the model) alike."""

from django.utils import timezone, translation

from continuum.evidence.models import Estimate
from continuum.evidence.models import EstimateStatus as S


def _estimate(learner, target, status, override=None):
    return Estimate.objects.create(
        learner=learner,
        target=target,
        level=2.0,
        status=status,
        computed_at=timezone.now(),
        override_level=3.0 if override else None,
        override_status=override,
    )


def test_the_override_decides_what_is_shown_in_sql_and_in_python(world, sample):
    lena, omar = world["lena"], world["omar"]
    overridden = _estimate(lena, sample["N.1.a"], S.NOT_YET, override=S.PROFICIENT)
    calculated = _estimate(omar, sample["N.1.a"], S.NOT_YET)
    shown = dict(Estimate.objects.with_shown().values_list("pk", "shown"))
    assert shown == {overridden.pk: S.PROFICIENT, calculated.pk: S.NOT_YET}
    assert [overridden.shown_status, calculated.shown_status] == [S.PROFICIENT, S.NOT_YET]


def test_at_least_proficient_follows_the_shown_status(world, sample):
    lena, omar = world["lena"], world["omar"]
    _estimate(lena, sample["N.1.a"], S.NOT_YET, override=S.ADVANCED)
    _estimate(lena, sample["N.1.b"], S.PROFICIENT, override=S.APPROACHING)
    _estimate(omar, sample["N.1.a"], S.PROFICIENT)
    met = set(Estimate.objects.at_least_proficient().values_list("learner__username", "target_id"))
    assert met == {("lena", sample["N.1.a"].pk), ("omar", sample["N.1.a"].pk)}


def test_a_status_is_a_value_with_words_only_for_display():
    assert [int(s) for s in S] == [0, 1, 2, 3, 4]
    assert (S.NOT_YET.code, S.NOT_YET.slug) == ("not yet", "not-yet")
    with translation.override("es"):
        assert [str(s.label) for s in S] == [
            "sin empezar",
            "todavía no",
            "acercándose",
            "competente",
            "avanzado",
        ]
        assert S.PROFICIENT.code == "proficient"  # integrations read stable English
