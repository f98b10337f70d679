"""``continuum delete_learner USERNAME --reason TEXT [--yes]``."""

from django.core.management.base import BaseCommand, CommandError

from continuum.people.models import User
from continuum.privacy.services.deletion import LearnerDeletionBlockedError, learner_delete
from continuum.privacy.services.export import learner_get_by_username


class Command(BaseCommand):
    help = (
        "Delete one learner and everything that is theirs (rows, history, files), record the "
        "deletion, and check every table again. Asks first unless --yes."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reason", required=True, help="why (kept in the deletion audit)")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, username: str, reason: str, yes: bool, **options):
        try:
            learner = learner_get_by_username(username)
        except User.DoesNotExist as error:
            raise CommandError(str(error)) from None
        if not yes:
            answer = input(
                f"Delete {learner.display_name} ({username}) for good? Type the username: "
            )
            if answer.strip() != username:
                raise CommandError("Not confirmed; nothing was deleted.")
        try:
            deletion = learner_delete(learner=learner, actor=None, reason=reason)
        except LearnerDeletionBlockedError as error:
            raise CommandError(f"{error} Nothing was deleted.") from None
        for label, count in deletion.counts.items():
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(f"Removed {deletion.files_removed} files.")
        if not deletion.verified:
            raise CommandError(f"Rows still reference the learner: {deletion.remaining}")
        self.stdout.write(f"Deletion #{deletion.pk} verified: no row references {username}.")
