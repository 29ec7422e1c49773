"""Demo courses and teachers in every state of learning.

Idempotent: pages are created only when missing (by slug), and learner records only for the
teacher–course pairs that have none yet. Records are bulk-inserted with the same denormalised
progress the services would write (percent from courses.progress, scores from courses.grading),
and certificates go through the real register.
"""

import random
from datetime import timedelta

from django.apps import apps
from django.utils import timezone
from wagtail.models import Locale

from cms.models import HomePage
from schools import scoping

from .. import grading, services
from ..models import (
    CertificateIssuer,
    CourseIndexPage,
    CourseLessonPage,
    CoursePage,
    Enrollment,
    LessonCompletion,
    QuizAttempt,
    QuizPage,
)
from ..progress import summarise
from ..steps import course_steps
from . import assignments, blended
from .content import COURSES

DEMO_TEACHER = "teacher@drom.test"
PROVIDER_EN = "Drom Association"
ISSUER = {
    "name": "Сдружение „Дром“",
    "name_en": PROVIDER_EN,
    "identifier": "000000000",
    "address": "София 1000, ул. „Примерна“ 1",
    "address_en": "1 Primerna St, Sofia 1000, Bulgaria",
    "website": "drom.example",
    "place": "София",
    "head_name": "Стефка Иванова Георгиева",
    "head_position": "Председател",
    "head_position_en": "Chair",
}
INDEX = {
    "slug": "obucheniya",
    "bg": {
        "title": "Обучения за учители",
        "introduction": "<p>Самостоятелни онлайн обучения по интеркултурно образование. "
        "Завършените обучения носят удостоверение, а одобрените програми — "
        "квалификационни кредити.</p>",
    },
    "en": {
        "title": "Teacher courses",
        "introduction": "<p>Self-paced online courses in intercultural education. Completed "
        "courses earn a certificate, and approved programmes earn qualification credits.</p>",
    },
}


def _publish(parent, page, log, label):
    parent.add_child(instance=page)
    page.save_revision().publish()
    log(label)
    return page


def _translate(page, locale, fields, log, label):
    if page.has_translation(locale):
        return
    translation = page.copy_for_translation(locale)
    for field, value in fields.items():
        setattr(translation, field, value)
    translation.save_revision().publish()
    log(label)


def _modules(spec, language) -> list[dict]:
    return [
        {
            "type": "module",
            "id": block_id,
            "value": {"title": bg if language == "bg" else en, "hours": hours},
        }
        for block_id, bg, en, hours in spec.get("modules", [])
    ]


def _issuer(log) -> None:
    """The issuing organisation's details, made up for the demo (a national coordinator edits
    them in Settings)."""
    issuer = CertificateIssuer.current()
    if issuer.pk and issuer.head_name:
        return
    for field, value in ISSUER.items():
        setattr(issuer, field, value)
    issuer.save()
    log("certificate issuer")


def _questions(spec, language):
    stream = []
    for q in spec["questions"]:
        text = q[language]
        value = {"text": text["text"], "points": 1, "feedback": text["feedback"]}
        if q["kind"] in ("single_choice", "multiple_choice"):
            correct = q["correct"] if isinstance(q["correct"], list) else [q["correct"]]
            value["choices"] = [
                {
                    "type": "item",
                    "id": f"{q['id']}-c{i}",
                    "value": {"text": t, "correct": i in correct},
                }
                for i, t in enumerate(text["choices"])
            ]
        elif q["kind"] == "true_false":
            value["correct"] = q["correct"]
        else:
            value["accepted"] = [
                {"type": "item", "id": f"{q['id']}-a{i}", "value": a}
                for i, a in enumerate(text["accepted"])
            ]
        stream.append({"type": q["kind"], "id": q["id"], "value": value})
    return stream


def _lesson_plan(language):
    """A lesson plan from the library for the card in the lesson on Roma culture, if any."""
    # Through the app registry: courses never import curriculum (a lesson points at a plan by id).
    model = apps.get_model("curriculum", "LessonPlanPage")
    return model.objects.live().filter(locale__language_code=language).order_by("path").first()


def _step_fields(spec, language):
    text = spec[language]
    if spec["kind"] == "lesson":
        body = list(text["body"])
        if spec.get("lesson_plan_card") and (plan := _lesson_plan(language)):
            body.append(("lesson_plan", {"page": plan, "note": text["plan_note"]}))
        return {
            "title": text["title"],
            "body": body,
            "reflection_prompt": text.get("reflection_prompt", ""),
        }
    return {
        "title": text["title"],
        "introduction": text["introduction"],
        "questions": _questions(spec, language),
    }


def _pages(log) -> list[CoursePage]:
    home = HomePage.objects.get(locale__language_code="bg")
    en = Locale.objects.get(language_code="en")
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = _publish(
            home,
            CourseIndexPage(slug=INDEX["slug"], show_in_menus=True, **INDEX["bg"]),
            log,
            "course catalogue",
        )
    _translate(index, en, INDEX["en"], log, "course catalogue (en)")
    courses = []
    for spec in COURSES:
        course = CoursePage.objects.child_of(index).filter(slug=spec["slug"]).first()
        fields = {
            "academic_hours": spec["academic_hours"],
            "uin": spec["uin"],
            "credits": spec["credits"],
            "sequential": spec["sequential"],
        }
        if course is None:
            fields["modules"] = _modules(spec, "bg")
            course = _publish(
                index,
                CoursePage(slug=spec["slug"], **spec["bg"], **fields),
                log,
                f"course {spec['slug']}",
            )
        english = {**spec["en"], "provider": PROVIDER_EN, "modules": _modules(spec, "en")}
        _translate(course, en, english, log, f"course {spec['slug']} (en)")
        for step in spec["steps"]:
            model = CourseLessonPage if step["kind"] == "lesson" else QuizPage
            page = model.objects.child_of(course).filter(slug=step["slug"]).first()
            if page is None:
                page = _publish(
                    course,
                    model(slug=step["slug"], **_step_fields(step, "bg"), **step.get("rules", {})),
                    log,
                    f"{step['kind']} {step['slug']}",
                )
            _translate(
                page, en, _step_fields(step, "en"), log, f"{step['kind']} {step['slug']} (en)"
            )
        courses.append(course)
    return courses


# What each demo teacher has done, in turn: a spread of every state for the reports.
STATES = ["none", "enrolled", "in_progress", "failed", "completed", "completed", "in_progress"]


def _answers(questions, *, right: bool, rng: random.Random, pass_mark: int) -> dict:
    """A passing attempt (`right`) or a failing one, as teachers give them: a pass may still
    miss the last (hardest) question, a fail gets the first ones right more often than the last,
    and wrong answers are spread over the wrong choices (so that the quiz statistics show
    facility falling along the quiz and the wrong answers teachers choose most)."""

    def answer(q, good: bool) -> list[str]:
        if q["type"] in ("single_choice", "multiple_choice"):
            picks = [c["id"] for c in q["choices"] if c["correct"] == good]
            if q["type"] == "multiple_choice":
                return picks or [q["choices"][0]["id"]]
            return [rng.choice(picks[:2])] if not good and picks else picks[:1]
        if q["type"] == "true_false":
            return ["true" if q["correct"] == good else "false"]
        return [q["accepted"][0] if good else rng.choice(["не знам", "Гергьовден"])]

    if right:
        marks = [True] * len(questions)
        if questions and rng.random() < 0.35:
            marks[-1] = False
    else:
        marks = [rng.random() < 0.75 - 0.2 * n for n in range(len(questions))]
    answers = {q["id"]: answer(q, good) for q, good in zip(questions, marks, strict=True)}
    if grading.grade(questions, answers).passed(pass_mark) != right:
        answers = {q["id"]: answer(q, right) for q in questions}
    return answers


def _learners(courses, log) -> None:
    teachers = list(scoping.teachers().order_by("email"))
    existing = set(Enrollment.objects.values_list("teacher_id", "course_id"))
    rng = random.Random(2026)  # the same demo every time
    answer_rng = random.Random(16)  # answers apart, so the dates stay as they were
    now = timezone.now()
    to_complete = []
    for course_number, course in enumerate(courses):
        steps = course_steps(course)
        lessons = [s for s in steps if s.kind == "lesson"]
        quizzes = [s for s in steps if s.kind == "quiz"]
        snapshots = {q.id: grading.snapshot_questions(q.page.questions) for q in quizzes}
        plans = []
        for number, teacher in enumerate(teachers):
            if (teacher.pk, course.pk) in existing:
                continue
            if teacher.email == DEMO_TEACHER:
                state = "in_progress" if course_number == 0 else "none"
            else:
                state = STATES[(number + course_number * 3) % len(STATES)]
            if state == "none":
                continue
            plans.append((teacher, state))
        enrollments = Enrollment.objects.bulk_create(
            [Enrollment(teacher=t, course=course, school_id=t.school_id) for t, _s in plans]
        )
        completions, attempts = [], []
        for enrollment, (teacher, state) in zip(enrollments, plans, strict=True):
            enrolled_at = now - timedelta(days=rng.randint(20, 200))
            enrollment.enrolled_at = enrolled_at
            done_lessons = {
                "enrolled": 0,
                "in_progress": rng.randint(1, max(1, len(lessons) - 1)),
                "failed": len(lessons),
                "completed": len(lessons),
            }[state]
            if teacher.email == DEMO_TEACHER:
                done_lessons = 3
            when = enrolled_at
            for step in lessons[:done_lessons]:
                when += timedelta(days=rng.randint(1, 6))
                completions.append(
                    LessonCompletion(
                        enrollment=enrollment,
                        teacher=teacher,
                        lesson_id=step.id,
                        reflection="Ще опитам това в час и ще споделя с колегите."
                        if step.page.reflection_prompt
                        else "",
                    )
                )
            passed = set()
            scores = []
            for quiz_number, step in enumerate(quizzes):
                if state == "failed" and quiz_number == 0:
                    outcomes = [False]
                elif state == "completed":
                    outcomes = [False, True] if rng.random() < 0.3 else [True]
                else:
                    continue
                for attempt_number, right in enumerate(outcomes, start=1):
                    questions = snapshots[step.id]
                    answers = _answers(
                        questions, right=right, rng=answer_rng, pass_mark=step.page.pass_mark
                    )
                    result = grading.grade(questions, answers)
                    when += timedelta(days=1)
                    attempts.append(
                        QuizAttempt(
                            enrollment=enrollment,
                            quiz_id=step.id,
                            number=attempt_number,
                            seed=rng.randrange(1, 2**31),
                            questions=questions,
                            submitted_at=when,
                            answers=answers,
                            results=result.results,
                            score=result.score,
                            passed=result.passed(step.page.pass_mark),
                        )
                    )
                    scores.append(result.score)
                    if right:
                        passed.add(step.id)
            progress = summarise(
                steps,
                completed_lessons={s.id for s in lessons[:done_lessons]},
                passed_quizzes=passed,
                sequential=course.sequential,
            )
            enrollment.completed_lessons = progress.lessons_done
            enrollment.passed_quizzes = progress.quizzes_passed
            enrollment.percent = progress.percent
            enrollment.quiz_attempts = len(scores)
            enrollment.best_quiz_score = max(scores) if scores else None
            enrollment.last_activity = when if state != "enrolled" else None
            enrollment.status = (
                Enrollment.Status.ENROLLED if state == "enrolled" else Enrollment.Status.IN_PROGRESS
            )
            if progress.complete:
                enrollment.status = Enrollment.Status.COMPLETED
                enrollment.completed_at = when
                enrollment.hours_earned = course.academic_hours
                enrollment.credits_earned = (
                    course.credits or 0 if course.is_approved_programme else 0
                )
                to_complete.append(enrollment)
        LessonCompletion.objects.bulk_create(completions)
        QuizAttempt.objects.bulk_create(attempts)
        Enrollment.objects.bulk_update(
            enrollments,
            [
                "enrolled_at",
                "completed_lessons",
                "passed_quizzes",
                "percent",
                "quiz_attempts",
                "best_quiz_score",
                "last_activity",
                "status",
                "completed_at",
                "hours_earned",
                "credits_earned",
            ],
        )
        if enrollments:
            log(f"{len(enrollments)} enrollments in {course.slug}")
    for enrollment in sorted(to_complete, key=lambda e: e.completed_at):
        services.certificate_issue(enrollment=enrollment)
    if to_complete:
        log(f"{len(to_complete)} certificates")


def load(log) -> None:
    _issuer(log)
    courses = _pages(log)
    _learners(courses, log)
    assignments.load(courses, log)
    blended.load(log)
