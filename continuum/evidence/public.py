"""What the evidence app offers the other apps (their only way in besides ``models``).

- Recording evidence: ``evidence_record`` for one piece, ``evidence_record_many`` for many
  (rows as ``EvidenceRow``; a refusal is ``RowsRefusedError`` and changes nothing), and the
  checks and limits they apply (``evidence_values_check``, ``MAX_LEVEL``, ``MAX_WEIGHT``).
- Estimates: ``estimate_explain`` (the engine's explanation of one estimate; ``engine_item``
  is a stored piece of evidence as the engine reads it), the grading
  policy that applies (``target_policy`` to one learner-target, ``policy_for`` and
  ``policy_record_for`` to a scope; ``DEFAULT_POLICY`` when no scope adopted one), the replay of a proposed policy (``policy_replay`` → ``ReplayReport``,
  ``proposed_policy`` reading JSON, ``policy_from_data`` parsed data, ``PolicyError``), and the batch recompute
  (``estimates_recompute``, ``estimates_recompute_request`` to run it in the background).
- Reads: a viewer's share of a learner's record (``evidence_list``, ``estimate_list``,
  ``partner_targets``, ``in_partner_slice``), the correction history of recorded scores
  (``correction_list``), a section's frameworks and their targets as the gradebook shows
  them, and the learner map (``learner_map_get`` → ``LearnerMap``) that the dashboard,
  the family view and pathways all read (``with_model`` for the learner model's order of
  what is ready), and a learner's chance of mastery from the learner model
  (``mastery_chance_get`` → ``MasteryChance``).
- Its domain events, ``feedback_given`` and ``estimates_changed`` (decision 0012).
"""

from continuum.evidence.selectors.corrections import correction_list
from continuum.evidence.selectors.gradebook import gradebook_framework_list, gradebook_targets
from continuum.evidence.selectors.learner_map import LearnerMap, learner_map_get
from continuum.evidence.selectors.learner_model import MasteryChance, mastery_chance_get
from continuum.evidence.selectors.scope import (
    estimate_list,
    evidence_list,
    in_partner_slice,
    partner_targets,
)
from continuum.evidence.services.engine_input import engine_item
from continuum.evidence.services.estimates import estimate_explain, target_policy
from continuum.evidence.services.policy import DEFAULT_POLICY, policy_for, policy_record_for
from continuum.evidence.services.policy_replay import (
    Change,
    PolicyError,
    ReplayReport,
    policy_from_data,
    policy_replay,
    proposed_policy,
)
from continuum.evidence.services.recompute import (
    estimates_recompute,
    estimates_recompute_request,
)
from continuum.evidence.services.recording import (
    MAX_LEVEL,
    MAX_WEIGHT,
    evidence_record,
    evidence_values_check,
)
from continuum.evidence.services.recording_bulk import (
    EvidenceRow,
    RowsRefusedError,
    evidence_record_many,
)
from continuum.evidence.signals import estimates_changed, feedback_given

__all__ = [
    "DEFAULT_POLICY",
    "MAX_LEVEL",
    "MAX_WEIGHT",
    "Change",
    "EvidenceRow",
    "LearnerMap",
    "MasteryChance",
    "PolicyError",
    "ReplayReport",
    "RowsRefusedError",
    "correction_list",
    "engine_item",
    "estimate_explain",
    "estimate_list",
    "estimates_changed",
    "estimates_recompute",
    "estimates_recompute_request",
    "evidence_list",
    "evidence_record",
    "evidence_record_many",
    "evidence_values_check",
    "feedback_given",
    "gradebook_framework_list",
    "gradebook_targets",
    "in_partner_slice",
    "learner_map_get",
    "mastery_chance_get",
    "partner_targets",
    "policy_for",
    "policy_from_data",
    "policy_record_for",
    "policy_replay",
    "proposed_policy",
    "target_policy",
]
