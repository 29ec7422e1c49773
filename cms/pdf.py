"""PDF documents with Cyrillic text, made by fpdf2 (pure Python, installs with pip alone).

The DejaVu Sans font ships in cms/fonts (free licence, see LICENSE-DejaVu.txt): PDF's built-in
fonts have no Cyrillic, and relying on a system font would make the README ask for packages.
"""

from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"


def new_pdf(*, title: str, author: str = "Дром", orientation: str = "portrait") -> FPDF:
    """An A4 document with DejaVu Sans (regular and bold) registered as FONT and selected."""
    pdf = FPDF(orientation=orientation, unit="mm", format="A4")
    pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator("Дром")
    pdf.set_lang("bg")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_font(FONT, size=11)
    return pdf
