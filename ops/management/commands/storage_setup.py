"""`python manage.py storage_setup [--create]`: prepare the bucket of S3 storage.

Applies the bucket policy Drom expects (anyone may read media/, nobody may read private/ without
a signed URL); with --create, makes the bucket first if it does not exist. Run it once when
installing, and again after changing providers. Prints the policy for those who set it by hand.
"""

import json

from botocore.exceptions import ClientError
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ops.storage import public_read_policy, public_storage


class Command(BaseCommand):
    help = "Apply Drom's bucket policy to the S3 bucket (and create the bucket with --create)."

    def add_arguments(self, parser):
        parser.add_argument("--create", action="store_true", help="Create the bucket if missing.")
        parser.add_argument("--print", action="store_true", help="Only print the policy.")

    def handle(self, *args, **options):
        if not settings.S3:
            raise CommandError("No object storage is configured (STORAGE_URL or S3_BUCKET).")
        bucket = settings.S3["S3_BUCKET"]
        policy = json.dumps(public_read_policy(bucket), indent=2)
        if options["print"]:
            self.stdout.write(policy)
            return
        client = public_storage().connection.meta.client
        try:
            client.head_bucket(Bucket=bucket)
        except ClientError:
            if not options["create"]:
                raise CommandError(
                    f"The bucket {bucket!r} does not exist; create it, or run with --create."
                ) from None
            client.create_bucket(Bucket=bucket)
            self.stdout.write(f"Created the bucket {bucket}.")
        client.put_bucket_policy(Bucket=bucket, Policy=policy)
        self.stdout.write(f"The bucket {bucket} lets anyone read media/ and nobody else private/.")
