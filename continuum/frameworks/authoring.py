"""Authoring the continuum in Continuum: add, move, reorder, retire and restore
competencies and learning targets of a framework's current version.

Each change is one transaction that checks the editor may change the framework (its
district's admins, decision 0009), refuses bad input before writing anything, saves the
item with django-simple-history (who, when, why), keeps the CASE JSON in step (the
``isChildOf`` association that places the item, its ``sequenceNumber``, ``statusEndDate``
for a retired item) and records the change in the version's change set (``changes.py``).
Retiring keeps the item and all evidence on it; it only stops new work being set on it.
"""

import uuid
from collections.abc import Iterable
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from continuum.frameworks.changes import change_record
from continuum.frameworks.models import (
    Association,
    AssociationType,
    ChangeAction,
    Framework,
    FrameworkItem,
    ItemKind,
)
from continuum.frameworks.selectors import TREE_ORDER
from continuum.frameworks.services import (
    EXTENSION,
    _link,
    _now,
    _require_change,
    _save_with_history,
)
from continuum.people.models import User

# What each kind may sit under; domains come from imports.
PARENT_KINDS = {
    ItemKind.COMPETENCY: (ItemKind.DOMAIN, ItemKind.COMPETENCY),
    ItemKind.TARGET: (ItemKind.COMPETENCY,),
}
CASE_TYPES = {ItemKind.COMPETENCY: "Competency", ItemKind.TARGET: "Learning Target"}
REASON_LENGTH = 100
CODE_LENGTH = 200


def item_create(
    *,
    parent: FrameworkItem,
    kind: str,
    full_statement: str,
    editor: User,
    reason: str,
    human_coding_scheme: str = "",
    abbreviated_statement: str = "",
    learner_statement: str = "",
) -> FrameworkItem:
    """A new competency or learning target, last among ``parent``'s children."""
    _require_change(editor, parent)
    reason = _reason(reason)
    full_statement, code = full_statement.strip(), human_coding_scheme.strip()
    if kind not in PARENT_KINDS:
        raise ValidationError(_("Only competencies and learning targets are added here."))
    if not full_statement:
        raise ValidationError({"full_statement": _("Write the statement.")})
    with transaction.atomic():
        parent = _lock(parent)
        _check_parent(kind, parent)
        _check_code(parent, code)
        identifier = str(uuid.uuid4())
        item = FrameworkItem(
            version_id=parent.version_id,
            identifier=identifier,
            uri=f"urn:continuum:{identifier}",
            parent=parent,
            kind=kind,
            learning_area=parent.learning_area,
            item_type=CASE_TYPES[ItemKind(kind)],
            human_coding_scheme=code,
            full_statement=full_statement,
            abbreviated_statement=abbreviated_statement.strip(),
            learner_statement=learner_statement.strip(),
            position=_next_position(parent),
        )
        item.raw = _raw(item, parent.version.framework)
        _save_with_history(item, editor, reason)
        _place(item, parent)
        change_record(
            version=item.version,
            item=item,
            action=ChangeAction.CREATED,
            summary=f"{item} ({item.get_kind_display()}) under {parent}",
            reason=reason,
            editor=editor,
        )
    return item


def item_move(
    *, item: FrameworkItem, parent: FrameworkItem, editor: User, reason: str
) -> FrameworkItem:
    """Put the item (and whatever is under it) last under another parent."""
    _require_change(editor, item)
    reason = _reason(reason)
    with transaction.atomic():
        item = _lock(item)
        if parent.version_id != item.version_id:
            raise ValidationError(_("Move it within the same framework version."))
        if item.kind not in PARENT_KINDS:
            raise ValidationError(_("Only competencies and learning targets are moved here."))
        _check_parent(item.kind, parent)
        if parent.pk == item.parent_id:
            raise ValidationError(_("It is already there."))
        if parent.pk == item.pk or _is_under(parent, item):
            raise ValidationError(_("An item cannot be moved under itself."))
        before = item.parent
        item.parent, item.position = parent, _next_position(parent)
        _save_with_history(item, editor, reason)
        _place(item, parent)
        change_record(
            version=item.version,
            item=item,
            action=ChangeAction.MOVED,
            summary=f"{item}: from {before or '—'} to {parent}",
            reason=reason,
            editor=editor,
        )
    return item


def item_reorder(
    *, item: FrameworkItem, direction: Literal["up", "down"], editor: User, reason: str
) -> FrameworkItem:
    """Swap the item with the sibling before (``up``) or after (``down``) it.

    Siblings are numbered 0, 1, 2 … in their shown order first, so items imported without
    sequence numbers (which may share a position) move one step, as the buttons promise.
    """
    _require_change(editor, item)
    reason = _reason(reason)
    if direction not in ("up", "down"):
        raise ValidationError(_("Move it up or down."))
    with transaction.atomic():
        item = _lock(item)
        siblings = list(
            FrameworkItem.objects.select_for_update()
            .filter(version_id=item.version_id, parent_id=item.parent_id)
            .order_by(*TREE_ORDER)
        )
        index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(siblings):
            raise ValidationError(
                _("It is already first.") if direction == "up" else _("It is already last.")
            )
        siblings[index], siblings[other] = siblings[other], siblings[index]
        moved = [s for position, s in enumerate(siblings) if s.position != position]
        for position, sibling in enumerate(siblings):
            sibling.position = position
        for sibling in moved:
            _save_with_history(sibling, editor, reason)
            _sequence_set(sibling)
        change_record(
            version=item.version,
            item=item,
            action=ChangeAction.REORDERED,
            summary=f"{item}: {_('up') if direction == 'up' else _('down')} "
            f"({index + 1} → {other + 1})",
            reason=reason,
            editor=editor,
        )
    return siblings[other]


def item_retire(*, item: FrameworkItem, editor: User, reason: str) -> FrameworkItem:
    """Stop offering the item for new assessments, goals and plans; keep it and its evidence.

    A competency is retired once its targets are (retired or moved elsewhere), so no target
    in use hangs under a retired competency.
    """
    _require_change(editor, item)
    reason = _reason(reason)
    with transaction.atomic():
        item = _lock(item)
        if item.kind not in PARENT_KINDS:
            raise ValidationError(_("Only competencies and learning targets are retired here."))
        if item.retired_at is not None:
            raise ValidationError(_("It is already retired."))
        in_use = list(item.children.in_use().order_by(*TREE_ORDER))
        if in_use:
            raise ValidationError(
                _("Retire or move what is under it first: %(items)s.")
                % {"items": ", ".join(map(str, in_use))}
            )
        item.retired_at = timezone.now()
        item.raw = {**item.raw, "statusEndDate": timezone.localdate().isoformat()}
        _save_with_history(item, editor, reason)
        change_record(
            version=item.version,
            item=item,
            action=ChangeAction.RETIRED,
            summary=str(item),
            reason=reason,
            editor=editor,
        )
    return item


def item_restore(*, item: FrameworkItem, editor: User, reason: str) -> FrameworkItem:
    """Offer a retired item for new work again (under a parent that is in use)."""
    _require_change(editor, item)
    reason = _reason(reason)
    with transaction.atomic():
        item = _lock(item)
        if item.retired_at is None:
            raise ValidationError(_("It is not retired."))
        if item.parent is not None and item.parent.retired_at is not None:
            raise ValidationError(
                _("Its parent %(parent)s is retired: restore it or move this item first.")
                % {"parent": item.parent}
            )
        item.retired_at = None
        item.raw = {key: value for key, value in item.raw.items() if key != "statusEndDate"}
        _save_with_history(item, editor, reason)
        change_record(
            version=item.version,
            item=item,
            action=ChangeAction.RESTORED,
            summary=str(item),
            reason=reason,
            editor=editor,
        )
    return item


def retired_refuse(items: Iterable[FrameworkItem]) -> None:
    """Refuse new work (an alignment, a goal, a plan step) on retired items, naming them.
    Other apps' services call it; work already recorded on them is left alone."""
    retired = [item for item in items if item.retired_at is not None]
    if retired:
        raise ValidationError(
            _("%(items)s retired from the framework: choose a target in use.")
            % {"items": ", ".join(item.human_coding_scheme or str(item) for item in retired)}
        )


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why: the reason is kept in the history.")})
    if len(reason) > REASON_LENGTH:
        raise ValidationError({"reason": _("Keep the reason to 100 characters.")})
    return reason


def _lock(item: FrameworkItem) -> FrameworkItem:
    """Lock the framework (an import checks it is unchanged since its preview under the
    same lock), then refuse anything but its current version."""
    item = FrameworkItem.objects.select_related("version__framework", "parent").get(pk=item.pk)
    framework = Framework.objects.select_for_update().get(pk=item.version.framework_id)
    current = framework.current
    if current is None or current.pk != item.version_id:
        raise ValidationError(
            _("Only the framework's current version is edited; %(item)s is in version %(n)s.")
            % {"item": item, "n": item.version.number}
        )
    return item


def _check_parent(kind: str, parent: FrameworkItem) -> None:
    allowed = PARENT_KINDS[ItemKind(kind)]
    if parent.kind not in allowed:
        names = " or ".join(str(ItemKind(k).label).lower() for k in allowed)
        raise ValidationError(
            {
                "parent": _("A %(kind)s goes under a %(allowed)s.")
                % {"kind": str(ItemKind(kind).label).lower(), "allowed": names}
            }
        )
    if parent.retired_at is not None:
        raise ValidationError({"parent": _("%(parent)s is retired.") % {"parent": parent}})


def _check_code(parent: FrameworkItem, code: str) -> None:
    if len(code) > CODE_LENGTH:
        raise ValidationError({"human_coding_scheme": _("Keep the code to 200 characters.")})
    taken = FrameworkItem.objects.filter(version_id=parent.version_id, human_coding_scheme=code)
    if code and taken.exists():
        raise ValidationError(
            {
                "human_coding_scheme": _("%(code)s is already used in this framework.")
                % {"code": code}
            }
        )


def _is_under(item: FrameworkItem, ancestor: FrameworkItem) -> bool:
    node = item
    while node.parent_id is not None:
        if node.parent_id == ancestor.pk:
            return True
        node = FrameworkItem.objects.only("parent_id").get(pk=node.parent_id)
    return False


def _next_position(parent: FrameworkItem) -> int:
    positions = parent.children.values_list("position", flat=True)
    return max(positions, default=-1) + 1


def _raw(item: FrameworkItem, framework: Framework) -> dict:
    """The CFItem as CASE would carry it, for export; made here, not imported."""
    raw = {
        "identifier": item.identifier,
        "uri": item.uri,
        "CFDocumentURI": {
            "title": framework.title,
            "identifier": framework.identifier,
            "uri": item.version.uri or f"urn:continuum:{framework.identifier}",
        },
        "fullStatement": item.full_statement,
        "CFItemType": item.item_type,
        "lastChangeDateTime": _now(),
        "extensions": {
            EXTENSION: {
                "learnerStatement": item.learner_statement,
                "learningArea": item.learning_area,
            }
        },
    }
    if item.abbreviated_statement:
        raw["abbreviatedStatement"] = item.abbreviated_statement
    if item.human_coding_scheme:
        raw["humanCodingScheme"] = item.human_coding_scheme
    return raw


def _place(item: FrameworkItem, parent: FrameworkItem) -> None:
    """Point the item's ``isChildOf`` association at ``parent`` (adding one if it has none),
    so export and a later import place it where the page does."""
    link = (
        Association.objects.select_for_update()
        .filter(version_id=item.version_id, association_type=AssociationType.IS_CHILD_OF)
        .filter(origin=item)
        .first()
    )
    if link is None:
        identifier = str(uuid.uuid4())
        link = Association(
            version_id=item.version_id,
            identifier=identifier,
            association_type=AssociationType.IS_CHILD_OF,
            origin=item,
            origin_identifier=item.identifier,
            raw={"identifier": identifier, "associationType": AssociationType.IS_CHILD_OF.value},
        )
    link.destination, link.destination_identifier = parent, parent.identifier
    link.raw = {
        **link.raw,
        "originNodeURI": _link(item),
        "destinationNodeURI": _link(parent),
        "sequenceNumber": item.position,
        "lastChangeDateTime": _now(),
    }
    link.save()


def _sequence_set(item: FrameworkItem) -> None:
    for link in Association.objects.filter(
        version_id=item.version_id, association_type=AssociationType.IS_CHILD_OF, origin=item
    ):
        link.raw = {**link.raw, "sequenceNumber": item.position, "lastChangeDateTime": _now()}
        link.save(update_fields=["raw"])
