#!/usr/bin/env python3
"""Makes the fonts in fonts/ from Debian's fonts-liberation2 (a developer tool, not run by
the build): Liberation Serif and Sans cut to the scripts official documents print
(Latin, Greek, Cyrillic, punctuation), without hinting and OpenType layout tables (the
layout engine does not shape). The legacy 'kern' table is kept: the layout engine kerns
with its pairs (src/font/kerning.cpp). libharu builds a map over every code point of a
font and embeds all tables but glyf in full, so smaller fonts make every PDF faster to
write and smaller.

The SIL Open Font License reserves the name "Liberation": a modified version must be
renamed, so the families are called "Rapportverk Serif" and "Rapportverk Sans".

  apt-get install python3-fonttools fonts-liberation2
  /usr/bin/python3 scripts/subset-fonts.py [/usr/share/fonts/truetype/liberation2] [fonts]
"""
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

UNICODES = ("U+0020-007E,U+00A0-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,"
            "U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-2199,U+2212,U+2264-2265,U+FFFD")
# Name records that carry the family name; copyright, trademark and licence stay as they are.
RENAMED_IDS = {1, 3, 4, 6, 16, 17, 18, 21, 22}


def main(argv):
    src = argv[1] if len(argv) > 1 else "/usr/share/fonts/truetype/liberation2"
    dst = argv[2] if len(argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "fonts")
    for family in ("Serif", "Sans"):
        for style in ("Regular", "Bold", "Italic", "BoldItalic"):
            name = f"Liberation{family}-{style}.ttf"
            font = TTFont(os.path.join(src, name))
            options = subset.Options()
            options.layout_features = []
            options.hinting = False
            options.legacy_kern = True
            options.drop_tables += ["GDEF", "GPOS", "GSUB"]
            options.notdef_outline = True
            options.name_IDs = ["*"]
            options.name_languages = ["*"]
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
            subsetter.subset(font)
            for record in font["name"].names:
                if record.nameID in RENAMED_IDS:
                    text = record.toUnicode().replace("Liberation", "Rapportverk")
                    record.string = text
            out = os.path.join(dst, f"Rapportverk{family}-{style}.ttf")
            font.save(out)
            print(f"{out}: {os.path.getsize(out)} byte")


if __name__ == "__main__":
    main(sys.argv)
