"""Reads for the coordinator reports: side-effect free, keyword-only, scoped, aggregated in SQL.

A report row is one teacher × one course, and it belongs to one school:

* a teacher who enrolled belongs to the school recorded on the enrollment (history is never
  rewritten when she moves);
* a teacher who never enrolled ("not started") belongs to her current school.

So every teacher is counted exactly once, rates never pass 100 %, and the figures of the
schools add up to those of their municipality, district and region.

Whatever the number of schools or teachers, a summary costs two queries (enrollments grouped by
status, not-started teachers grouped) and a teacher list one query (a UNION of both) plus its
count. Nothing here reads LessonCompletion or QuizAttempt except the one teacher's page.
"""

from .assignments import assignments_visible_to
from .deliveries import problems_visible_to
from .scope import not_started_teachers, scoped_enrollments, scoped_teachers
from .summary import (
    GROUP_ORDERINGS,
    LEVELS,
    GroupRow,
    Summary,
    completions_by_month,
    course_summary,
    level_below,
    sort_groups,
)
from .teacher import CourseProgress, last_reminders, teacher_for_report, teacher_progress
from .teacher_rows import (
    ROW_FIELDS,
    TEACHER_COLUMNS,
    TEACHER_ORDERINGS,
    TeacherPages,
    teacher_rows,
)

__all__ = [
    "GROUP_ORDERINGS",
    "LEVELS",
    "ROW_FIELDS",
    "TEACHER_COLUMNS",
    "TEACHER_ORDERINGS",
    "CourseProgress",
    "GroupRow",
    "assignments_visible_to",
    "Summary",
    "TeacherPages",
    "completions_by_month",
    "course_summary",
    "last_reminders",
    "level_below",
    "not_started_teachers",
    "problems_visible_to",
    "scoped_enrollments",
    "scoped_teachers",
    "sort_groups",
    "teacher_for_report",
    "teacher_progress",
    "teacher_rows",
]
