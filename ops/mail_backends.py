"""Development e-mail: printed to the terminal of `make run`, readable in Bulgarian.

Django's console backend prints the raw MIME message, where a Cyrillic subject reads
"=?utf-8?b?0J3QsNC/0L7QvNC90Y/QvdC1?=" and the body is base64. This one prints the decoded
headers, the text and the names of attachments.
"""

from __future__ import annotations

import sys
import threading

from django.core.mail.backends.base import BaseEmailBackend


class ReadableConsoleBackend(BaseEmailBackend):
    def __init__(self, *args, stream=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def send_messages(self, email_messages) -> int:
        with self._lock:
            for message in email_messages:
                attachments = ", ".join(
                    item[0] if isinstance(item, tuple) else (item.get_filename() or "attachment")
                    for item in message.attachments
                )
                lines = [
                    "=" * 79,
                    f"From:    {message.from_email}",
                    f"To:      {', '.join(message.to)}",
                    f"Subject: {message.subject}",
                ]
                if attachments:
                    lines.append(f"Attached: {attachments}")
                lines += ["-" * 79, message.body.rstrip(), "=" * 79, ""]
                self.stream.write("\n".join(lines) + "\n")
            self.stream.flush()
        return len(email_messages)
