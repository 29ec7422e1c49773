"""Files made on the spot: images (Pillow), melodies (the wave module) and worksheets (fpdf2).

The demo content and the tests use them, so nothing is ever downloaded.
"""

import io
import math
import struct
import wave

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from cms.pdf import FONT, new_pdf

# Notes of a small pentatonic-flavoured scale, in Hz.
NOTES = {
    "C": 261.63,
    "D": 293.66,
    "E": 329.63,
    "F": 349.23,
    "G": 392.00,
    "A": 440.00,
    "B": 466.16,
    "c": 523.25,
    "-": 0.0,
}


def picture(
    *,
    name: str,
    colours=((31, 95, 139), (46, 107, 48), (176, 13, 39)),
    seed: int = 0,
    size=(1200, 800),
) -> ContentFile:
    """A PNG with bands and circles in the given colours (a stand-in for a photograph)."""
    image = Image.new("RGB", size, (255, 253, 248))
    draw = ImageDraw.Draw(image)
    width, height = size
    top, bottom = colours[0], colours[1]
    draw.rectangle((0, 0, width, height // 2), fill=top)
    draw.rectangle((0, height // 2, width, height), fill=bottom)
    for i in range(7):
        radius = 40 + ((seed * 13 + i * 29) % 90)
        x = (seed * 97 + i * 173) % width
        y = (seed * 61 + i * 89) % height
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=colours[2], width=10)
    # The chakra-like wheel in the middle.
    cx, cy, r = width // 2, height // 2, min(size) // 5
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=colours[2], width=12)
    for spoke in range(16):
        angle = spoke * math.pi / 8
        draw.line(
            (cx, cy, cx + r * math.cos(angle), cy + r * math.sin(angle)), fill=colours[2], width=6
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name=name)


def melody(
    *, name: str, tune: str = "EGAGE-DEFED-", beat: float = 0.3, rate: int = 16000
) -> ContentFile:
    """A mono WAV playing `tune` (one note letter per beat, '-' a rest)."""
    frames = bytearray()
    for note in tune:
        frequency = NOTES.get(note, 0.0)
        count = int(rate * beat)
        for n in range(count):
            # A short fade in and out avoids clicks between notes.
            envelope = min(1.0, n / 400, (count - n) / 400)
            sample = 0.4 * envelope * math.sin(2 * math.pi * frequency * n / rate)
            frames += struct.pack("<h", int(sample * 32767))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return ContentFile(buffer.getvalue(), name=name)


def worksheet(*, name: str, title: str, lines: list[str]) -> ContentFile:
    """A one-page worksheet PDF: a title, tasks, and space to write."""
    pdf = new_pdf(title=title)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 12)
    pdf.ln(4)
    pdf.multi_cell(
        0, 7, "Име: ______________________   Клас: ______", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(4)
    for number, line in enumerate(lines, start=1):
        pdf.multi_cell(0, 7, f"{number}. {line}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.cell(0, 8, "_" * 70, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return ContentFile(bytes(pdf.output()), name=name)
