"""The English status labels, copied into values by 0003, are dropped."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("evidence", "0003_status_values_from_labels")]

    operations = [
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
