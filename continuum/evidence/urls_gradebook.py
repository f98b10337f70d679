"""gradebook URLs."""

urlpatterns: list = []
