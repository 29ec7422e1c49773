"""A mail server for the cluster test: accepts every message and writes each to a file.

    python deploy/cluster/smtp_sink.py --port 2525 --maildir /tmp/mail [--hold-after 2]

With --hold-after N it delays its answer to the (N+1)th message's MAIL FROM, once, until the
client goes away, after writing a file named HELD: the test kills the worker while it waits,
so that a message is certainly cut off before it was accepted. Loopback only.
"""

import argparse
import asyncio
import uuid
from pathlib import Path


class Sink:
    def __init__(self, maildir: Path, hold_after: int | None):
        self.maildir = maildir
        self.hold_after = hold_after
        self.accepted = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        async def reply(line: str):
            writer.write(line.encode() + b"\r\n")
            await writer.drain()

        await reply("220 sink ESMTP")
        try:
            while line := await reader.readline():
                command = line.decode("utf-8", "replace").strip().upper()
                if command.startswith(("EHLO", "HELO")):
                    await reply("250 sink")
                elif command.startswith("MAIL FROM"):
                    if self.hold_after is not None and self.accepted == self.hold_after:
                        self.hold_after = None  # only once
                        (self.maildir / "HELD").write_text("held\n")
                        await reader.read()  # until the client is gone
                        return
                    await reply("250 OK")
                elif command.startswith("RCPT TO"):
                    await reply("250 OK")
                elif command == "DATA":
                    await reply("354 End data with <CR><LF>.<CR><LF>")
                    data = await reader.readuntil(b"\r\n.\r\n")
                    name = self.maildir / f"{uuid.uuid4().hex}.eml"
                    partial = name.with_suffix(".part")
                    partial.write_bytes(data[: -len(b"\r\n.\r\n")] + b"\r\n")
                    partial.rename(name)  # a reader never sees half a message
                    self.accepted += 1
                    await reply("250 OK queued")
                elif command == "QUIT":
                    await reply("221 Bye")
                    return
                else:  # RSET, NOOP and the rest
                    await reply("250 OK")
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", type=Path, required=True)
    parser.add_argument("--hold-after", type=int, default=None)
    args = parser.parse_args()
    args.maildir.mkdir(parents=True, exist_ok=True)
    sink = Sink(args.maildir, args.hold_after)
    server = await asyncio.start_server(sink.handle, "127.0.0.1", args.port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
