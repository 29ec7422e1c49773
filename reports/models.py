"""Records the coordinator reports keep: exports, reminders and subscriptions."""
