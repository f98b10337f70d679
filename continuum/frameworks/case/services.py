"""Import CASE packages: the one place that writes frameworks from CASE JSON.

``case_package_import`` checks every package first and then writes them all in one
transaction, so a bad package changes nothing. Re-importing the package a framework's
latest version came from changes nothing ("unchanged"); any other content adds a new
version, leaving older versions (and whatever references their items) intact.

Districts are tenants (decision 0009): a new framework belongs to the importer's district,
and only that district may import new versions of it. Only the command line run without
``--user`` (or a superuser) writes platform-wide frameworks.
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from continuum.frameworks.case.canonical import content_hash
from continuum.frameworks.case.classify import PlannedItem, learner_statement, planned_items
from continuum.frameworks.case.parse import parse_packages, read_source
from continuum.frameworks.case.preview import (
    not_owned,
    package_preview,
    state_digest,
    without_repeats,
)
from continuum.frameworks.case.rubrics import planned_scales
from continuum.frameworks.case.tasks import case_import_task
from continuum.frameworks.case.validate import CaseError, Problem, check_packages
from continuum.frameworks.models import (
    Association,
    CaseImport,
    CaseImportStatus,
    Framework,
    FrameworkItem,
    FrameworkVersion,
    LevelDescriptor,
    ProficiencyLevel,
    ProficiencyScale,
)
from continuum.frameworks.translations import case_translations_save

# The parts of a CFPackage stored in their own columns and tables; the rest is kept whole.
PARTS = ("CFDocument", "CFItems", "CFAssociations", "CFDefinitions", "CFRubrics")
_BATCH = 500
_SHOWN_PROBLEMS = 20


@dataclass(frozen=True)
class ImportedPackage:
    identifier: str
    title: str
    status: Literal["created", "updated", "unchanged"]
    version: int
    items: int
    associations: int
    repeats: int

    def __str__(self) -> str:
        repeats = f" ({self.repeats} repeated entries kept for export)" if self.repeats else ""
        return (
            f"{self.status}: {self.title} ({self.identifier}) v{self.version}, "
            f"{self.items} items, {self.associations} associations{repeats}"
        )


@dataclass(frozen=True)
class ImportResult:
    packages: list[ImportedPackage]

    def __str__(self) -> str:
        return "\n".join(map(str, self.packages))


def case_package_import(
    *,
    package: Any,
    source: str,
    user=None,
    keep_first: bool = False,
    district_id: int | None = None,
    expected: Mapping[str, str] | None = None,
) -> ImportResult:
    """Import one CFPackage (a dict) or several (a list); raise ``CaseError`` on any problem.

    ``keep_first`` accepts identifiers repeated with different content (the first wins).
    The frameworks belong to ``district_id``, by default the user's district. ``expected``
    (a preview's baseline: framework identifier → ``state_digest``) refuses the import if
    any framework changed since the preview was shown.
    """
    packages, in_array = (package, True) if isinstance(package, list) else ([package], False)
    if not packages:
        raise CaseError([Problem("", "an empty array holds no packages")])
    check_packages(packages, in_array=in_array, keep_first=keep_first)
    owner = _owner(user, district_id)
    with transaction.atomic():
        if expected is not None:
            _unchanged_since_preview(packages, expected)
        return ImportResult(
            [_package_import(p, source=source, user=user, owner=owner) for p in packages]
        )


def _owner(user, district_id: int | None) -> "_Owner":
    if district_id is None and user is not None:
        district_id = user.organization.district_pk if user.organization else None
    return _Owner(district_id, operator=user.is_superuser if user else district_id is None)


def _unchanged_since_preview(packages: list[dict], expected: Mapping[str, str]) -> None:
    """Lock each framework (authoring edits take the same lock) and compare its state with
    the preview's."""
    for package in packages:
        identifier = package["CFDocument"]["identifier"]
        framework = Framework.objects.select_for_update().filter(identifier=identifier).first()
        if state_digest(framework) != expected.get(identifier, ""):
            raise CaseError(
                [
                    Problem(
                        "CFDocument.identifier",
                        f"{package['CFDocument']['title']} changed after the preview was made "
                        "(an edit or another import); preview the package again",
                    )
                ]
            )


def case_source_import(
    *,
    source: str,
    data: bytes | None = None,
    user=None,
    allow_files: bool = True,
    keep_first: bool = False,
    district_id: int | None = None,
    expected: Mapping[str, str] | None = None,
) -> ImportResult:
    """Import the packages in ``data``, or read from ``source`` (a URL or, if allowed, a path)."""
    if data is None:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        data = read_source(source, limit=limit, allow_files=allow_files)
    packages, in_array = parse_packages(data)
    return case_package_import(
        package=packages if in_array else packages[0],
        source=source,
        user=user,
        keep_first=keep_first,
        district_id=district_id,
        expected=expected,
    )


def case_import_request(
    *, source: str, payload: str = "", keep_first: bool = False, user=None
) -> CaseImport:
    """Record an import asked for in the web UI and queue its preview as a background task;
    the import itself runs once the admin confirms the preview (``case_import_confirm``)."""
    case_import = CaseImport.objects.create(
        source=source[:1000],
        payload=payload,
        keep_first=keep_first,
        created_by=user,
        organization_id=(user.organization.district_pk if user.organization else None)
        if user
        else None,
    )
    case_import_task.enqueue(import_id=case_import.pk)
    return case_import


def case_import_confirm(*, case_import: CaseImport, user) -> CaseImport:
    """Run the import whose preview the admin has read: exactly the package previewed."""
    if not user.has_perm("frameworks.import_framework"):
        raise PermissionDenied("Only district admins import frameworks.")
    updated = CaseImport.objects.filter(
        pk=case_import.pk, status=CaseImportStatus.PREVIEWED, confirmed_at__isnull=True
    ).update(status=CaseImportStatus.QUEUED, confirmed_at=timezone.now())
    if not updated:
        raise ValidationError("This import is not waiting for confirmation.")
    case_import_task.enqueue(import_id=case_import.pk)
    return CaseImport.objects.get(pk=case_import.pk)


def case_import_run(*, import_id: int) -> CaseImport:
    """Run a web import's next stage: its preview, or (once confirmed) the import itself.
    Web imports read URLs only, never the server's files."""
    case_import = CaseImport.objects.get(pk=import_id)
    previewing = case_import.confirmed_at is None
    case_import.status = CaseImportStatus.PREVIEWING if previewing else CaseImportStatus.RUNNING
    case_import.started_at = timezone.now()
    case_import.save(update_fields=["status", "started_at"])
    try:
        if previewing:
            _preview(case_import)
        else:
            result = case_source_import(
                source=case_import.source,
                data=case_import.payload.encode() if case_import.payload else None,
                user=case_import.created_by,
                allow_files=False,
                keep_first=case_import.keep_first,
                district_id=case_import.organization_id,
                expected=case_import.baseline,
            )
            case_import.status = CaseImportStatus.SUCCEEDED
            case_import.packages = [asdict(package) for package in result.packages]
    except CaseError as error:
        case_import.status = CaseImportStatus.FAILED
        case_import.error = "\n".join(map(str, error.problems[:_SHOWN_PROBLEMS]))
    except Exception:
        case_import.status = CaseImportStatus.FAILED
        case_import.error = "The import stopped on an unexpected error; nothing was changed."
        raise
    finally:
        if case_import.status != CaseImportStatus.PREVIEWED:
            case_import.payload, case_import.finished_at = "", timezone.now()
        case_import.save()
    return case_import


def _preview(case_import: CaseImport) -> None:
    """Read the package once (a URL is fetched now and kept, so the import applies what was
    previewed), check it, and compare each package with its framework."""
    data = case_import.payload.encode() if case_import.payload else None
    if data is None:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        data = read_source(case_import.source, limit=limit, allow_files=False)
    packages, in_array = parse_packages(data)
    check_packages(packages, in_array=in_array, keep_first=case_import.keep_first)
    owner = _owner(case_import.created_by, case_import.organization_id)
    previews = [package_preview(p, may_update=owner.may_update) for p in packages]
    case_import.payload = data.decode("utf-8-sig")
    case_import.preview = [preview.as_json() for preview, _digest in previews]
    case_import.baseline = {preview.identifier: digest for preview, digest in previews}
    case_import.status = CaseImportStatus.PREVIEWED


def _district_of(user) -> int | None:
    """The district a user's imports belong to (none for a command run without a user)."""
    return user.organization.district_pk if user and user.organization else None


@dataclass(frozen=True)
class _Owner:
    """Who an import writes for: a district, or the operator (platform-wide, and any
    framework)."""

    district_id: int | None
    operator: bool

    def may_update(self, framework: Framework) -> bool:
        if self.operator:
            return True
        return self.district_id is not None and framework.organization_id == self.district_id


def _package_import(package: dict, *, source: str, user, owner: _Owner) -> ImportedPackage:
    document = package["CFDocument"]
    digest = content_hash(package)
    framework, created = Framework.objects.get_or_create(
        identifier=document["identifier"],
        defaults={"title": document["title"], "organization_id": owner.district_id},
    )
    if not created and not owner.may_update(framework):
        raise CaseError([not_owned(document["identifier"])])
    latest = None if created else framework.current
    if latest is not None and latest.content_hash == digest:
        return _report(latest, "unchanged")
    unique, repeats = without_repeats(package)
    if framework.title != document["title"]:
        framework.title = document["title"]
        framework.save(update_fields=["title"])
    version = FrameworkVersion.objects.create(
        framework=framework,
        number=latest.number + 1 if latest else 1,
        case_version=document.get("caseVersion", "1.0"),
        uri=document["uri"],
        title=document["title"],
        creator=document["creator"],
        publisher=document.get("publisher", ""),
        version=document.get("version", ""),
        adoption_status=document.get("adoptionStatus", ""),
        language=document.get("language", ""),
        license_uri=document.get("licenseURI", {}).get("uri", ""),
        description=document.get("description", ""),
        source=source[:1000],
        content_hash=digest,
        raw_document=document,
        raw_definitions=package.get("CFDefinitions", {}),
        raw_rubrics=package.get("CFRubrics", []),
        raw_package={key: None if key in PARTS else value for key, value in package.items()},
        raw_repeats=repeats,
        created_by=user,
    )
    items = _items_create(version, planned_items(package | unique), _retired(latest))
    _associations_create(version, unique["CFAssociations"], items)
    _scales_create(version, package.get("CFRubrics", []), items)
    case_translations_save(version=version)  # when it isTranslationOf another framework
    return _report(version, "created" if created else "updated")


def _report(version: FrameworkVersion, status) -> ImportedPackage:
    return ImportedPackage(
        identifier=version.framework.identifier,
        title=version.title,
        status=status,
        version=version.number,
        items=version.items.count(),
        associations=version.associations.count(),
        repeats=len(version.raw_repeats),
    )


def _retired(latest: FrameworkVersion | None) -> dict[str, Any]:
    """When each item retired in the latest version was retired: the district's decision,
    kept for the same identifier in the new version (as translations are)."""
    if latest is None:
        return {}
    retired = latest.items.filter(retired_at__isnull=False)
    return dict(retired.values_list("identifier", "retired_at"))


def _items_create(
    version: FrameworkVersion, plan: list[PlannedItem], retired: Mapping[str, Any]
) -> dict[str, FrameworkItem]:
    """Insert items in file order (so export can keep it), then link parents in bulk."""
    items = {
        planned.identifier: FrameworkItem(
            version=version,
            identifier=planned.identifier,
            uri=planned.raw["uri"],
            kind=planned.kind,
            learning_area=planned.learning_area,
            item_type=planned.raw.get("CFItemType", ""),
            human_coding_scheme=planned.raw.get("humanCodingScheme", ""),
            list_enumeration=planned.raw.get("listEnumeration", ""),
            full_statement=planned.raw["fullStatement"],
            abbreviated_statement=planned.raw.get("abbreviatedStatement", ""),
            learner_statement=learner_statement(planned.raw),
            position=planned.position,
            raw=planned.raw,
            retired_at=retired.get(planned.identifier),
        )
        for planned in plan
    }
    FrameworkItem.objects.bulk_create(items.values(), batch_size=_BATCH)
    children = []
    for planned in plan:
        if planned.parent is not None:
            items[planned.identifier].parent = items[planned.parent]
            children.append(items[planned.identifier])
    FrameworkItem.objects.bulk_update(children, ["parent"], batch_size=_BATCH)
    return items


def _associations_create(
    version: FrameworkVersion, associations: list[dict], items: dict[str, FrameworkItem]
) -> None:
    Association.objects.bulk_create(
        [
            Association(
                version=version,
                identifier=raw["identifier"],
                association_type=raw["associationType"],
                origin_identifier=(origin := raw["originNodeURI"]["identifier"]),
                origin=items.get(origin),
                destination_identifier=(destination := raw["destinationNodeURI"]["identifier"]),
                destination=items.get(destination),
                raw=raw,
            )
            for raw in associations
        ],
        batch_size=_BATCH,
    )


def _scales_create(
    version: FrameworkVersion, rubrics: list[dict], items: dict[str, FrameworkItem]
) -> None:
    for planned in planned_scales(rubrics, items.keys()):
        scale = ProficiencyScale.objects.create(
            version=version, title=planned.title, proficiency_cut=planned.proficiency_cut
        )
        levels = {
            value: ProficiencyLevel(scale=scale, value=value, name=name)
            for value, name in sorted(planned.levels.items())
        }
        ProficiencyLevel.objects.bulk_create(levels.values())
        LevelDescriptor.objects.bulk_create(
            [
                LevelDescriptor(
                    item=items[descriptor.item],
                    level=levels[descriptor.value],
                    description=descriptor.description,
                    identifier=descriptor.identifier,
                )
                for descriptor in planned.descriptors
            ],
            batch_size=_BATCH,
        )
