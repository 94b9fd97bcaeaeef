#!/usr/bin/env python3
"""Cuts the body text of the published 2019 follow-up report out of its PDF text layer.

Usage: scripts/extract-source-body.py SOURCE.txt > tests/documents/fixtures/kalla-nationell-2019/brodtext.txt

The source is the text layer of Socialstyrelsen 2020, "Kvalitetsutveckling av arbetet mot
våld i nära relationer – uppföljning av 2019 års utvecklings- och stimulansmedel" (the seed
text the national template is checked against). The body is the chapters from
"Sammanfattning" to the end of "Socialstyrelsens kommentarer"; what is cut away:

- the front matter (title page, Förord) and the appendices (Bilaga 1–3);
- page furniture: running heads ("KVALITETSUTVECKLING AV …", "SOCIALSTYRELSEN") and page
  numbers;
- tables (from the caption "Tabell N." to its "Källa:" line, or to the prose after it when
  the table has none) and diagrams (axis line or caption to "Källa:"), with their notes
  ("* …");
- footnote reference marks ("medel.17") and the numbers that start footnote texts; the
  footnote texts themselves stay, as paragraphs of the chapter they are printed in;
- the labels of numbered lists ("1.  kvalitetsutveckling …").

Lines are joined into paragraphs (a hyphen at a line end before a lower-case letter is
undone); each chapter starts with a line "# <title>". The test
tests/documents/source_numbers_test.cpp reads the result.
"""
import re
import sys

CHAPTERS = [
    "Sammanfattning",
    "Inledning",
    "Utvecklingsmedel till kommuner",
    "Utvecklingsmedel till regioner",
    "Utvecklingsmedel till ideella",
    "Stimulansmedel till länsstyrelserna",
    "Socialstyrelsens kommentarer",
]
# Tables printed without a "Källa:" line end where the next prose starts.
TABLE_ENDS_BEFORE = {
    "7": "Vi kan se att antalet",
    "9": "Länsstyrelsernas och NCK:s användning",
}
FURNITURE = re.compile(
    r"^\s*(\d+\s+)?KVALITETSUTVECKLING AV ARBETET MOT VÅLD I NÄRA RELATIONER\s*$"
    r"|^\s*SOCIALSTYRELSEN(\s+\d+)?\s*$|^\s*\d+\s*$"
)


def main(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    out = []
    chapter = None
    skip_until = None  # ("källa", None) or ("before", text)
    in_note = False
    for raw in lines:
        line = raw.rstrip()
        stripped = line.strip()
        if stripped.startswith("Bilaga 1."):
            break
        if stripped in CHAPTERS and (raw.startswith(" ") or stripped == "Inledning" or
                                     stripped.startswith("Stimulansmedel")):
            title = stripped
            chapter = title
            out.append("")
            out.append("# " + title)
            in_note = False
            continue
        if chapter is None:
            continue
        if skip_until:
            kind, text = skip_until
            if kind == "källa" and stripped.startswith("Källa:"):
                skip_until = ("notes", None)
                continue
            if kind == "notes":
                if stripped.startswith("*") or (not stripped and not raw.startswith("      ")):
                    continue
                skip_until = None
            elif kind == "before" and stripped.startswith(text):
                skip_until = None
            else:
                continue
        if FURNITURE.match(line):
            continue
        m = re.match(r"^Tabell (\d+)\.", stripped)
        if m:
            n = m.group(1)
            skip_until = ("before", TABLE_ENDS_BEFORE[n]) if n in TABLE_ENDS_BEFORE else ("källa", None)
            continue
        if stripped.startswith("0% 10% 20%") or re.match(r"^Diagram \d+\.", stripped):
            skip_until = ("källa", None)
            continue
        # The footnote area starts with a long run of spaces on a line of its own.
        if raw.startswith("      ") and not stripped:
            in_note = True
            out.append("")
            continue
        if in_note:
            if raw.startswith(" ") and stripped:  # the next page's first line
                in_note = False
            else:
                m = re.match(r"^(\d+) (.*)$", stripped)
                if m:
                    out.append("")
                    stripped = m.group(2)
                out.append(stripped)
                continue
        stripped = re.sub(r"^\d+\.\s+", "", stripped)  # numbered list label
        out.append(stripped)
    # Paragraphs: blank lines and bullets separate; hyphens at line ends undone.
    paras, cur = [], ""
    for line in out:
        if not line or line.startswith("# ") or line.startswith("•"):
            if cur:
                paras.append(cur)
            cur = ""
            if line.startswith("# "):
                paras.append(line)
            elif line.startswith("•"):
                cur = line[1:].strip()
            continue
        if cur.endswith("-") and line[:1].islower():
            cur = cur[:-1] + line
        elif cur:
            cur += " " + line
        else:
            cur = line
    if cur:
        paras.append(cur)
    text = "\n".join(paras)
    # Footnote marks: digits glued to a word or punctuation ("medel.17", "SARA7"), and
    # the one set apart by a space ("286 kommuner. 5 Diagrammet").
    text = re.sub(r"(?:(?<=[A-Za-zÅÄÖåäö])|(?<=[A-Za-zÅÄÖåäö][.,])|(?<=[)”\"])|(?<=[)”\"][.,]))\d{1,2}(?=[\s,.)]|$)",
                  "", text, flags=re.M)
    text = text.replace("kommuner. 5 Diagrammet", "kommuner. Diagrammet")
    print(text)


if __name__ == "__main__":
    main(sys.argv[1])
