"""The listening copy of an uploaded recording: Opus in Ogg at a voice-and-music bitrate.

A teacher on mobile data listens to this copy; the original stays downloadable. The encoder is
PyAV, whose wheels bundle FFmpeg with libopus, so no system program is needed. Pure work on bytes:
no database, no storage.
"""

from __future__ import annotations

import io
from typing import BinaryIO

import av
from django.utils.translation import gettext_lazy as _

EXTENSION = "ogg"
CONTENT_TYPE = "audio/ogg"
# What a <source type> says, so that a browser without Opus goes on to the original.
SOURCE_TYPE = 'audio/ogg; codecs="opus"'
# Opus is transparent for speech well below these and good for folk music at them.
BITRATE = {"mono": 48_000, "stereo": 64_000}
SAMPLE_RATE = 48_000


class AudioError(Exception):
    """The file could not be read as sound; the message is for the editor."""


def listening_copy(source: BinaryIO) -> bytes:
    """Encode the first audio stream of `source` as Ogg Opus; raises AudioError."""
    target = io.BytesIO()
    try:
        with av.open(source, mode="r") as recording:
            if not recording.streams.audio:
                raise AudioError(_("The file holds no sound."))
            sound = recording.streams.audio[0]
            layout = "mono" if sound.channels == 1 else "stereo"
            with av.open(target, mode="w", format="ogg") as copy:
                opus = copy.add_stream("libopus", rate=SAMPLE_RATE, layout=layout)
                opus.bit_rate = BITRATE[layout]
                for frame in recording.decode(sound):
                    frame.pts = None  # the encoder counts its own time
                    for packet in opus.encode(frame):
                        copy.mux(packet)
                for packet in opus.encode(None):
                    copy.mux(packet)
    except AudioError:
        raise
    except (av.FFmpegError, ValueError, OSError) as error:
        raise AudioError(_("The recording could not be read as sound.")) from error
    data = target.getvalue()
    if len(data) < 100:  # headers only: no sound was decoded
        raise AudioError(_("The file holds no sound."))
    return data


def sound_check(source: BinaryIO) -> None:
    """Refuse a recording whose sound cannot be decoded (a broken or mislabelled file) at upload,
    by decoding its first sound frame only; raises AudioError."""
    source.seek(0)
    try:
        with av.open(source, mode="r") as recording:
            if not recording.streams.audio:
                raise AudioError(_("The file holds no sound."))
            next(recording.decode(recording.streams.audio[0]))
    except AudioError:
        raise
    except (av.FFmpegError, ValueError, OSError, StopIteration) as error:
        raise AudioError(_("The recording could not be read as sound.")) from error
    finally:
        source.seek(0)
