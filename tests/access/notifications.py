from tests.access import EVERYONE_SIGNED_IN, Case, allow


def populate(world):
    from continuum.notifications.models import Kind, Notification

    world["lena_notice"] = Notification.objects.create(
        recipient=world["lena"], kind=Kind.FEEDBACK, title="New feedback on N.1.a"
    )


CASES = [
    Case("notification_list", EVERYONE_SIGNED_IN),
    Case("notification_preferences", EVERYONE_SIGNED_IN),
    Case("notification_read_all", EVERYONE_SIGNED_IN, method="post", ok_status=(302,)),
    Case(
        "notification_read",
        allow("learner"),
        label="Lena's own notice",
        method="post",
        kwargs=lambda w: {"notification_id": w["lena_notice"].pk},
        ok_status=(302,),
    ),
]
