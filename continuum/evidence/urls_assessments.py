"""assessments URLs."""

urlpatterns: list = []
