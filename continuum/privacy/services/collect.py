"""Finding every row about a person (or a district) generically, so apps added later are
covered without code here.

Three sources, unioned:
1. Django's deletion collector (``NestedObjects``) from the seed rows: everything that
   cascades from them (evidence, goals and their comments, plans and their steps, …), and
   the rows that PROTECT a reference to them;
2. every row of every model with a foreign key to a seed person (``SET_NULL``, ``PROTECT``
   or ``DO_NOTHING`` references the collector does not follow, e.g. evidence they scored);
3. the django-simple-history rows of everything found, and historical rows naming them.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.apps import apps
from django.conf import settings
from django.contrib.admin.utils import NestedObjects
from django.core.files.storage import Storage
from django.db import models
from django.db.models import Q
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_model_for_model

Found = dict[type[models.Model], dict[object, models.Model]]


def user_fk_fields(model: type[models.Model]) -> list[models.ForeignKey]:
    """The model's concrete foreign keys to the user model (historical ones included)."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model is user_model
    ]


def history_model(model: type[models.Model]) -> type[models.Model] | None:
    try:
        return get_history_model_for_model(model)
    except NotHistoricalModelError:
        return None


def cascade(seeds: Iterable[models.Model]) -> tuple[Found, set[models.Model]]:
    """What deleting ``seeds`` would delete, and the rows that PROTECT a reference to them."""
    collector = NestedObjects(using="default")
    by_model: dict[type[models.Model], list[models.Model]] = defaultdict(list)
    for seed in seeds:
        by_model[type(seed)].append(seed)
    for group in by_model.values():  # the collector takes one model at a time
        collector.collect(group)
    found: Found = defaultdict(dict)
    for instances in collector.model_objs.values():
        for obj in instances:
            found[type(obj)][obj.pk] = obj
    return found, set(collector.protected)


def _referencing(person_ids: set[int]) -> Iterator[models.Model]:
    for model in apps.get_models():
        fields = user_fk_fields(model)
        if not fields:
            continue
        query = Q()
        for field in fields:
            query |= Q(**{f"{field.attname}__in": person_ids})
        yield from model._default_manager.filter(query)


def _histories(found: Found) -> Iterator[models.Model]:
    for model, rows in list(found.items()):
        historical = history_model(model)
        if historical is not None:
            pk_name = model._meta.pk.attname
            yield from historical._default_manager.filter(**{f"{pk_name}__in": list(rows)})


def collect(
    seeds: Iterable[models.Model], person_ids: set[int], *, follow_protected: bool = False
) -> Found:
    """Every row about the seeds: their cascade, rows naming the people, and all history.
    Rows that PROTECT a reference to a seed are included; with ``follow_protected`` their
    own cascades too (a district's schools, sections and assessments)."""
    found: Found = defaultdict(dict)
    frontier = list(seeds)
    while frontier:
        cascaded, protected = cascade(frontier)
        for model, rows in cascaded.items():
            found[model].update(rows)
        fresh = [obj for obj in protected if obj.pk not in found[type(obj)]]
        if not follow_protected:
            for obj in fresh:
                found[type(obj)][obj.pk] = obj
            fresh = []
        frontier = fresh
    for obj in _referencing(person_ids):
        found[type(obj)].setdefault(obj.pk, obj)
    for obj in list(_histories(found)):
        found[type(obj)][obj.pk] = obj
    return found


def files_of(found: Found) -> list[tuple[Storage, str]]:
    """(storage, name) of every stored file the rows point to."""
    files = []
    for model, rows in found.items():
        file_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for obj in rows.values():
            for field in file_fields:
                value = getattr(obj, field.attname)
                if value:
                    files.append((field.storage, str(value)))
    return files


def _about_learner(url: str, learner_pk: int) -> bool:
    """Whether a path inside Continuum is a page about this learner."""
    from django.urls import Resolver404, resolve

    from continuum.privacy.registry import LEARNER_OBJECT_PAGES

    try:
        match = resolve(url.split("?")[0])
    except Resolver404:
        return False
    if "learner_id" in match.kwargs:
        return int(match.kwargs["learner_id"]) == learner_pk
    page = LEARNER_OBJECT_PAGES.get(match.url_name or "")
    if page is None or page.kwarg not in match.kwargs:
        return False
    return (
        apps.get_model(page.model)
        ._default_manager.filter(
            pk=match.kwargs[page.kwarg], **{f"{page.learner_lookup}_id": learner_pk}
        )
        .exists()
    )


def sign_in_records(username: str) -> list[models.QuerySet]:
    """Rows that name a person by username rather than by key (django-axes keeps sign-in
    attempts this way), in every model other than the user model and its history."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    skipped = {user_model, history_model(user_model)}
    return [
        model._default_manager.filter(username=username)
        for model in apps.get_models()
        if model not in skipped
        and "username" in {field.name for field in model._meta.concrete_fields}
    ]


def notifications_about(learner_pk: int) -> models.QuerySet:
    """Other people's notifications that link to the learner's pages (a guardian's "new
    feedback for Lena"): they name the learner in their text."""
    notification = apps.get_model("notifications", "Notification")
    candidates = notification._default_manager.exclude(recipient_id=learner_pk).filter(
        url__contains=f"/{learner_pk}/"
    )
    ids = [row.pk for row in candidates if _about_learner(row.url, learner_pk)]
    return notification._default_manager.filter(pk__in=ids)


def traces(learner_pk: int, username: str) -> list[models.QuerySet]:
    """Rows that name the learner without a foreign key to them."""
    return [*sign_in_records(username), notifications_about(learner_pk)]
