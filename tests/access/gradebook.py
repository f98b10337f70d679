"""The gradebook: educators of a section (who record) and leaders of its school (who read).

Erin teaches Math 6A (Lena); Eli teaches Math 6B (Omar). Leo leads the school: he opens
every gradebook of it but records nothing, so his POSTs are refused like everyone else's.
"""

from continuum.frameworks.tests.factories import sample_framework
from tests.access import Case, allow


def populate(world: dict) -> None:
    world["gradebook_target"] = sample_framework(title="Gradebook Mathematics")["N.1.a"]


def _cell(section: str, learner: str):
    return lambda w: {
        "section_id": w[section].pk,
        "learner_id": w[learner].pk,
        "target_id": w["gradebook_target"].pk,
    }


def _column(section: str):
    return lambda w: {"section_id": w[section].pk, "target_id": w["gradebook_target"].pk}


CASES = [
    Case("gradebook_home", allow("educator", "leader")),
    Case(
        "gradebook_section",
        allow("educator", "leader"),
        label="own section",
        kwargs=lambda w: {"section_id": w["math_a"].pk},
    ),
    Case(
        "gradebook_section",
        allow("leader"),
        label="another educator's section",
        kwargs=lambda w: {"section_id": w["math_b"].pk},
    ),
    Case(
        "gradebook_explain",
        allow("educator", "leader"),
        label="own learner",
        kwargs=_cell("math_a", "lena"),
    ),
    Case(
        "gradebook_explain",
        allow("leader"),
        label="another educator's learner",
        kwargs=_cell("math_b", "omar"),
    ),
    Case(
        "gradebook_explain",
        allow(),
        label="a learner outside the section",
        kwargs=_cell("math_a", "omar"),
    ),
    Case(
        "gradebook_class_score",
        allow("educator"),
        label="form of own section",
        kwargs=_column("math_a"),
    ),
    Case(
        "gradebook_class_score",
        allow(),
        label="form of another educator's section",
        kwargs=_column("math_b"),
    ),
    Case(
        "gradebook_class_score",
        allow("educator"),
        label="scoring own section",
        method="post",
        kwargs=_column("math_a"),
        # No level chosen (ids are unknown when cases are written): Erin passes the
        # permission checks and is then told to choose a level, which records nothing.
        data={"kind": "formative", "source": "assessment"},
        ok_status=(422,),
    ),
    Case(
        "gradebook_cell_record",
        allow("educator"),
        label="own learner",
        method="post",
        kwargs=_cell("math_a", "lena"),
        data={"entry": "3"},
        ok_status=(302,),  # without HTMX, back to the cell's scoring page
    ),
    Case(
        "gradebook_cell_record",
        allow(),
        label="a learner outside the section",
        method="post",
        kwargs=_cell("math_a", "omar"),
        data={"entry": "3"},
    ),
    Case(
        "gradebook_override",
        allow("educator"),
        label="own learner",
        method="post",
        kwargs=_cell("math_a", "lena"),
        data={"level": "3", "reason": "Access matrix check"},
        ok_status=(302,),
    ),
    Case(
        "gradebook_override",
        allow(),
        label="another educator's learner",
        method="post",
        kwargs=_cell("math_b", "omar"),
        data={"level": "3", "reason": "Access matrix check"},
    ),
]
