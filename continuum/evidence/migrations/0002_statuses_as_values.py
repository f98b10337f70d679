"""Estimate statuses stored as the engine's values instead of English labels.

The old columns are renamed, the new integer columns filled from them label by label (on
the history table too, so past versions read the same), and the old columns dropped.
"""

from django.db import migrations, models

LABELS = {"not started": 0, "not yet": 1, "approaching": 2, "proficient": 3, "advanced": 4}
MODELS = ("Estimate", "HistoricalEstimate")


def labels_to_values(apps, schema_editor) -> None:
    for name in MODELS:
        rows = apps.get_model("evidence", name).objects
        for label, value in LABELS.items():
            rows.filter(status_label=label).update(status=value)
            rows.filter(override_status_label=label).update(override_status=value)


def values_to_labels(apps, schema_editor) -> None:
    for name in MODELS:
        rows = apps.get_model("evidence", name).objects
        for label, value in LABELS.items():
            rows.filter(status=value).update(status_label=label)
            rows.filter(override_status=value).update(override_status_label=label)


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
        migrations.RunPython(labels_to_values, values_to_labels),
        *[
            migrations.RemoveField(model, field)
            for model in ("estimate", "historicalestimate")
            for field in ("status_label", "override_status_label")
        ],
        migrations.AddIndex(
            model_name="estimate",
            index=models.Index(fields=["target", "status"], name="evidence_es_target__edad28_idx"),
        ),
    ]
