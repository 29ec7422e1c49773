"""Time `make run` until Drom serves: `python -m bench.make_run` (see __main__.py)."""
