#!/usr/bin/env python3
"""Render a `tmux capture-pane -e` dump (text with SGR colour codes) to a PNG.

Usage: render_ansi.py CAPTURE.ansi OUT.png  (needs Pillow and DejaVu Sans Mono)
"""
import re
import sys

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SIZE = 15
FG, BG = (220, 220, 220), (30, 30, 36)
BASE16 = [
    (30, 30, 36), (205, 49, 49), (13, 188, 121), (229, 229, 16), (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
    (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67), (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255),
]


def xterm256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


def parse_sgr(params, st):
    codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            st.update(fg=None, bg=None, bold=False, reverse=False, underline=False)
        elif c == 1:
            st["bold"] = True
        elif c == 22:
            st["bold"] = False
        elif c == 4:
            st["underline"] = True
        elif c == 24:
            st["underline"] = False
        elif c == 7:
            st["reverse"] = True
        elif c == 27:
            st["reverse"] = False
        elif 30 <= c <= 37:
            st["fg"] = BASE16[c - 30]
        elif 90 <= c <= 97:
            st["fg"] = BASE16[c - 90 + 8]
        elif 40 <= c <= 47:
            st["bg"] = BASE16[c - 40]
        elif 100 <= c <= 107:
            st["bg"] = BASE16[c - 100 + 8]
        elif c == 39:
            st["fg"] = None
        elif c == 49:
            st["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                st[key] = xterm256(codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                st[key] = tuple(codes[i + 2:i + 5])
                i += 4
        i += 1


def main(src, dst):
    text = open(src, encoding="utf-8", errors="replace").read().rstrip("\n")
    lines = text.split("\n")
    font, bold = ImageFont.truetype(FONT, SIZE), ImageFont.truetype(FONT_BOLD, SIZE)
    cw = round(font.getlength("M"))
    ch = SIZE + 5
    width = max(len(re.sub(r"\x1b\[[0-9;]*m", "", ln)) for ln in lines)
    pad = 12
    img = Image.new("RGB", (width * cw + 2 * pad, len(lines) * ch + 2 * pad), BG)
    draw = ImageDraw.Draw(img)
    st = dict(fg=None, bg=None, bold=False, reverse=False, underline=False)
    for row, line in enumerate(lines):
        col = 0
        for part in re.split(r"(\x1b\[[0-9;]*m)", line):
            if part.startswith("\x1b["):
                parse_sgr(part[2:-1], st)
                continue
            for c in part:
                fg, bg = st["fg"] or FG, st["bg"]
                if st["reverse"]:
                    fg, bg = (bg or BG), fg
                x, y = pad + col * cw, pad + row * ch
                if bg is not None:
                    draw.rectangle([x, y, x + cw - 1, y + ch - 1], fill=bg)
                draw.text((x, y + 2), c, font=bold if st["bold"] else font, fill=fg)
                if st["underline"]:
                    draw.line([x, y + ch - 2, x + cw - 1, y + ch - 2], fill=fg)
                col += 1
    img.save(dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
