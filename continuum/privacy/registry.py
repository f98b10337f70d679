"""Pages that show one learner's data but name another object in their URL.

Pages whose URL has a ``learner_id`` need no entry: the middleware records them. For the
rest, one line per URL name: the model (by label, so this app imports no other app's
internals), the URL keyword holding its id, and the lookup from that model to the learner.
A new learner-owned page needs a line here (tests/test_registry.py checks the lookups).
"""

from typing import NamedTuple


class LearnerObjectPage(NamedTuple):
    model: str
    kwarg: str
    learner_lookup: str


LEARNER_OBJECT_PAGES: dict[str, LearnerObjectPage] = {
    "reassessment_detail": LearnerObjectPage("learning.Reassessment", "reassessment_id", "learner"),
    "proposal_detail": LearnerObjectPage("learning.Proposal", "proposal_id", "learner"),
    "artifact_detail": LearnerObjectPage("evidence.Artifact", "artifact_id", "learner"),
    "artifact_download": LearnerObjectPage("evidence.Artifact", "artifact_id", "learner"),
    "evidence_correct": LearnerObjectPage("evidence.Evidence", "evidence_id", "learner"),
    "goal_detail": LearnerObjectPage("pathways.Goal", "goal_id", "learner"),
    "learning_plan_step": LearnerObjectPage("pathways.PlanItem", "item_id", "plan__learner"),
    "plan_detail": LearnerObjectPage("supports.SupportPlan", "plan_id", "learner"),
    "award_badge": LearnerObjectPage("credentials.Award", "award_id", "learner"),
}
