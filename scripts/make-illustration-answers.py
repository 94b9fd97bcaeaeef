#!/usr/bin/env python3
"""Skriver de ILLUSTRATIVA svaren i data/nationell-2019-illustration/.

Användning (utvecklarverktyg, körs aldrig av bygget eller testerna):

    python3 scripts/make-illustration-answers.py [datamapp] [utmapp]

datamapp är som standard data/nationell-2019, utmapp data/nationell-2019-illustration.

Socialstyrelsens rapport för 2019 publicerar ingen ja/nej-uppgift som datasetet saknar,
så frågan om en antagen handlingsplan är påhittad för att visa hur en analytiker lägger
till en egen fråga med svaren i en egen fil. Varje kommun som har svar i
svar-kommuner.yaml får ett svar; svaren slumpas med fast frö (samma utdata varje gång)
och är INTE verkliga.

Endast Pythons standardbibliotek används.
"""

import os
import random
import sys

SEED = 2019
SHARE_YES = 0.6


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "data/nationell-2019"
    out = sys.argv[2] if len(sys.argv) > 2 else "data/nationell-2019-illustration"
    names = []
    with open(os.path.join(data, "svar-kommuner.yaml"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("- mottagare:"):
                names.append(line[len("- mottagare:"):].strip())
    rng = random.Random(SEED)
    with open(os.path.join(out, "svar-handlingsplan.yaml"), "w", encoding="utf-8") as f:
        f.write("# ILLUSTRATIVA svar (se docs/data.md): rapporten publicerar ingen sådan uppgift.\n"
                "# Slumpade med fast frö, omkring 60 procent ja; de är inte verkliga. Svaren på\n"
                "# en fråga i en egen fil: de läggs till kommunernas övriga svar i\n"
                "# data/nationell-2019/svar-kommuner.yaml.\n"
                "# Genererad av scripts/make-illustration-answers.py – ändra i skriptet, inte här.\n"
                "svar:\n")
        for name in names:
            answer = "ja" if rng.random() < SHARE_YES else "nej"
            f.write("  - {mottagare: %s, svar: {kommuner_handlingsplan: %s}}\n" % (name, answer))


if __name__ == "__main__":
    main()
