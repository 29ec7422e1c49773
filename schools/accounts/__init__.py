"""A teacher's own account: sign-up with a signed e-mail confirmation link (``tokens``), the
account and profile pages (``views``, ``forms``). The writes are in schools/services.py.

``django_messages`` only carries a Django message into our Bulgarian catalogue.
"""
