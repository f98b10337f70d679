"""Reassessments and proposals move to the learning app, API tokens to integrations
(decision 0013). Only Django's idea of which app owns them changes: the tables stay.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("evidence", "0005_policies_have_no_bands"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name="apitoken",
                    name="user",
                ),
                migrations.RemoveField(
                    model_name="historicalproposal",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalproposal",
                    name="learner",
                ),
                migrations.RemoveField(
                    model_name="historicalproposal",
                    name="reviewer",
                ),
                migrations.RemoveField(
                    model_name="historicalproposal",
                    name="target",
                ),
                migrations.RemoveField(
                    model_name="historicalreassessment",
                    name="evidence",
                ),
                migrations.RemoveField(
                    model_name="historicalreassessment",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalreassessment",
                    name="learner",
                ),
                migrations.RemoveField(
                    model_name="historicalreassessment",
                    name="requested_by",
                ),
                migrations.RemoveField(
                    model_name="historicalreassessment",
                    name="reviewer",
                ),
                migrations.RemoveField(
                    model_name="historicalreassessment",
                    name="target",
                ),
                migrations.RemoveField(
                    model_name="proposal",
                    name="learner",
                ),
                migrations.RemoveField(
                    model_name="proposal",
                    name="reviewer",
                ),
                migrations.RemoveField(
                    model_name="proposal",
                    name="target",
                ),
                migrations.RemoveConstraint(
                    model_name="reassessment",
                    name="one_open_reassessment",
                ),
                migrations.DeleteModel(
                    name="ApiToken",
                ),
                migrations.DeleteModel(
                    name="HistoricalProposal",
                ),
                migrations.DeleteModel(
                    name="HistoricalReassessment",
                ),
                migrations.DeleteModel(
                    name="Proposal",
                ),
                migrations.DeleteModel(
                    name="Reassessment",
                ),
            ],
        )
    ]
