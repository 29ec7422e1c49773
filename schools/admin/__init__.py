"""The network in the Wagtail admin: regions, districts, municipalities, schools and teachers.

``viewsets`` declares the screens (registered by schools/wagtail_hooks.py), ``views`` narrows
Wagtail's generic views to the rows schools.scoping lets the user see, ``filters`` and ``forms``
offer only those rows as choices, ``users`` adds Drom's fields to Wagtail's own Users screen
(``apps`` installs it in place of wagtail.users).
"""
