"""Who may manage certificates: national coordinators (and superusers), nobody else."""

from schools import roles


def is_national_coordinator(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=roles.NATIONAL_COORDINATORS).exists()
