"""Awards recorded when a rule is met, revoked by a person with a reason, and courses that
ended without credit sending their targets back into the plan."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from continuum.credentials.models import Award, CreditNotEarned
from continuum.credentials.public import award_recorded, awards_sync, requirements_met
from continuum.credentials.services.awards import award_revoke
from continuum.credentials.tests.conftest import AFTER_THE_COURSE, TODAY, all_proficient, shown
from continuum.mastery import Status
from continuum.pathways.models import PlanItem
from continuum.pathways.services import plan_item_add


def test_an_award_is_recorded_with_the_rule_version_and_the_evidence_when_the_rule_is_met(
    credit,
):
    lena, maths, requirement = credit["lena"], credit["maths"], credit["requirement"]
    all_proficient(credit, lena)
    heard = []
    award_recorded.connect(
        lambda sender, award, **kw: heard.append(award), weak=False, dispatch_uid="test"
    )
    try:
        result = awards_sync(school=credit["school"], today=TODAY)
    finally:
        award_recorded.disconnect(dispatch_uid="test")
    award = Award.objects.get(learner=lena, requirement=requirement)
    assert (result.awarded, award.kind, award.awarded_on) == (1, "course_credit", TODAY)
    assert award.rule_version == requirement.history.latest().history_id
    assert award.rule["name"] == "all_proficient"
    assert [t["code"] for t in award.rule["targets"]] == ["N.1.a", "N.1.b", "N.1.c"]
    first = award.evidence[0]
    assert first["target"] == maths["N.1.a"].pk
    assert (first["level"], first["status"]) == (3, Status.PROFICIENT)
    assert first["evidence"] == list(
        lena.evidence.filter(target=maths["N.1.a"]).values_list("pk", flat=True)
    )
    assert heard == [award]


def test_a_met_rule_is_awarded_once_however_often_the_sync_runs(credit):
    all_proficient(credit, credit["lena"])
    awards_sync(school=credit["school"], today=TODAY)
    again = awards_sync(school=credit["school"], today=TODAY + timedelta(days=1))
    assert again.awarded == 0
    assert Award.objects.filter(learner=credit["lena"]).count() == 1


def test_no_award_when_the_requirement_does_not_apply_to_the_learner(credit):
    all_proficient(credit, credit["omar"])  # Omar is in Math 6B, not the credit's section
    assert awards_sync(school=credit["school"], today=TODAY).awarded == 0
    assert not Award.objects.exists()


def test_no_award_while_one_target_is_not_yet_proficient(credit):
    maths, lena = credit["maths"], credit["lena"]
    shown(lena, maths["N.1.a"], 3)
    shown(lena, maths["N.1.b"], 3)
    shown(lena, maths["N.1.c"], 2)
    assert awards_sync(learners=[lena], today=TODAY).awarded == 0


def test_an_award_stays_when_an_estimate_later_drops(credit):
    lena = credit["lena"]
    all_proficient(credit, lena)
    awards_sync(school=credit["school"], today=TODAY)
    shown(lena, credit["maths"]["N.1.a"], 1)
    awards_sync(school=credit["school"], today=TODAY)
    assert Award.objects.get(learner=lena).state == Award.State.AWARDED


@pytest.mark.parametrize(("level", "met"), [(1.5, False), (2.5, True)])
def test_a_share_rule_is_met_only_with_no_target_below_its_floor(credit, level, met):
    requirement, maths, lena = credit["requirement"], credit["maths"], credit["lena"]
    requirement.rule = {"name": "share_proficient", "parameters": {"share": 0.6, "floor": 2}}
    requirement.save()
    shown(lena, maths["N.1.a"], 3)
    shown(lena, maths["N.1.b"], 3)
    shown(lena, maths["N.1.c"], level)
    assert awards_sync(learners=[lena], today=TODAY).awarded == int(met)


def test_requirements_met_answers_for_the_given_levels_without_reading_estimates(credit):
    lena, omar, maths, requirement = (
        credit["lena"],
        credit["omar"],
        credit["maths"],
        credit["requirement"],
    )
    shown(lena, maths["N.1.a"], 1)  # stored: not yet; the given levels say otherwise
    proficient = (3.0, Status.PROFICIENT)
    levels = {
        (learner.pk, maths[code].pk): proficient
        for learner in (lena, omar)
        for code in ("N.1.a", "N.1.b", "N.1.c")
    }
    assert requirements_met(learners=[lena, omar], levels=levels) == {(lena.pk, requirement.pk)}
    levels[(lena.pk, maths["N.1.b"].pk)] = (2.0, Status.NOT_YET)
    assert requirements_met(learners=[lena, omar], levels=levels) == set()


# ---- revoking ---------------------------------------------------------------------------


@pytest.fixture
def award(credit):
    all_proficient(credit, credit["lena"])
    awards_sync(school=credit["school"], today=TODAY)
    return Award.objects.get(learner=credit["lena"])


@pytest.mark.parametrize("reason", ["", "   "])
def test_revoking_needs_a_reason_and_changes_nothing_without_one(credit, award, reason):
    with pytest.raises(ValidationError, match="reason is required"):
        award_revoke(award=award, by=credit["cora"], reason=reason)
    award.refresh_from_db()
    assert award.state == Award.State.AWARDED
    assert award.history.count() == 1


def test_revoking_is_audited_with_who_when_and_why(credit, award):
    award_revoke(award=award, by=credit["cora"], reason="  Scores entered for the wrong learner ")
    award.refresh_from_db()
    assert award.state == Award.State.REVOKED
    assert (award.revoked_by, award.revoke_reason) == (
        credit["cora"],
        "Scores entered for the wrong learner",
    )
    assert award.revoked_at is not None
    record = award.history.latest()
    assert record.history_user == credit["cora"]
    assert record.history_change_reason == "Scores entered for the wrong learner"


@pytest.mark.parametrize("who", ["cora", "leo", "ada"])
def test_the_counselor_the_leaders_and_the_district_admins_may_revoke(credit, award, who):
    award_revoke(award=award, by=credit[who], reason="Recorded in error")
    assert Award.objects.get(pk=award.pk).state == Award.State.REVOKED


@pytest.mark.parametrize("who", ["lena", "gabe", "erin", "eli", "pat", "otto"])
def test_no_one_else_may_revoke(credit, award, who):
    with pytest.raises(PermissionDenied):
        award_revoke(award=award, by=credit[who], reason="Recorded in error")
    assert Award.objects.get(pk=award.pk).state == Award.State.AWARDED


def test_an_award_is_revoked_once(credit, award):
    award_revoke(award=award, by=credit["cora"], reason="Recorded in error")
    with pytest.raises(ValidationError, match="already been revoked"):
        award_revoke(award=award, by=credit["leo"], reason="Again")


def test_a_revoked_award_returns_only_on_evidence_recorded_after_the_revocation(credit, award):
    lena = credit["lena"]
    award_revoke(award=award, by=credit["cora"], reason="Recorded in error")
    assert awards_sync(learners=[lena], today=TODAY).awarded == 0
    shown(lena, credit["maths"]["N.1.a"], 3.5)  # new evidence after the revocation
    assert awards_sync(learners=[lena], today=TODAY).awarded == 1
    assert list(Award.objects.filter(learner=lena).values_list("state", flat=True)) == [
        "awarded",
        "revoked",
    ]


# ---- a course that ended without credit --------------------------------------------------


def test_a_course_still_running_records_nothing_unearned(credit):
    shown(credit["lena"], credit["maths"]["N.1.a"], 3)
    assert awards_sync(school=credit["school"], today=TODAY).not_earned == 0
    assert not CreditNotEarned.objects.exists()


def test_a_course_that_ended_unmet_lists_the_targets_to_relearn_and_puts_them_in_the_plan(
    credit,
):
    lena, maths = credit["lena"], credit["maths"]
    shown(lena, maths["N.1.a"], 3)
    shown(lena, maths["N.1.b"], 2)
    result = awards_sync(school=credit["school"], today=AFTER_THE_COURSE)
    record = CreditNotEarned.objects.get(learner=lena)
    assert (result.not_earned, record.recorded_on, record.added_to_plan) == (
        1,
        AFTER_THE_COURSE,
        True,
    )
    assert sorted(t.human_coding_scheme for t in record.targets.all()) == ["N.1.b", "N.1.c"]
    items = PlanItem.objects.filter(plan__learner=lena)
    assert sorted(i.target.human_coding_scheme for i in items) == ["N.1.b", "N.1.c"]
    assert {(i.status, i.added_by) for i in items} == {("accepted", "system")}
    assert items[0].reasons == [
        "Re-learn for Grade 6 ratios credit: not yet proficient when the course ended on "
        "2027-06-01."
    ]


def test_a_course_that_ended_unmet_is_recorded_once_and_its_plan_steps_are_not_repeated(
    credit,
):
    lena = credit["lena"]
    awards_sync(school=credit["school"], today=AFTER_THE_COURSE)
    again = awards_sync(school=credit["school"], today=AFTER_THE_COURSE + timedelta(days=1))
    assert again.not_earned == 0
    assert CreditNotEarned.objects.filter(learner=lena).count() == 1
    assert PlanItem.objects.filter(plan__learner=lena).count() == 3


def test_a_target_already_in_the_plan_keeps_its_step_and_gains_the_reason(credit):
    lena, maths = credit["lena"], credit["maths"]
    step = plan_item_add(learner=lena, by=credit["erin"], target=maths["N.1.c"])
    awards_sync(school=credit["school"], today=AFTER_THE_COURSE)
    step.refresh_from_db()
    assert step.added_by == PlanItem.AddedBy.EDUCATOR
    assert step.reasons[-1].startswith("Re-learn for Grade 6 ratios credit")
    assert PlanItem.objects.filter(plan__learner=lena, target=maths["N.1.c"]).count() == 1


def test_a_course_earned_before_it_ended_records_nothing_unearned(credit):
    all_proficient(credit, credit["lena"])
    result = awards_sync(school=credit["school"], today=AFTER_THE_COURSE)
    assert (result.awarded, result.not_earned) == (1, 0)


def test_a_sync_names_its_learners_or_its_school(credit):
    with pytest.raises(ValueError, match="Name the learners or the school"):
        awards_sync(today=TODAY)
