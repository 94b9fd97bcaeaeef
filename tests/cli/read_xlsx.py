#!/usr/bin/env python3
"""Reads an .xlsx back with the standard library only (zip + XML) and prints, one per line:
the sheet's row count, the header row and the last row, cells separated by '|'.
Used by the export test to prove the file is a real spreadsheet."""
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}

with zipfile.ZipFile(sys.argv[1]) as z:
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    frozen = sheet.find(".//m:pane", NS)
    rows = []
    for row in sheet.find("m:sheetData", NS).findall("m:row", NS):
        cells = []
        for c in row.findall("m:c", NS):
            v = c.find("m:v", NS)
            text = "" if v is None else v.text
            if c.get("t") == "s":
                text = shared[int(text)]
            cells.append(text)
        rows.append(cells)
print(len(rows))
print("frozen:" + ("" if frozen is None else frozen.get("topLeftCell", "")))
header = next(r for r in rows if len(r) > 3)
print("|".join(header))
print("|".join(rows[-1]))
