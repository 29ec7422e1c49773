"""Bulk import of schools and teachers from CSV/XLSX files.

``parsing`` reads a file into rows (no database), ``services`` plans what the rows would change
and applies the plan, ``views`` is the admin's upload → preview → apply screen, ``tasks`` sends
the new teachers their invitations after the import has committed. The management commands
``import_schools`` and ``import_teachers`` call the same parsing and services.
"""
