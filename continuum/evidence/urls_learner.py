"""learner URLs."""

urlpatterns: list = []
