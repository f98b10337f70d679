"""The learning continuum: frameworks, their items, scales, descriptors and associations.

A framework is versioned: re-importing a changed CASE package adds a new
``FrameworkVersion`` and leaves the old one (and everything that references its items)
intact. Every CASE object keeps its identifier, URI and the JSON it arrived as (``raw``),
so export is lossless.
"""

from dataclasses import replace

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from continuum.mastery import Bands, ScaleBands, scale_bands


class Framework(models.Model):
    """A published set of competencies, identified by its CASE CFDocument identifier.

    Districts are tenants (decision 0009): a framework a district creates or imports belongs
    to it, and only that district's admins change it. The owner may share it read-only with
    every other district. A framework with no organization is platform-wide: everyone reads
    it, and only a superuser (or the ``import_case`` command run without ``--user``)
    changes it.
    """

    identifier = models.CharField(max_length=255, unique=True)
    title = models.CharField(max_length=500)
    organization = models.ForeignKey(
        "people.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="frameworks",
        help_text="The district that owns it; empty: platform-wide, read-only for districts.",
    )
    shared = models.BooleanField(
        default=False, help_text="Other districts may read it (never change it)."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def current(self) -> "FrameworkVersion | None":
        return self.versions.order_by("-number").first()


class FrameworkVersion(models.Model):
    """One imported (or edited) state of a framework. Items belong to a version."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    case_version = models.CharField(max_length=8, default="1.1", help_text="CASE 1.0 or 1.1")
    uri = models.CharField(max_length=1000, blank=True)
    title = models.CharField(max_length=500)
    creator = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=500, blank=True)
    version = models.CharField(max_length=100, blank=True, help_text="CASE document version")
    adoption_status = models.CharField(max_length=50, blank=True)
    language = models.CharField(max_length=20, blank=True)
    license_uri = models.CharField(max_length=1000, blank=True)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=1000, blank=True, help_text="File or URL imported")
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the canonical package")
    raw_document = models.JSONField(default=dict, help_text="The CFDocument as imported")
    raw_definitions = models.JSONField(default=dict, help_text="CFDefinitions as imported")
    raw_rubrics = models.JSONField(default=list, help_text="CFRubrics as imported")
    raw_package = models.JSONField(
        default=dict,
        blank=True,
        help_text="The CFPackage's top level as imported: the parts stored above are null "
        "here, so export knows which were present; anything else (extensions) is kept",
    )
    raw_repeats = models.JSONField(
        default=list,
        blank=True,
        help_text="Items and associations listed again under an identifier already seen "
        "({part, index, json}); stored once as rows, put back in place on export",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="unique_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"


class LearningArea(models.TextChoices):
    ACADEMIC = "academic", _("Academic")
    LIFELONG = "lifelong", _("Lifelong learning / SEL")


class ItemKind(models.TextChoices):
    DOMAIN = "domain", _("Domain")
    COMPETENCY = "competency", _("Competency")
    TARGET = "target", _("Learning target")


class FrameworkItemQuerySet(models.QuerySet):
    def in_use(self) -> "FrameworkItemQuerySet":
        """Items not retired: what new assessments, goals and plans may be set on."""
        return self.filter(retired_at__isnull=True)


class FrameworkItem(models.Model):
    """A domain, competency or learning target (a CASE CFItem) in a version's tree.

    A retired item stays, with everything recorded against it, but is offered for no new
    assessment, goal or plan (``FrameworkItem.objects.in_use()``).
    """

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="items")
    identifier = models.CharField(max_length=255)
    uri = models.CharField(max_length=1000, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField(max_length=16, choices=ItemKind.choices, default=ItemKind.TARGET)
    learning_area = models.CharField(
        max_length=16, choices=LearningArea.choices, default=LearningArea.ACADEMIC
    )
    item_type = models.CharField(max_length=200, blank=True, help_text="CASE CFItemType")
    human_coding_scheme = models.CharField(max_length=200, blank=True)
    list_enumeration = models.CharField(max_length=50, blank=True)
    full_statement = models.TextField()
    abbreviated_statement = models.TextField(blank=True)
    learner_statement = models.TextField(
        blank=True, help_text="The learner-facing “I can” statement"
    )
    position = models.PositiveIntegerField(default=0, help_text="Order among siblings")
    raw = models.JSONField(default=dict, help_text="The CFItem as imported")
    retired_at = models.DateTimeField(
        null=True, blank=True, help_text="Retired: kept with its evidence, offered for no new work"
    )
    history = HistoricalRecords()

    objects = FrameworkItemQuerySet.as_manager()

    class Meta:
        ordering = ["version", "position", "human_coding_scheme", "id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "identifier"], name="unique_item_identifier")
        ]
        indexes = [models.Index(fields=["version", "kind"])]

    def __str__(self) -> str:
        code = f"{self.human_coding_scheme} " if self.human_coding_scheme else ""
        return f"{code}{self.abbreviated_statement or self.full_statement[:80]}"


def _band_field(what: str) -> models.FloatField:
    return models.FloatField(
        null=True, blank=True, help_text=f"{what}; blank: derived from the levels and the cut"
    )


class ProficiencyScale(models.Model):
    """Ordered levels (e.g. 1 Beginning … 4 Advanced) with a proficiency cut.

    Statuses follow the scale: the bands for single pieces of evidence and for estimates
    are derived from its levels and cut (``continuum.mastery.scale_bands``), and the
    district may set any of them by hand (a percentage scale marked in single points, say).
    """

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="scales")
    title = models.CharField(max_length=200)
    proficiency_cut = models.FloatField(
        help_text="The lowest level value that counts as proficient"
    )
    evidence_approaching = _band_field("The lowest score that reads as approaching")
    evidence_advanced = _band_field("The lowest score that reads as advanced")
    estimate_approaching = _band_field("The lowest estimate that reads as approaching")
    estimate_advanced = _band_field("The lowest estimate that reads as advanced")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{field}__isnull": True})
                    | Q(**{f"{field}__lte": F("proficiency_cut")}),
                    name=f"scale_{field}_at_most_the_cut",
                )
                for field in ("evidence_approaching", "estimate_approaching")
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{field}__isnull": True})
                    | Q(**{f"{field}__gt": F("proficiency_cut")}),
                    name=f"scale_{field}_above_the_cut",
                )
                for field in ("evidence_advanced", "estimate_advanced")
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def bands(self) -> ScaleBands:
        """The evidence and estimate bands in force: derived, then the district's own."""
        derived = scale_bands([level.value for level in self.levels.all()], self.proficiency_cut)

        def own(bands: Bands, approaching: float | None, advanced: float | None) -> Bands:
            return replace(
                bands,
                approaching=bands.approaching if approaching is None else approaching,
                advanced=bands.advanced if advanced is None else advanced,
            )

        return ScaleBands(
            evidence=own(derived.evidence, self.evidence_approaching, self.evidence_advanced),
            estimate=own(derived.estimate, self.estimate_approaching, self.estimate_advanced),
        )


class ProficiencyLevel(models.Model):
    scale = models.ForeignKey(ProficiencyScale, on_delete=models.CASCADE, related_name="levels")
    value = models.FloatField()
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["scale", "value"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "value"], name="unique_level_value")
        ]

    def __str__(self) -> str:
        return f"{self.value:g} {self.name}"


class LevelDescriptor(models.Model):
    """What one level looks like for one target (a CASE CFRubricCriterionLevel)."""

    item = models.ForeignKey(FrameworkItem, on_delete=models.CASCADE, related_name="descriptors")
    level = models.ForeignKey(
        ProficiencyLevel, on_delete=models.CASCADE, related_name="descriptors"
    )
    description = models.TextField()
    identifier = models.CharField(max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "level__value"]
        constraints = [models.UniqueConstraint(fields=["item", "level"], name="unique_descriptor")]

    def __str__(self) -> str:
        return f"{self.item.human_coding_scheme} @ {self.level}"


class AssociationType(models.TextChoices):
    IS_CHILD_OF = "isChildOf"
    PRECEDES = "precedes"
    EXACT_MATCH_OF = "exactMatchOf"
    IS_RELATED_TO = "isRelatedTo"
    IS_PART_OF = "isPartOf"
    IS_PEER_OF = "isPeerOf"
    EXEMPLAR = "exemplar"
    HAS_SKILL_LEVEL = "hasSkillLevel"
    IS_TRANSLATION_OF = "isTranslationOf"
    REPLACED_BY = "replacedBy"


class Association(models.Model):
    """A CASE CFAssociation. ``precedes`` edges form the prerequisite graph; the origin
    precedes (is a prerequisite of) the destination. Either end may lie outside the
    version (a crosswalk to another framework), so ends are kept as identifiers too."""

    version = models.ForeignKey(
        FrameworkVersion, on_delete=models.CASCADE, related_name="associations"
    )
    identifier = models.CharField(max_length=255)
    association_type = models.CharField(max_length=40)
    origin_identifier = models.CharField(max_length=255)
    origin = models.ForeignKey(
        FrameworkItem, null=True, blank=True, on_delete=models.CASCADE, related_name="outgoing"
    )
    destination_identifier = models.CharField(max_length=255)
    destination = models.ForeignKey(
        FrameworkItem, null=True, blank=True, on_delete=models.CASCADE, related_name="incoming"
    )
    raw = models.JSONField(default=dict, help_text="The CFAssociation as imported")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["version", "identifier"], name="unique_association_identifier"
            )
        ]
        indexes = [models.Index(fields=["version", "association_type"])]

    def __str__(self) -> str:
        return f"{self.origin_identifier} {self.association_type} {self.destination_identifier}"


class ChangeAction(models.TextChoices):
    CREATED = "created", _("Added")
    EDITED = "edited", _("Edited")
    MOVED = "moved", _("Moved")
    REORDERED = "reordered", _("Reordered")
    RETIRED = "retired", _("Retired")
    RESTORED = "restored", _("Restored")
    DESCRIPTORS = "descriptors", _("Level descriptors changed")
    PREREQUISITES = "prerequisites", _("Prerequisites changed")


class FrameworkChange(models.Model):
    """One change made to a version in Continuum rather than by an import (decision 0003).

    An import makes a new version; an edit changes the current version in place, so that
    evidence and plans on its items stay where they are, and is listed here: the version's
    change set, shown beside its versions on the framework's history. The items' own
    history keeps the before and after of each field.
    """

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="changes")
    item = models.ForeignKey(
        FrameworkItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )
    action = models.CharField(max_length=16, choices=ChangeAction.choices)
    summary = models.CharField(max_length=500)
    reason = models.CharField(max_length=100)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.summary}"


class CaseImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    PREVIEWING = "previewing", _("Comparing with the framework")
    PREVIEWED = "previewed", _("Waiting for your confirmation")
    RUNNING = "running", _("Importing")
    SUCCEEDED = "succeeded", _("Imported")
    FAILED = "failed", _("Refused")


class CaseImport(models.Model):
    """One CASE import asked for in the web UI, run as a background task.

    The page polls this row, so progress is shown the same way whatever the task backend.
    The uploaded JSON waits in ``payload`` and is cleared once the import has run.
    """

    source = models.CharField(max_length=1000, help_text="File name or URL")
    payload = models.TextField(blank=True, help_text="Uploaded JSON, kept until it has run")
    keep_first = models.BooleanField(
        default=False, help_text="Accept repeated identifiers; the first occurrence wins"
    )
    status = models.CharField(
        max_length=16, choices=CaseImportStatus.choices, default=CaseImportStatus.QUEUED
    )
    packages = models.JSONField(default=list, help_text="One summary per imported package")
    preview = models.JSONField(
        default=list, blank=True, help_text="What the import adds, changes and removes, per package"
    )
    baseline = models.JSONField(
        default=dict,
        blank=True,
        help_text="Each framework's state when the preview was made: the import refuses to "
        "run if it changed since",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    organization = models.ForeignKey(
        "people.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_imports",
        help_text="The district that asked for it: only its admins see it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in {CaseImportStatus.SUCCEEDED, CaseImportStatus.FAILED}

    @property
    def is_waiting(self) -> bool:
        """The page polls while the background worker has something to do."""
        return not self.is_finished and self.status != CaseImportStatus.PREVIEWED


class TranslatedField(models.TextChoices):
    FULL_STATEMENT = "full_statement", _("Full statement")
    ABBREVIATED_STATEMENT = "abbreviated_statement", _("Short statement")
    LEARNER_STATEMENT = "learner_statement", _("“I can” statement")
    DESCRIPTOR = "descriptor", _("Level descriptor")


class FrameworkTextTranslation(models.Model):
    """One framework text in another language, keyed to the CASE identifier of the item it
    translates (and, for a level descriptor, the level's value), so it holds for every
    version of the framework that keeps the identifier. Filled by a CASE import of a
    translated framework (``isTranslationOf``) or entered by the school on the item's edit
    page (``source``)."""

    class Source(models.TextChoices):
        CASE = "case", _("CASE import")
        SCHOOL = "school", _("Entered by the school")

    identifier = models.CharField(max_length=255, help_text="The translated CFItem's identifier")
    field = models.CharField(max_length=32, choices=TranslatedField.choices)
    level = models.FloatField(null=True, blank=True, help_text="A descriptor's level value")
    language = models.CharField(max_length=20)
    text = models.TextField()
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.SCHOOL)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["identifier", "field", "language"],
                condition=Q(level__isnull=True),
                name="one_translation_per_statement",
            ),
            models.UniqueConstraint(
                fields=["identifier", "field", "level", "language"],
                condition=Q(level__isnull=False),
                name="one_translation_per_descriptor",
            ),
        ]
        indexes = [models.Index(fields=["language", "identifier"])]

    def __str__(self) -> str:
        return f"{self.identifier} {self.field} [{self.language}]"
