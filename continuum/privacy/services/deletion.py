"""Deleting a learner verifiably: their rows, their history, their files, then a check.

What goes: everything that cascades from the learner's user row (evidence, estimates,
goals with every comment and check-in on them, plans, flags, notifications, links, …),
every historical row of those objects and of the learner's own user row, and the stored
files. What stays: rows of other people that merely pointed at the learner have that
pointer cleared (``SET_NULL``: e.g. disclosures about them, kept de-identified).
A reference the learner holds outside their own record that the database PROTECTs
(say a comment on someone else's goal) stops the deletion with a message naming it,
before anything is changed.
"""

from collections import Counter

from django.apps import apps
from django.core.files.storage import Storage
from django.db import models, transaction

from continuum.people.models import Role, User
from continuum.privacy.models import LearnerDeletion
from continuum.privacy.services.collect import (
    cascade,
    files_of,
    history_model,
    traces,
    user_fk_fields,
)


class LearnerDeletionBlockedError(Exception):
    """The learner is referenced where deleting would destroy someone else's record."""


def _label(obj: models.Model) -> str:
    return obj._meta.label


def learner_references(learner_pk: int, username: str) -> dict[str, int]:
    """Rows in any table that still reference the learner: every foreign key to a user
    (historical ones too), the historical rows of the user itself, and the traces that
    name them by username or link to their pages. Empty when clean."""
    remaining: Counter[str] = Counter()
    for rows in traces(learner_pk, username):
        count = rows.count()
        if count:
            remaining[rows.model._meta.label] += count
    for model in apps.get_models():
        for field in user_fk_fields(model):
            count = model._default_manager.filter(**{field.attname: learner_pk}).count()
            if count:
                remaining[f"{model._meta.label}.{field.name}"] += count
    historical_user = history_model(User)
    if historical_user is not None:
        count = historical_user._default_manager.filter(id=learner_pk).count()
        if count:
            remaining[historical_user._meta.label] += count
    return dict(remaining)


def _delete_histories(cascaded, learner_pk: int, counts: Counter) -> None:
    """History of the learner's objects goes; history of others' objects that names the
    learner (as the one who made a change, or in a field) keeps the row but loses the name."""
    for model, rows in cascaded.items():
        historical = history_model(model)
        if historical is not None:
            pk_name = model._meta.pk.attname
            deleted, _ = historical._default_manager.filter(
                **{f"{pk_name}__in": list(rows)}
            ).delete()
            if deleted:
                counts[historical._meta.label] += deleted
    for model in apps.get_models():
        if not hasattr(model, "instance_type"):  # simple_history's historical models
            continue
        for field in user_fk_fields(model):
            model._default_manager.filter(**{field.attname: learner_pk}).update(
                **{field.attname: None}
            )


def _remove_files(files: list[tuple[Storage, str]]) -> tuple[int, list[str]]:
    removed, left = 0, []
    for storage, name in files:
        if storage.exists(name):
            storage.delete(name)
            removed += 1
        if storage.exists(name):
            left.append(name)
    return removed, left


def learner_delete(*, learner: User, actor: User | None, reason: str) -> LearnerDeletion:
    """Delete the learner and everything that is theirs, record who, when, why and how
    many rows of each model, then re-query every table: ``remaining`` must be empty."""
    if learner.role != Role.LEARNER:
        raise LearnerDeletionBlockedError(f"{learner.username} is not a learner.")
    if not reason.strip():
        raise LearnerDeletionBlockedError("Give a reason for the deletion.")
    learner_pk, username = learner.pk, learner.username
    district = learner.organization.district if learner.organization else None
    with transaction.atomic():
        cascaded, protected = cascade([learner])
        outside = sorted(
            f"{_label(obj)} #{obj.pk}" for obj in protected if obj.pk not in cascaded[type(obj)]
        )
        if outside:
            raise LearnerDeletionBlockedError(
                "The learner is named in records that are not theirs: " + ", ".join(outside)
            )
        files = files_of(cascaded)
        counts: Counter[str] = Counter()
        for rows in traces(learner_pk, username):
            _total, by_model = rows.delete()
            counts.update(by_model)
        # Rows that PROTECT the learner but are theirs (a comment they wrote on their own
        # goal) go first, so that the user row's cascade is not refused.
        for obj in protected:
            if type(obj)._default_manager.filter(pk=obj.pk).exists():
                _total, by_model = type(obj)._default_manager.filter(pk=obj.pk).delete()
                counts.update(by_model)
        _total, by_model = learner.delete()
        counts.update(by_model)
        # Last: deleting wrote a final history row for every deleted object.
        _delete_histories(cascaded, learner_pk, counts)
        deletion = LearnerDeletion.objects.create(
            actor=actor,
            district=district,
            reason=reason,
            counts={label: n for label, n in sorted(counts.items()) if n},
        )
    removed, left = _remove_files(files)
    remaining = learner_references(learner_pk, username)
    remaining.update({f"file {name}": 1 for name in left})
    deletion.files_removed = removed
    deletion.remaining = remaining
    deletion.save(update_fields=["files_removed", "remaining"])
    return deletion
