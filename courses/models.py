"""Teacher training: courses, lessons, quizzes and the records of who completed them."""
