"""Rebuild the stored search terms of every lesson plan (after an upgrade, or a topic renamed)."""

from django.core.management.base import BaseCommand

from curriculum.models import LessonPlanPage


class Command(BaseCommand):
    help = "Rebuild the search terms of every lesson plan (curriculum/plansearch.py)."

    def handle(self, *args, **options):
        count = 0
        for plan in LessonPlanPage.objects.prefetch_related("topics").iterator(chunk_size=200):
            LessonPlanPage.objects.filter(pk=plan.pk).update(
                search_terms=plan.derive_search_terms()
            )
            count += 1
        self.stdout.write(f"{count} lesson plans indexed.")
