"""What a statement says, read without the database: who, which activities, what score.

The rule for turning a statement into evidence (docs/integrations.md):
- the learner is the actor's ``mbox`` (an e-mail address) or ``account.name`` (a user name);
- the learning target is the CASE item whose URI equals the object's activity id or the id
  of one of its context activities (parent, grouping, category, other), or whose identifier
  ends such an id after ``/CFItems/`` (a CASE API address of the item, from any provider);
- the score is ``result.score.scaled``, else ``raw`` placed between ``min`` and ``max``, as a
  fraction from 0 to 1 (a negative ``scaled`` counts as 0), and becomes the highest level of
  the target's scale reached at that fraction of the way from its lowest level to its
  highest: 0.8 on a 1–4 scale is 3.4 of the way, so level 3. Rounding down never credits
  a level the learner did not reach.
"""

from collections.abc import Sequence
from typing import Any

CONTEXT_ACTIVITY_KINDS = ("parent", "grouping", "category", "other")
_ITEM_PATH = "/CFItems/"
# Float slack so that a score of exactly a level's fraction reaches that level.
_SLACK = 1e-9


def activity_ids(statement: dict[str, Any]) -> list[str]:
    """The object's activity id (when the object is an activity) then its context
    activities' ids, in that order."""
    ids = []
    target = statement.get("object") or {}
    if target.get("objectType", "Activity") == "Activity" and target.get("id"):
        ids.append(target["id"])
    activities = (statement.get("context") or {}).get("contextActivities") or {}
    for kind in CONTEXT_ACTIVITY_KINDS:
        found = activities.get(kind) or []
        for activity in [found] if isinstance(found, dict) else found:
            if activity.get("id"):
                ids.append(activity["id"])
    return ids


def item_identifiers(ids: Sequence[str]) -> list[str]:
    """The CASE identifiers named by ids of the form ``…/CFItems/<identifier>``."""
    found = []
    for activity_id in ids:
        if _ITEM_PATH in activity_id:
            identifier = activity_id.rsplit(_ITEM_PATH, 1)[1].split("?")[0].strip("/")
            if identifier:
                found.append(identifier)
    return found


def activity_name(statement: dict[str, Any]) -> str:
    """The object's name in English if it has one, else in its first language, else ''."""
    names = ((statement.get("object") or {}).get("definition") or {}).get("name") or {}
    for language in ("en-US", "en", "en-GB"):
        if names.get(language):
            return str(names[language])
    return str(next(iter(names.values()), ""))


def actor_email(statement: dict[str, Any]) -> str | None:
    mbox = (statement.get("actor") or {}).get("mbox") or ""
    return mbox.removeprefix("mailto:") or None


def actor_account_name(statement: dict[str, Any]) -> str | None:
    return ((statement.get("actor") or {}).get("account") or {}).get("name") or None


def score_fraction(statement: dict[str, Any]) -> float | None:
    """The score from 0 to 1, or None when the statement carries no usable score."""
    score = (statement.get("result") or {}).get("score") or {}
    if isinstance(score.get("scaled"), int | float):
        return min(max(float(score["scaled"]), 0.0), 1.0)
    raw, low, high = score.get("raw"), score.get("min"), score.get("max")
    numbers = [value for value in (raw, low, high) if isinstance(value, int | float)]
    if len(numbers) < 3 or not numbers[2] > numbers[1]:
        return None
    raw, low, high = numbers
    return min(max((raw - low) / (high - low), 0.0), 1.0)


def level_reached(fraction: float, levels: Sequence[float]) -> float:
    """The highest level at or below ``fraction`` of the way up the scale's range."""
    ordered = sorted(levels)
    point = ordered[0] + fraction * (ordered[-1] - ordered[0])
    return max(level for level in ordered if level <= point + _SLACK)
