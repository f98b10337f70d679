"""integrations URLs."""

urlpatterns: list = []
