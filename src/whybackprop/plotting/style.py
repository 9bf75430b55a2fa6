"""How every figure looks: colours per scheme, sizes, fonts, and the matplotlib settings that apply them."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from whybackprop.plotting.words import labels

Scheme = Literal["light", "dark"]

# Hangul fonts by platform: Debian/Ubuntu (fonts-nanum), Linux/Android (Noto), macOS, Windows.
KOREAN_FONTS: tuple[str, ...] = (
    "NanumGothic",
    "Noto Sans CJK KR",
    "Apple SD Gothic Neo",
    "AppleGothic",
    "Malgun Gothic",
)
MARKERS = ("o", "s", "^", "D")
# Widths in inches (96 CSS px each at natural size): WIDE fits the desktop text column without
# shrinking, NARROW a 375 px phone. With SMALL_FONT_SIZE pt = 12 CSS px at natural size, text
# stays at least 11 px on desktop and 9 px on a phone.
WIDE = 6.8
NARROW = 3.5
FONT_SIZE = 10.0
SMALL_FONT_SIZE = 9.0
DPI = 100  # PNG pixels per inch (notebook and save_png)


@dataclass(frozen=True)
class Palette:
    """The colours of one scheme: lines are told apart by shape too (MARKERS, line styles)."""

    background: str
    text: str
    frame: str
    grid: str
    muted: str  # data points
    lines: tuple[str, str, str, str]


PALETTES: dict[str, Palette] = {
    # Dark enough on white (at least 4.5:1).
    "light": Palette(
        "#ffffff", "#111111", "#333333", "#dddddd", "#555555", ("#1f4e9c", "#c2410c", "#15803d", "#7e22ce")
    ),
    # Material's slate background, hsl(225, 15%, 14%); light enough on it (at least 4.5:1).
    "dark": Palette(
        "#1e2129", "#e8e8ec", "#b4b8c4", "#3a3f4c", "#a8acb8", ("#8ab4ff", "#fb923c", "#4ade80", "#d8a4ff")
    ),
}


def palette(scheme: str) -> Palette:
    """The colours of `scheme` ("light" or "dark"); a clear error for anything else."""
    if scheme not in PALETTES:
        raise ValueError(f"scheme must be one of {', '.join(map(repr, PALETTES))}, got {scheme!r}")
    return PALETTES[scheme]


def korean_font() -> str:
    """The first installed font of KOREAN_FONTS; a clear error if there is none."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    for name in KOREAN_FONTS:
        if name in installed:
            return name
    raise RuntimeError(
        f"no Hangul font found (looked for {', '.join(KOREAN_FONTS)}); the figures' Korean labels "
        "need one: on Debian/Ubuntu run `apt install fonts-nanum`"
    )


@contextlib.contextmanager
def rendering(lang: str = "ko") -> Iterator[None]:
    """The settings matplotlib reads when it draws text (fonts, minus sign), the same for every scheme:
    wrap savefig in it, as save_png does (tick labels are made when the figure is drawn). English
    figures use DejaVu Sans only, so they need no Hangul font."""
    import matplotlib

    labels(lang)  # a clear error for an unknown language
    with matplotlib.rc_context(
        {
            "font.family": [korean_font(), "DejaVu Sans"] if lang == "ko" else ["DejaVu Sans"],
            "font.size": FONT_SIZE,
            "axes.unicode_minus": False,  # Hangul fonts may lack U+2212; use the ASCII hyphen
            "mathtext.fontset": "dejavusans",  # η, ε, θ in labels come from DejaVu
            "svg.hashsalt": "whybackprop",  # the same SVG ids on every build
        }
    ):
        yield


@contextlib.contextmanager
def styled(colors: Palette, lang: str) -> Iterator[None]:
    """rendering(lang) plus the scheme's colours: the settings a figure is built under."""
    import matplotlib

    with (
        rendering(lang),
        matplotlib.rc_context(
            {
                "figure.facecolor": colors.background,
                "axes.facecolor": colors.background,
                "savefig.facecolor": colors.background,
                "text.color": colors.text,
                "axes.labelcolor": colors.text,
                "axes.edgecolor": colors.frame,
                "xtick.color": colors.frame,
                "ytick.color": colors.frame,
                "xtick.labelcolor": colors.text,
                "ytick.labelcolor": colors.text,
                "axes.grid": True,
                "grid.color": colors.grid,
                "legend.fontsize": SMALL_FONT_SIZE,
                "legend.facecolor": colors.background,
                "legend.edgecolor": colors.grid,
                "legend.labelcolor": colors.text,
                "axes.titlesize": FONT_SIZE,
                "figure.titlesize": FONT_SIZE + 1,
            }
        ),
    ):
        yield
