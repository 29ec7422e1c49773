"""The smallest Django project that hosts wagtail-lms 0.11.1 for the comparison (bench.peer)."""
