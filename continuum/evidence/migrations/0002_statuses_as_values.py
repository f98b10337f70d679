"""Estimate statuses stored as the engine's values instead of English labels.

The old columns are renamed and new integer columns added beside them; 0003 fills them label
by label and 0004 drops the labels, each in its own transaction, as PostgreSQL will not
alter a table with updates pending in the same one.
"""

from django.db import migrations, models


def _status_fields(model: str) -> list[migrations.operations.base.Operation]:
    return [
        migrations.RenameField(model, "status", "status_label"),
        migrations.RenameField(model, "override_status", "override_status_label"),
        migrations.AddField(
            model,
            "status",
            models.PositiveSmallIntegerField(
                choices=[
                    (0, "not started"),
                    (1, "not yet"),
                    (2, "approaching"),
                    (3, "proficient"),
                    (4, "advanced"),
                ],
                default=0,
            ),
        ),
        migrations.AddField(
            model,
            "override_status",
            models.PositiveSmallIntegerField(
                blank=True,
                choices=[
                    (0, "not started"),
                    (1, "not yet"),
                    (2, "approaching"),
                    (3, "proficient"),
                    (4, "advanced"),
                ],
                null=True,
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [("evidence", "0001_initial")]

    operations = [
        migrations.RemoveIndex(model_name="estimate", name="evidence_es_target__edad28_idx"),
        *_status_fields("estimate"),
        *_status_fields("historicalestimate"),
    ]
