#!/usr/bin/env python3
"""Kontrollerar att en PDF är tillgänglig: de villkor i Matterhorn-protokollet (PDF/UA-1,
ISO 14289-1) som går att avgöra ur filen själv.

    python3 scripts/kontrollera-pdf.py fil.pdf [fil.pdf …]

Läser filen genom qpdf:s JSON (qpdf --json=2, strömmarna avkodade) och skriver ett fel per
rad med sida och objekt: "fil.pdf: sida 3, objekt 57 0 R: Figure saknar alternativtext
(Matterhorn 13-004)". Avslutar med 1 om något fel hittades, 2 om filen inte kunde läsas.

Det som kontrolleras: taggat innehåll (all text och grafik i märkt innehåll, varje MCID i
ParentTree), katalogen (MarkInfo, Lang, DisplayDocTitle, XMP med dc:title och
pdfuaid:part), rubriknivåer utan hopp, figurer med alternativtext och BBox, tabellers,
listors och innehållsförteckningens struktur, TH med Scope, fotnoter (Note med unikt ID),
länkar (Link-element med OBJR, annoteringar med StructParent och Contents), inbäddade
typsnitt med ToUnicode.

När XMP-metadata anger en PDF/A-del (pdfaid:part) kontrolleras också det i PDF/A (ISO
19005-1/-2) som de vanliga PDF/A-granskarna oftast underkänner och som går att avgöra här:
en output intent med en inbäddad ICC-profil, filidentifieraren /ID, beskrivningen av
pdfuaid-schemat i XMP och, för del 1, CIDSet i varje CID-typsnitt. Hela PDF/A-1-kontrollen
gör Apache PDFBox Preflight (scripts/preflight.sh).
"""
import base64
import json
import re
import subprocess
import sys

HEADINGS = {"/H1": 1, "/H2": 2, "/H3": 3, "/H4": 4, "/H5": 5, "/H6": 6}


def load(path):
    out = subprocess.run(
        ["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
         "--decode-level=generalized", path],
        capture_output=True)
    if out.returncode not in (0, 3):
        raise RuntimeError(out.stderr.decode("utf-8", "replace").strip())
    return json.loads(out.stdout)["qpdf"][1]


class Pdf:
    def __init__(self, path):
        self.objects = load(path)
        self.errors = []
        self.path = path

    def obj(self, ref):
        """The value (a dict for a stream: its dictionary) of an indirect reference."""
        if isinstance(ref, str) and ref.endswith(" R"):
            o = self.objects.get("obj:" + ref, {})
            if "stream" in o:
                return o["stream"]["dict"]
            return o.get("value")
        return ref

    def stream(self, ref):
        o = self.objects.get("obj:" + ref, {})
        data = o.get("stream", {}).get("data")
        return base64.b64decode(data) if data else b""

    def error(self, where, message, rule, standard="Matterhorn"):
        self.errors.append(f"{self.path}: {where}: {message} ({standard} {rule})")


def tokens(data):
    """The tokens of a content stream: operators as str, operands as bytes/str/list."""
    i, n = 0, len(data)
    while i < n:
        c = data[i:i + 1]
        if c in b" \t\r\n\f\x00":
            i += 1
        elif c == b"%":
            while i < n and data[i:i + 1] not in b"\r\n":
                i += 1
        elif c == b"(":
            depth, j = 1, i + 1
            while j < n and depth:
                ch = data[j:j + 1]
                if ch == b"\\":
                    j += 2
                    continue
                depth += ch == b"("
                depth -= ch == b")"
                j += 1
            yield ("string", data[i:j])
            i = j
        elif data[i:i + 2] == b"<<":
            depth, j = 0, i
            while j < n:
                if data[j:j + 2] == b"<<":
                    depth, j = depth + 1, j + 2
                elif data[j:j + 2] == b">>":
                    depth, j = depth - 1, j + 2
                    if depth == 0:
                        break
                else:
                    j += 1
            yield ("dict", data[i:j])
            i = j
        elif c == b"<":
            j = data.index(b">", i) + 1
            yield ("string", data[i:j])
            i = j
        elif c in b"[]":
            yield ("punct", c)
            i += 1
        elif c == b"/":
            j = i + 1
            while j < n and data[j:j + 1] not in b" \t\r\n\f/[]<>()%":
                j += 1
            yield ("name", data[i:j].decode("latin-1"))
            i = j
        else:
            j = i
            while j < n and data[j:j + 1] not in b" \t\r\n\f/[]<>()%":
                j += 1
            word = data[i:j].decode("latin-1")
            yield ("number" if re.fullmatch(r"[-+.0-9]+", word) else "op", word)
            i = j


PAINT = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI"}


def check_content(pdf, page_no, page_ref, page):
    """Every text and painting operator inside marked content; the MCIDs the page uses."""
    contents = page.get("/Contents")
    refs = contents if isinstance(contents, list) else [contents] if contents else []
    data = b"\n".join(pdf.stream(r) for r in refs)
    stack, operands, mcids, untagged = [], [], [], 0
    for kind, value in tokens(data):
        if kind != "op":
            operands.append((kind, value))
            continue
        if value in ("BMC", "BDC"):
            tag = next((v for k, v in operands if k == "name"), "")
            props = next((v for k, v in operands if k == "dict"), b"")
            m = re.search(rb"/MCID\s+(\d+)", props)
            if m:
                mcids.append(int(m.group(1)))
            stack.append(tag)
        elif value == "EMC":
            if stack:
                stack.pop()
        elif value in PAINT and not stack:
            untagged += 1
        operands = []
    where = f"sida {page_no}, objekt {page_ref}"
    if untagged:
        pdf.error(where, f"{untagged} operatorer ritar utanför märkt innehåll "
                         "(varken taggat eller artefakt)", "01-005")
    if mcids and "/StructParents" not in page:
        pdf.error(where, "sidan har märkt innehåll men ingen /StructParents", "01-005")
    if page.get("/Tabs") != "/S":
        pdf.error(where, "sidan har inte /Tabs /S (tabbordning efter strukturen)", "28-011")
    return mcids


def parent_tree(pdf, root):
    """ParentTree key → value (an array of elements for a page, an element for an OBJR)."""
    out = {}

    def walk(node):
        node = pdf.obj(node) or {}
        nums = node.get("/Nums", [])
        for k in range(0, len(nums) - 1, 2):
            out[nums[k]] = nums[k + 1]
        for kid in node.get("/Kids", []):
            walk(kid)

    walk(root.get("/ParentTree"))
    return out


def check_structure(pdf, root, page_of, annots):
    headings, note_ids, objr = [], {}, set()

    def page_label(elem):
        pg = elem.get("/Pg")
        return f"sida {page_of.get(pg, '?')}, " if pg else ""

    def kids(elem):
        k = elem.get("/K", [])
        return k if isinstance(k, list) else [k]

    def walk(ref, parent_type):
        elem = pdf.obj(ref)
        if not isinstance(elem, dict):
            return
        if elem.get("/Type") == "/OBJR":
            objr.add(elem.get("/Obj"))
            return
        if elem.get("/Type") == "/MCR":
            return
        s = elem.get("/S", "")
        where = page_label(elem) + f"objekt {ref}"
        if s in HEADINGS:
            headings.append((HEADINGS[s], where))
        if s == "/Figure":
            if not elem.get("/Alt") and not elem.get("/ActualText"):
                pdf.error(where, "Figure saknar alternativtext (/Alt)", "13-004")
            attrs = pdf.obj(elem.get("/A")) or {}
            if "/BBox" not in (attrs if isinstance(attrs, dict) else {}):
                pdf.error(where, "Figure saknar /BBox", "13-004")
        if s == "/TH":
            attrs = pdf.obj(elem.get("/A")) or {}
            if not isinstance(attrs, dict) or "/Scope" not in attrs:
                pdf.error(where, "TH saknar /Scope", "15-003")
        if s in ("/TH", "/TD") and parent_type != "/TR":
            pdf.error(where, f"{s[1:]} ligger inte i en TR", "15-004")
        if s == "/TR" and parent_type not in ("/Table", "/THead", "/TBody", "/TFoot"):
            pdf.error(where, "TR ligger inte i en Table", "15-004")
        if s == "/LI" and parent_type != "/L":
            pdf.error(where, "LI ligger inte i en L", "16-001")
        if s in ("/Lbl", "/LBody") and parent_type != "/LI":
            pdf.error(where, f"{s[1:]} ligger inte i en LI", "16-001")
        if s == "/TOCI" and parent_type != "/TOC":
            pdf.error(where, "TOCI ligger inte i en TOC", "16-001")
        if s == "/Note":
            nid = elem.get("/ID")
            if not nid:
                pdf.error(where, "Note saknar /ID", "19-003")
            elif nid in note_ids:
                pdf.error(where, f"Note har samma /ID som {note_ids[nid]}", "19-004")
            else:
                note_ids[nid] = where
        for k in kids(elem):
            if isinstance(k, str) and k.endswith(" R"):
                walk(k, s)
            elif isinstance(k, dict) and k.get("/Type") == "/OBJR":
                objr.add(k.get("/Obj"))
                if s != "/Link" and annots.get(k.get("/Obj"), {}).get("/Subtype") == "/Link":
                    pdf.error(where, "en länkannotering hör till ett " + s[1:] + ", inte Link",
                              "28-011")

    top = root.get("/K")
    for k in top if isinstance(top, list) else [top]:
        walk(k, "/StructTreeRoot")
    if headings and headings[0][0] != 1:
        pdf.error(headings[0][1], f"första rubriken är H{headings[0][0]}, inte H1", "14-002")
    for (prev, _), (level, where) in zip(headings, headings[1:]):
        if level > prev + 1:
            pdf.error(where, f"H{level} efter H{prev}: en rubriknivå hoppas över", "14-003")
    return objr


def check_pdfa(pdf, catalog, xmp, where):
    part = re.search(r"<pdfaid:part>(\d)</pdfaid:part>", xmp)
    if not part:
        return
    part = part.group(1)
    rule = "19005-1 6.2.2" if part == "1" else "19005-2 6.2.3"
    intents = [pdf.obj(i) or {} for i in pdf.obj(catalog.get("/OutputIntents")) or []]
    pdfa = [i for i in intents if i.get("/S") == "/GTS_PDFA1"]
    if not pdfa:
        pdf.error(where, f"PDF/A-{part} anges men katalogen saknar en output intent "
                  "(/OutputIntents med /S /GTS_PDFA1)", rule, "ISO")
    for i in pdfa:
        profile = pdf.obj(i.get("/DestOutputProfile")) or {}
        if profile.get("/N") != 3:
            pdf.error(where, "output intent saknar en RGB-profil (/DestOutputProfile med /N 3)",
                      rule, "ISO")
    trailer = pdf.objects.get("trailer", {}).get("value", {})
    if not trailer.get("/ID"):
        pdf.error("trailern", f"PDF/A-{part} kräver filidentifieraren /ID",
                  "19005-1 6.1.3" if part == "1" else "19005-2 6.1.3", "ISO")
    if "pdfuaid:part" in xmp and "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" not in xmp:
        pdf.error(where, "XMP använder pdfuaid utan att beskriva schemat (pdfaExtension)",
                  "19005-1 6.7.8" if part == "1" else "19005-2 6.6.2.3", "ISO")
    if part != "1":
        return
    for key, o in pdf.objects.items():
        v = o.get("value")
        if isinstance(v, dict) and v.get("/Subtype") == "/CIDFontType2":
            fd = pdf.obj(v.get("/FontDescriptor")) or {}
            if "/CIDSet" not in fd:
                pdf.error(f"objekt {key[4:]}", f"typsnittet {v.get('/BaseFont', '?')} saknar "
                          "/CIDSet, som PDF/A-1 kräver för ett delmängdstypsnitt",
                          "19005-1 6.3.5", "ISO")


def check(path):
    pdf = Pdf(path)
    trailer_catalog = next((k[4:] for k, v in pdf.objects.items()
                            if isinstance(v.get("value"), dict)
                            and v["value"].get("/Type") == "/Catalog"), None)
    catalog = pdf.obj(trailer_catalog) or {}
    where = f"katalogen (objekt {trailer_catalog})"
    if not (pdf.obj(catalog.get("/MarkInfo")) or {}).get("/Marked"):
        pdf.error(where, "/MarkInfo /Marked är inte true", "01-002")
    if not catalog.get("/Lang"):
        pdf.error(where, "dokumentet saknar språk (/Lang)", "11-006")
    if not (pdf.obj(catalog.get("/ViewerPreferences")) or {}).get("/DisplayDocTitle"):
        pdf.error(where, "/DisplayDocTitle är inte true", "07-001")
    meta = catalog.get("/Metadata")
    xmp = pdf.stream(meta).decode("utf-8", "replace") if meta else ""
    if "<dc:title>" not in xmp:
        pdf.error(where, "XMP-metadata saknar dc:title", "06-003")
    if not re.search(r"pdfuaid:part(>1<|=\"1\")", xmp):
        pdf.error(where, "XMP-metadata saknar pdfuaid:part 1 (PDF/UA-identifieraren)", "06-002")
    check_pdfa(pdf, catalog, xmp, where)
    root = pdf.obj(catalog.get("/StructTreeRoot"))
    if not isinstance(root, dict):
        pdf.error(where, "dokumentet är inte taggat (ingen /StructTreeRoot)", "01-006")
        return pdf.errors

    pages, page_of = [], {}

    def collect(ref):
        node = pdf.obj(ref) or {}
        if node.get("/Type") == "/Page":
            pages.append(ref)
            page_of[ref] = len(pages)
        for kid in node.get("/Kids", []):
            collect(kid)

    collect(catalog.get("/Pages"))
    tree = parent_tree(pdf, root)
    annots = {}
    for number, ref in enumerate(pages, 1):
        page = pdf.obj(ref)
        mcids = check_content(pdf, number, ref, page)
        mapped = pdf.obj(tree.get(page.get("/StructParents"))) or []
        for mcid in mcids:
            if mcid >= len(mapped) or not mapped[mcid] or mapped[mcid] == "null":
                pdf.error(f"sida {number}, objekt {ref}",
                          f"MCID {mcid} saknas i ParentTree", "01-007")
        for a in pdf.obj(page.get("/Annots")) or []:
            annot = pdf.obj(a) or {}
            annots[a] = annot
            if annot.get("/Subtype") != "/Link":
                continue
            w = f"sida {number}, objekt {a}"
            if "/StructParent" not in annot:
                pdf.error(w, "länkannoteringen saknar /StructParent", "28-011")
            if not annot.get("/Contents"):
                pdf.error(w, "länkannoteringen saknar /Contents (vad länken säger)", "28-004")

    objr = check_structure(pdf, root, page_of, annots)
    for a, annot in annots.items():
        if annot.get("/Subtype") == "/Link" and a not in objr:
            page = next((page_of[p] for p in pages
                         if a in (pdf.obj((pdf.obj(p) or {}).get("/Annots")) or [])), "?")
            pdf.error(f"sida {page}, objekt {a}",
                      "länkannoteringen har ingen OBJR i ett Link-element", "28-011")

    for key, o in pdf.objects.items():
        v = o.get("value")
        if not isinstance(v, dict) or v.get("/Type") != "/Font":
            continue
        ref = key[4:]
        if v.get("/Subtype") == "/Type0":
            if "/ToUnicode" not in v:
                pdf.error(f"objekt {ref}", "typsnittet saknar /ToUnicode", "31-027")
            desc = pdf.obj((v.get("/DescendantFonts") or [None])[0]) or {}
            fd = pdf.obj(desc.get("/FontDescriptor")) or {}
        else:
            fd = pdf.obj(v.get("/FontDescriptor")) or {}
        if not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            pdf.error(f"objekt {ref}", f"typsnittet {v.get('/BaseFont', '?')} är inte inbäddat",
                      "31-001")
    return pdf.errors


def main(paths):
    if not paths:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("användning: python3 scripts/kontrollera-pdf.py fil.pdf [fil.pdf …]",
              file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        try:
            errors = check(path)
        except (RuntimeError, OSError, ValueError) as e:
            print(f"{path}: kan inte läsas: {e}", file=sys.stderr)
            return 2
        for e in errors:
            print(e)
        failed = failed or bool(errors)
        if not errors:
            print(f"{path}: inga fel")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
