"""Who may change a framework: its district's admins only (decision 0009)."""

from continuum.frameworks.models import Framework


def test_only_district_admins_may_change_frameworks(world):
    riverside = Framework.objects.create(
        identifier="riverside", title="Riverside", organization=world["district"]
    )
    assert world["ada"].has_perm("frameworks.change_framework", riverside)
    for name in ("lena", "gabe", "erin", "cora", "leo", "pat", "otto"):
        assert not world[name].has_perm("frameworks.change_framework", riverside)
