"""Portfolio: learners upload work linked to targets; their educator accepts it as evidence
(at a level on each target's scale) or returns it with a note.

Uploads are checked twice: the extension must be on the allow-list and the file's leading
bytes must be what that extension promises, so a renamed file is refused. Files are kept
in private storage (outside the web root, under random names) and served only by a
permission-checked download view. A refused upload leaves nothing behind.
"""

import codecs
import uuid
from collections.abc import Iterable, Mapping
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from continuum.evidence.models import Artifact, EvidenceSource
from continuum.evidence.public import evidence_record
from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.learning.signals import artifact_reviewed
from continuum.people.models import User

# The allow-list: extension → the type its contents must sniff as.
ALLOWED_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".txt": "text/plain",
    ".mp4": "video/mp4",
}
_NAMES = {
    "application/pdf": "a PDF document",
    "image/png": "a PNG image",
    "image/jpeg": "a JPEG image",
    "text/plain": "plain text",
    "video/mp4": "an MP4 video",
}
_SNIFF_BYTES = 8192


def max_bytes() -> int:
    """The largest upload accepted (setting ``CONTINUUM_PORTFOLIO_MAX_BYTES``)."""
    return int(settings.CONTINUUM_PORTFOLIO_MAX_BYTES)


def sniffed_type(head: bytes) -> str | None:
    """The allowed type the leading bytes of a file show it to be, or None."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[4:8] == b"ftyp":
        return "video/mp4"
    if head and b"\x00" not in head:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        except UnicodeDecodeError:
            return None
        return "text/plain"
    return None


def _human(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def upload_check(upload: UploadedFile) -> str:
    """The file's checked content type, or a ValidationError saying what is wrong."""
    name = upload.name or ""
    extension = PurePath(name).suffix.lower()
    if extension not in ALLOWED_TYPES:
        allowed = ", ".join(sorted({ext.lstrip(".") for ext in ALLOWED_TYPES}))
        raise ValidationError(
            f"“{name}” is not a type of file the portfolio accepts (allowed: {allowed})."
        )
    size = upload.size or 0
    if size == 0:
        raise ValidationError(f"“{name}” is empty.")
    if size > max_bytes():
        raise ValidationError(
            f"“{name}” is {_human(size)}; the portfolio accepts files up to {_human(max_bytes())}."
        )
    upload.seek(0)
    head = upload.read(_SNIFF_BYTES)
    upload.seek(0)
    expected = ALLOWED_TYPES[extension]
    if sniffed_type(head) != expected:
        raise ValidationError(
            f"“{name}” is named {extension} but its contents are not {_NAMES[expected]}; "
            "it may have been renamed. Save it again in its real format."
        )
    return expected


def _targets_check(targets: Iterable[FrameworkItem]) -> list[FrameworkItem]:
    targets = list(targets)
    if not targets:
        raise ValidationError("Choose at least one learning target this work shows.")
    for target in targets:
        if target.kind != ItemKind.TARGET:
            raise ValidationError(f"{target.human_coding_scheme} is not a learning target.")
    return targets


def artifact_upload(
    *,
    learner: User,
    by: User,
    upload: UploadedFile,
    title: str,
    targets: Iterable[FrameworkItem],
    reflection: str = "",
) -> Artifact:
    """Store a learner's work, linked to the targets it shows, for their educator to review."""
    if not by.has_perm("evidence.upload_artifact", learner):
        raise PermissionDenied("Only the learner may add work to their portfolio.")
    if not title.strip():
        raise ValidationError("Give the work a title.")
    targets = _targets_check(targets)
    content_type = upload_check(upload)
    extension = PurePath(upload.name or "").suffix.lower()
    artifact = Artifact(
        learner=learner,
        title=title.strip(),
        reflection=reflection.strip(),
        original_name=PurePath(upload.name or "").name[:255],
        content_type=content_type,
        size=upload.size or 0,
    )
    artifact.file.save(f"{uuid.uuid4().hex}{extension}", upload, save=False)
    try:
        with transaction.atomic():
            artifact.save()
            artifact.targets.set(targets)
    except BaseException:
        artifact.file.delete(save=False)
        raise
    return artifact


def _locked_submitted(artifact: Artifact, verb: str) -> Artifact:
    locked = Artifact.objects.select_for_update().get(pk=artifact.pk)
    if locked.status != Artifact.Status.SUBMITTED:
        raise ValidationError(
            f"This work is already {locked.get_status_display().lower()}; it cannot be {verb}."
        )
    return locked


def artifact_validate(
    *,
    artifact: Artifact,
    by: User,
    levels: Mapping[FrameworkItem, float],
    feedback: str = "",
) -> Artifact:
    """Accept the work as evidence: one piece of evidence (source "portfolio") on each
    target given a level, each level checked against that target's scale."""
    if not by.has_perm("evidence.validate_artifact", artifact.learner):
        raise PermissionDenied(
            f"{artifact.learner} is not in any of your sections; you cannot accept this work."
        )
    if not levels:
        raise ValidationError("Give a level on at least one of the work's targets.")
    linked = set(artifact.targets.values_list("pk", flat=True))
    for target in levels:
        if target.pk not in linked:
            raise ValidationError(f"This work is not linked to {target.human_coding_scheme}.")
    with transaction.atomic():
        locked = _locked_submitted(artifact, "accepted")
        for target, level in levels.items():
            evidence_record(
                learner=locked.learner,
                target=target,
                scorer=by,
                level=level,
                assessed_at=locked.uploaded_at,
                artifact=locked,
                feedback=feedback.strip(),
                source=EvidenceSource.PORTFOLIO,
                reason="Portfolio work accepted as evidence",
            )
        locked.status = Artifact.Status.VALIDATED
        locked.reviewed_by = by
        locked.review_note = feedback.strip()
        locked.save()
        artifact_reviewed.send(sender=Artifact, artifact=locked)
    return locked


def artifact_return(*, artifact: Artifact, by: User, note: str) -> Artifact:
    """Send the work back to the learner with a note on what it needs."""
    if not by.has_perm("evidence.validate_artifact", artifact.learner):
        raise PermissionDenied(
            f"{artifact.learner} is not in any of your sections; you cannot return this work."
        )
    if not note.strip():
        raise ValidationError("Say what the work needs; the note is shown to the learner.")
    with transaction.atomic():
        locked = _locked_submitted(artifact, "returned")
        locked.status = Artifact.Status.RETURNED
        locked.reviewed_by = by
        locked.review_note = note.strip()
        locked.save()
        artifact_reviewed.send(sender=Artifact, artifact=locked)
    return locked
