"""Small builders for frameworks, written straight to the ORM so tests need no CASE import.

``sample_framework()`` is the continuum most tests use:

    N  Number (domain, academic)
      N.1  Understand ratios (competency)
        N.1.a → N.1.b → N.1.c      (a chain of prerequisites)
      N.2  Use proportional reasoning (competency)
        N.2.a                      (N.1.b precedes it)
    SEL  Self-management (domain, lifelong learning)
      SEL.1  Manage time (competency)
        SEL.1.a

N.1.a has a descriptor for each of the four levels and a crosswalk to an outside standard.
"""

import uuid
from dataclasses import dataclass, field

from continuum.frameworks.models import (
    Association,
    AssociationType,
    Framework,
    FrameworkItem,
    FrameworkVersion,
    ItemKind,
    LearningArea,
    LevelDescriptor,
    ProficiencyLevel,
    ProficiencyScale,
)
from continuum.people.models import Organization

LEVELS = ((1, "Beginning"), (2, "Developing"), (3, "Proficient"), (4, "Advanced"))


@dataclass
class SampleFramework:
    version: FrameworkVersion
    scale: ProficiencyScale
    items: dict[str, FrameworkItem] = field(default_factory=dict)

    def __getitem__(self, code: str) -> FrameworkItem:
        return self.items[code]

    @property
    def framework(self) -> Framework:
        return self.version.framework


def version_create(*, title: str = "Maple Grove Mathematics", number: int = 1) -> FrameworkVersion:
    framework, _ = Framework.objects.get_or_create(
        identifier=f"fw-{title.lower().replace(' ', '-')}", defaults={"title": title}
    )
    return FrameworkVersion.objects.create(
        framework=framework, number=number, title=title, content_hash=uuid.uuid4().hex
    )


def scale_create(version: FrameworkVersion) -> ProficiencyScale:
    """The usual four-level scale with the proficiency cut at 3."""
    scale = ProficiencyScale.objects.create(version=version, title="Four levels", proficiency_cut=3)
    for value, name in LEVELS:
        ProficiencyLevel.objects.create(scale=scale, value=value, name=name)
    return scale


def item_create(
    version: FrameworkVersion,
    code: str,
    statement: str,
    *,
    kind: str = ItemKind.TARGET,
    parent: FrameworkItem | None = None,
    learning_area: str = LearningArea.ACADEMIC,
    learner_statement: str = "",
    position: int = 0,
) -> FrameworkItem:
    identifier = str(uuid.uuid4())
    return FrameworkItem.objects.create(
        version=version,
        identifier=identifier,
        parent=parent,
        kind=kind,
        learning_area=learning_area,
        human_coding_scheme=code,
        full_statement=statement,
        learner_statement=learner_statement,
        position=position,
        raw={"identifier": identifier, "fullStatement": statement, "humanCodingScheme": code},
    )


def precedes_create(origin: FrameworkItem, destination: FrameworkItem) -> Association:
    return association_create(
        origin.version,
        AssociationType.PRECEDES,
        origin_identifier=origin.identifier,
        origin=origin,
        destination_identifier=destination.identifier,
        destination=destination,
    )


def association_create(version: FrameworkVersion, association_type: str, **ends) -> Association:
    return Association.objects.create(
        version=version, identifier=str(uuid.uuid4()), association_type=association_type, **ends
    )


def descriptors_create(item: FrameworkItem, scale: ProficiencyScale) -> None:
    code = item.human_coding_scheme
    for level in scale.levels.all():
        LevelDescriptor.objects.create(
            item=item, level=level, description=f"{code} at {level.name.lower()}"
        )


def sample_framework(
    title: str = "Maple Grove Mathematics", *, owner: Organization | None = None
) -> SampleFramework:
    """The sample framework; ``owner`` is the district that owns it (decision 0009)."""
    version = version_create(title=title)
    if owner is not None:
        Framework.objects.filter(pk=version.framework_id).update(organization=owner)
        version.framework.refresh_from_db()
    sample = SampleFramework(version=version, scale=scale_create(version))

    def add(code: str, statement: str, parent: str | None = None, **options) -> None:
        parent_item = sample.items[parent] if parent else None
        if parent_item and "learning_area" not in options:
            options["learning_area"] = parent_item.learning_area
        sample.items[code] = item_create(
            version, code, statement, parent=parent_item, position=len(sample.items), **options
        )

    add("N", "Number", kind=ItemKind.DOMAIN)
    add("N.1", "Understand ratios", "N", kind=ItemKind.COMPETENCY)
    add("N.1.a", "Describe a ratio relationship", "N.1", learner_statement="I can describe a ratio")
    add("N.1.b", "Find equivalent ratios", "N.1", learner_statement="I can find equal ratios")
    add("N.1.c", "Solve unit rate problems", "N.1", learner_statement="I can use unit rates")
    add("N.2", "Use proportional reasoning", "N", kind=ItemKind.COMPETENCY)
    add("N.2.a", "Scale a recipe", "N.2", learner_statement="I can scale a recipe")
    add("SEL", "Self-management", kind=ItemKind.DOMAIN, learning_area=LearningArea.LIFELONG)
    add("SEL.1", "Manage time", "SEL", kind=ItemKind.COMPETENCY)
    add("SEL.1.a", "Plan the steps of a project", "SEL.1", learner_statement="I can plan my work")
    precedes_create(sample["N.1.a"], sample["N.1.b"])
    precedes_create(sample["N.1.b"], sample["N.1.c"])
    precedes_create(sample["N.1.b"], sample["N.2.a"])
    descriptors_create(sample["N.1.a"], sample.scale)
    association_create(
        version,
        AssociationType.EXACT_MATCH_OF,
        origin_identifier=sample["N.1.a"].identifier,
        origin=sample["N.1.a"],
        destination_identifier="ccss-6.RP.A.1",
        raw={"destinationNodeURI": {"title": "CCSS.Math 6.RP.A.1", "identifier": "ccss-6.RP.A.1"}},
    )
    return sample


def wide_framework(*, competencies: int = 5, targets_per_competency: int = 9) -> SampleFramework:
    """One domain, several competencies of chained targets: ~50 items for query-count tests."""
    version = version_create(title="Wide Science")
    sample = SampleFramework(version=version, scale=scale_create(version))
    domain = item_create(version, "S", "Science", kind=ItemKind.DOMAIN)
    sample.items["S"] = domain
    previous = None
    for c in range(1, competencies + 1):
        competency = item_create(
            version, f"S.{c}", f"Competency {c}", kind=ItemKind.COMPETENCY, parent=domain
        )
        sample.items[competency.human_coding_scheme] = competency
        for t in range(1, targets_per_competency + 1):
            target = item_create(version, f"S.{c}.{t}", f"Target {c}.{t}", parent=competency)
            sample.items[target.human_coding_scheme] = target
            descriptors_create(target, sample.scale)
            if previous is not None:
                precedes_create(previous, target)
            previous = target
    return sample
