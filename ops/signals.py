"""Keep the default Wagtail site's address in step with BASE_URL after every `migrate`.

Wagtail builds page addresses (the sitemap, the API's html_url, links in e-mails) from the Site
record, which the first migration creates as localhost:80. With BASE_URL set, deploying (which
runs `migrate`) corrects it; without, the record is left to the administrator.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from wagtail.models import Site

from .addresses import site_host_and_port

logger = logging.getLogger("drom.ops")


def site_sync_from_base_url(*, using: str = "default") -> bool:
    """Point the default site at BASE_URL; True if the record changed."""
    if not settings.BASE_URL:
        return False
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return False
    hostname, port = site_host_and_port(settings.BASE_URL)
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])  # Wagtail clears its cached root paths
    logger.info("default site set to %s:%s from BASE_URL", hostname, port)
    return True


@receiver(post_migrate)
def _after_migrate(sender, using="default", **kwargs):
    if sender.name == "ops":
        site_sync_from_base_url(using=using)
