"""The refusal every course service raises, with a message meant for the teacher."""


class CourseError(Exception):
    """A refusal the teacher should read (already translated lazily)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
