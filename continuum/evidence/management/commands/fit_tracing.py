"""``continuum fit_tracing``: refit knowledge tracing and the learner model from all answers."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from continuum.evidence.services.learner_model import learner_model_fit_all
from continuum.evidence.services.tracing import tracing_fit_all


class Command(BaseCommand):
    help = (
        "Fit BKT parameters for every target, and the logistic learner model for every "
        "school's framework, with enough auto-scored responses."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--minimum",
            type=int,
            default=50,
            help="Refit only targets, and schools' frameworks, with at least this many "
            "responses (default 50).",
        )

    def handle(self, *args, minimum: int, **options) -> None:
        if minimum < 1:
            raise CommandError("--minimum must be at least 1.")
        fitted = tracing_fit_all(minimum=minimum)
        for stored in fitted:
            p = stored.parameters
            self.stdout.write(
                f"{stored.target.human_coding_scheme}: {stored.responses} responses, "
                f"prior {p['prior']:.2f}, learn {p['learn']:.2f}, "
                f"guess {p['guess']:.2f}, slip {p['slip']:.2f}"
            )
        self.stdout.write(f"Fitted {len(fitted)} target(s).")
        models = learner_model_fit_all(minimum=minimum)
        for fit in models:
            note = "" if fit.converged else " (not converged: more answers will help)"
            self.stdout.write(
                f"{fit.school.name} · {fit.framework.title}: learner model version "
                f"{fit.version} from {fit.responses} responses of {fit.learners} learner(s){note}"
            )
        self.stdout.write(f"Fitted {len(models)} learner model(s).")
