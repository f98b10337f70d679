"""``continuum policy_replay --policy FILE.json [--school ID] [--framework ID] --json OUT``:
what a proposed grading policy would change, counted, before anyone adopts it: as if each
learner's school adopted it (for one framework's targets with ``--framework``). Writes
nothing but OUT, and OUT only when the replay ran."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from continuum.evidence.services.policy_replay import PolicyError, policy_replay, proposed_policy
from continuum.frameworks.models import Framework
from continuum.people.models import Organization


class Command(BaseCommand):
    help = (
        "Replay a proposed grading policy over the evidence already recorded and count the "
        "estimates it would change, by status transition. Changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--policy",
            type=Path,
            required=True,
            help='a JSON file such as {"method": "n_of_m", "parameters": {"n": 3, "m": 5}}',
        )
        parser.add_argument("--school", type=int, help="only this school's learners (its id)")
        parser.add_argument(
            "--framework", type=int, help="a policy for this framework's targets only (its id)"
        )
        parser.add_argument(
            "--json", dest="out", type=Path, required=True, help="where to write the counts"
        )

    def handle(
        self,
        *args,
        policy: Path,
        school: int | None,
        framework: int | None,
        out: Path,
        **options,
    ):
        try:
            text = policy.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {policy}: {error}") from None
        try:
            proposed = proposed_policy(text)
        except PolicyError as error:
            raise CommandError(f"Bad policy in {policy}: {error}") from None
        organization = None
        if school is not None:
            organization = Organization.objects.filter(pk=school, kind="school").first()
            if organization is None:
                raise CommandError(f"No school with id {school}.")
        if framework is not None and not Framework.objects.filter(pk=framework).exists():
            raise CommandError(f"No framework with id {framework}.")
        report = policy_replay(proposed=proposed, school=organization, framework_id=framework)
        _write(out, report.to_dict())
        self.stdout.write(
            f"Replayed {report.estimates} estimates under {proposed.method}: "
            f"{report.changed} would change ({report.status_changed} change status)."
        )


def _write(path: Path, data: dict) -> None:
    try:
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    except OSError as error:
        raise CommandError(f"Cannot write {path}: {error}") from None
