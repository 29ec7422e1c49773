"""Draw a sample certificate in Bulgarian and in English (with its appendix) for review.

    python manage.py certificate_samples docs/certificates

The sample is made up (nothing is saved, no database rows are needed); the PDFs in
docs/certificates/ are made by this command.
"""

from datetime import date, datetime
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from courses.certificate_pdf import certificate_pdf_bytes
from courses.models import Certificate

SAMPLE = {
    "number": "2026-000123",
    "year": 2026,
    "serial": 123,
    "code": "SAMPLE-CODE",
    "holder_name": "Йорданка Стоянова Ангелова",
    "position": "teacher",
    "school_name": "Основно училище „Христо Ботев“",
    "school_code": "2206123",
    "town": "с. Мировяне",
    "district": "София",
    "district_en": "Sofia",
    "course_title": "Интеркултурно образование в класната стая",
    "course_title_en": "Intercultural education in the classroom",
    "programme_name": "Интеркултурно образование и ромската общност",
    "programme_name_en": "Intercultural education and the Roma community",
    "uin": "4000123",
    "provider": "Сдружение „Дром“",
    "provider_en": "Drom Association",
    "hours": 32,
    "credits": 2,
    "started_on": date(2026, 10, 5),
    "completed_on": date(2026, 11, 27),
    "issued_on": date(2026, 11, 30),
    "training_form": "distance",
    "modules": [
        {"title": "Ромската история и култура", "title_en": "Roma history and culture", "hours": 8},
        {
            "title": "Езикът у дома и в училище",
            "title_en": "Language at home and at school",
            "hours": 8,
        },
        {"title": "Работа с родителите", "title_en": "Working with parents", "hours": 8},
        {"title": "Приобщаваща класна стая", "title_en": "The inclusive classroom", "hours": 8},
    ],
    "issuer": {
        "name": "Сдружение „Дром“",
        "name_en": "Drom Association",
        "identifier": "000000000",
        "address": "София 1000, ул. „Примерна“ 1",
        "address_en": "1 Primerna St, Sofia 1000, Bulgaria",
        "website": "drom.example",
        "place": "София",
        "head_name": "Стефка Иванова Георгиева",
        "head_position": "Председател",
        "head_position_en": "Chair",
    },
}


class Command(BaseCommand):
    help = "Draw a sample certificate (bg and en) into the given directory."

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, *args, directory, **options):
        target = Path(directory)
        target.mkdir(parents=True, exist_ok=True)
        certificate = Certificate(
            **SAMPLE, issued_at=timezone.make_aware(datetime(2026, 11, 30, 10, 0))
        )
        for language, path in (("bg", "/learning/"), ("en", "/en/learning/")):
            url = f"https://drom.example{path}verify/{certificate.code}/"
            name = target / f"certificate-sample-{language}.pdf"
            name.write_bytes(certificate_pdf_bytes(certificate, language=language, verify_url=url))
            self.stdout.write(str(name))
