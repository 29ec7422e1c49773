"""Date and time formats Django's own locale data leaves out (settings.FORMAT_MODULE_PATH)."""
