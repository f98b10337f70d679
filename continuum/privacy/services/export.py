"""Exports of personal data: one learner as a zip, a whole district as a folder."""

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from continuum.people.models import Organization, Role, User
from continuum.privacy.models import Via
from continuum.privacy.services.collect import Found, collect, files_of, sign_in_records
from continuum.privacy.services.disclosures import disclosure_record

# Secrets are not personal data to hand over: password hashes and token digests.
_SECRET_FIELDS = {"password", "digest"}


def _rows(found: Found) -> Iterator[tuple[str, list[dict]]]:
    """Each model's label and its rows as plain dicts, models and rows in a stable order."""
    for model in sorted(found, key=lambda m: m._meta.label):
        rows = [found[model][pk] for pk in sorted(found[model], key=str)]
        data = serializers.serialize("python", rows)
        for row in data:
            for name in _SECRET_FIELDS & set(row["fields"]):
                del row["fields"][name]
        yield model._meta.label, data


def _dumps(payload: object) -> str:
    return json.dumps(payload, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def _write_files(found: Found, archive: zipfile.ZipFile, prefix: str = "files/") -> int:
    written = 0
    for storage, name in files_of(found):
        if storage.exists(name):
            with storage.open(name, "rb") as source:
                archive.writestr(prefix + name, source.read())
            written += 1
    return written


def learner_get_by_username(username: str) -> User:
    """The learner with this username, or ``User.DoesNotExist`` saying so plainly."""
    learner = User.objects.filter(username=username, role=Role.LEARNER).first()
    if learner is None:
        raise User.DoesNotExist(f"No learner with username {username!r}.")
    return learner


def learner_export(*, learner: User, actor: User | None, reason: str, out: IO[bytes]) -> dict:
    """Write everything about ``learner`` to ``out`` as a zip (data.json plus files/), and
    record the export as a disclosure with its reason. Returns a summary of what went in."""
    found = collect([learner], {learner.pk})
    for rows in sign_in_records(learner.username):
        for obj in rows:
            found[type(obj)][obj.pk] = obj
    summary = {label: len(rows) for label, rows in _rows(found)}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json",
            _dumps(
                {
                    "learner": learner.username,
                    "exported_at": timezone.now(),
                    "exported_by": actor.username if actor else None,
                    "reason": reason,
                    "models": dict(_rows(found)),
                }
            ),
        )
        files = _write_files(found, archive)
    disclosure_record(
        actor=actor,
        learner_ids=[learner.pk],
        via=Via.EXPORT,
        what="export_learner",
        record="everything",
        reason=reason,
    )
    return {"models": summary, "files": files}


def _district_seeds(district: Organization) -> tuple[list[models.Model], set[int]]:
    organizations = [district, *Organization.objects.filter(parent=district)]
    people = list(User.objects.filter(organization__in=organizations))
    return [*organizations, *people], {person.pk for person in people}


def district_export(*, district: Organization, out_dir: Path) -> dict[str, int]:
    """Write everything of the district's schools and people into ``out_dir``: one JSON
    file per model (``<app>.<Model>.json``) and the stored files under ``files/``."""
    seeds, person_ids = _district_seeds(district)
    found = collect(seeds, person_ids, follow_protected=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for label, rows in _rows(found):
        (out_dir / f"{label}.json").write_text(_dumps(rows), encoding="utf-8")
        counts[label] = len(rows)
    for storage, name in files_of(found):
        if storage.exists(name):
            target = out_dir / "files" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(name, "rb") as source:
                target.write_bytes(source.read())
    return counts
