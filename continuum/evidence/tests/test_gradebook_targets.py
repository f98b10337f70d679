"""The gradebook and the heatmaps list targets in tree order."""

from continuum.evidence.selectors.gradebook import gradebook_targets
from continuum.frameworks.models import ItemKind
from continuum.frameworks.tests.factories import item_create, version_create


def test_targets_come_competency_by_competency_when_positions_count_among_siblings(db):
    # CASE packages number items among their siblings: both competencies' first target is 0.
    version = version_create(title="Sibling numbering")
    domain = item_create(version, "D", "Domain", kind=ItemKind.DOMAIN, position=0)
    for place, competency in enumerate(("C1", "C2")):
        parent = item_create(
            version, competency, competency, kind=ItemKind.COMPETENCY, parent=domain, position=place
        )
        for position in range(3):
            item_create(version, f"{competency}.{position}", "t", parent=parent, position=position)
    codes = [t.human_coding_scheme for t in gradebook_targets(framework=version.framework)]
    assert codes == ["C1.0", "C1.1", "C1.2", "C2.0", "C2.1", "C2.2"]
