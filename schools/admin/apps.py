"""wagtail.users, with the Users screen showing Drom's own user fields (see users.py).

A module of its own (not schools/apps.py) so that Django still finds SchoolsConfig as the one
configuration of the schools app. Listed in INSTALLED_APPS instead of "wagtail.users".
"""

from wagtail.users.apps import WagtailUsersAppConfig


class DromUsersConfig(WagtailUsersAppConfig):
    user_viewset = "schools.admin.users.UserViewSet"
