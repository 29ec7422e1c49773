"""Coordinator report screens in the Wagtail admin: thin views over reports.selectors.

Every view first asks schools.scoping whether the user is a coordinator (teachers and authors
get 403), then scopes every figure to what that coordinator may see. A filter value outside the
scope (a tampered URL) is a 404 with no data.

* `course` — the completion report (a Wagtail ReportView) and its charts;
* `teacher` — one teacher's courses for a coordinator;
* `actions` — the POSTs behind the report: reminders and the weekly e-mail;
* `export_log` — who exported what (national coordinators);
* `deliveries` — e-mails to the coordinator's people that failed or are being retried.

reports.viewsets wires them to URLs.
"""
