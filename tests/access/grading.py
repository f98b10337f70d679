"""Grading policy pages. Riverside's admin (Ada) owns the district default and every
school's override; Maple Grove's leader (Leo) owns his school's override and reads the
district default. Otto, Lakeside's admin, opens the overview (his own district only) and
gets a 404 for anything of Riverside's. Nobody else reaches the policy pages."""

from tests.access import Case, allow

OWNERS = allow("leader", "admin")
DECIDE = {"reason": "Access check"}


def populate(world: dict) -> None:
    from continuum.frameworks.tests.factories import sample_framework
    from continuum.grading.services.policies import policy_adopt, policy_draft_create

    world["grading_target"] = sample_framework(title="Grading access")["N.1.a"]
    world["school_draft"] = policy_draft_create(
        by=world["leo"], organization=world["school"], body={"method": "latest"}
    )
    district = policy_draft_create(
        by=world["ada"], organization=world["district"], body={"method": "highest"}
    )
    world["district_policy"] = policy_adopt(record=district, by=world["ada"], reason="Access")


def _school(world: dict) -> dict:
    return {"organization_id": world["school"].pk}


def _draft(world: dict) -> dict:
    return {"record_id": world["school_draft"].pk}


def _adopted(world: dict) -> dict:
    return {"record_id": world["district_policy"].pk}


CASES = [
    Case("grading_home", allow("leader", "admin", "outsider")),
    Case("grading_scope", OWNERS, kwargs=_school),
    Case(
        "grading_scope",
        allow("admin"),
        kwargs=lambda w: {"organization_id": w["district"].pk},
        label="district",
    ),
    Case("grading_draft_new", OWNERS, kwargs=_school),
    Case(
        "grading_draft_new",
        OWNERS,
        kwargs=_school,
        method="post",
        label="save",
        data={
            "method": "latest",
            "counts": "summative",
            "minimum_evidence": "1",
            "recent_count": "0",
            "order_by": "assessed_at",
        },
        ok_status=(302,),
    ),
    Case("grading_record", OWNERS, kwargs=_draft),
    Case("grading_record", OWNERS, kwargs=_adopted, label="district version"),
    Case("grading_progress", OWNERS, kwargs=_adopted),
    Case("grading_adopt", OWNERS, kwargs=_draft, method="post", data=DECIDE, ok_status=(302,)),
    Case("grading_discard", OWNERS, kwargs=_draft, method="post", data=DECIDE, ok_status=(302,)),
    Case(
        "grading_compare",
        OWNERS,
        kwargs=lambda w: {
            "record_id": w["school_draft"].pk,
            "learner_id": w["lena"].pk,
            "target_id": w["grading_target"].pk,
        },
    ),
]
