"""The one target order: framework, version, the tree (domain, competency, target), code."""

import pytest

from continuum.frameworks.models import FrameworkItem, ItemKind, LearningArea
from continuum.frameworks.ordering import TARGET_ORDER, area_rank
from continuum.frameworks.tests.factories import item_create, version_create

pytestmark = pytest.mark.django_db


def _tree(title: str, number: int = 1) -> None:
    """Two domains whose competencies are numbered among their siblings (each domain's
    first competency is 0), and a target filed straight under the version."""
    version = version_create(title=title, number=number)
    for d, domain_code in enumerate(("D1", "D2")):
        domain = item_create(version, domain_code, "d", kind=ItemKind.DOMAIN, position=d)
        for c in range(2):
            competency = item_create(
                version,
                f"{domain_code}.C{c}",
                "c",
                kind=ItemKind.COMPETENCY,
                parent=domain,
                position=c,
            )
            for t in (1, 0):  # created out of order: position decides, not the id
                item_create(version, f"{domain_code}.C{c}.{t}", "t", parent=competency, position=t)
    item_create(version, "LOOSE", "t", position=9)


def _ordered() -> list[str]:
    targets = FrameworkItem.objects.filter(kind=ItemKind.TARGET).order_by(*TARGET_ORDER)
    return [
        f"{t.version.framework.title} v{t.version.number} {t.human_coding_scheme}" for t in targets
    ]


def test_targets_come_framework_by_title_then_version_then_down_the_tree():
    _tree("Science")  # created first: the title, not the id, puts it after Algebra
    _tree("Algebra", number=2)
    _tree("Algebra", number=1)
    tree = ["LOOSE", *(f"{d}.C{c}.{t}" for d in ("D1", "D2") for c in (0, 1) for t in (0, 1))]
    assert _ordered() == [
        *(f"Algebra v1 {code}" for code in tree),
        *(f"Algebra v2 {code}" for code in tree),
        *(f"Science v1 {code}" for code in tree),
    ]


def test_academic_areas_come_before_lifelong_learning():
    version = version_create(title="Areas")
    lifelong = item_create(version, "SEL", "s", learning_area=LearningArea.LIFELONG)
    academic = item_create(version, "N", "n", position=5)
    assert sorted([lifelong, academic], key=area_rank) == [academic, lifelong]
