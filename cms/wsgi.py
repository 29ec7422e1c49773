import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# With production settings: stop now, saying what is wrong, if Redis, the database or the bucket
# cannot be reached (gunicorn then refuses to start instead of serving errors).
from ops.startup import verify_services  # noqa: E402 - needs the configured Django above

verify_services()
