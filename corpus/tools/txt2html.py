#!/usr/bin/env python3
"""Turn a corpus .txt report into HTML for rendering (LibreOffice -> docx/pdf, Chromium -> pdf).

Conventions of the corpus .txt (the TextReader reads the same ones):
  - every non-empty line is a paragraph; `**x**` is emphasis;
  - consecutive lines starting with `|` are a table; a `|---|` line ends the header rows;
    a cell holding only `<` is merged into the cell on its left, `^` into the cell above.
A sidecar NNN.hf (lines `header: TEXT`, `footer: pages|dash`) adds running headers/footers.
"""
import html, re, sys

src, dst, mode = sys.argv[1], sys.argv[2], sys.argv[3]  # mode: lo | chrome
hf = {}
try:
    for line in open(src[:-4] + ".hf", encoding="utf-8"):
        if ":" in line:
            k, v = line.split(":", 1)
            hf[k.strip()] = v.strip()
except FileNotFoundError:
    pass

def inline(s):
    s = html.escape(s)
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)

def table(rows):
    grid = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows if not re.match(r"^\|[\s:|-]+\|?\s*$", r)]
    out = ['<table border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse;width:100%">']
    for i, row in enumerate(grid):
        out.append("<tr>")
        for j, cell in enumerate(row):
            if cell in ("<", "^"):
                continue
            cs = 1
            while j + cs < len(row) and row[j + cs] == "<":
                cs += 1
            rs = 1
            while i + rs < len(grid) and j < len(grid[i + rs]) and grid[i + rs][j] == "^":
                rs += 1
            attrs = (f' colspan="{cs}"' if cs > 1 else "") + (f' rowspan="{rs}"' if rs > 1 else "")
            out.append(f"<td{attrs}>{inline(cell)}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)

lines = open(src, encoding="utf-8").read().splitlines()
body, i = [], 0
while i < len(lines):
    if lines[i].lstrip().startswith("|"):
        j = i
        while j < len(lines) and lines[j].lstrip().startswith("|"):
            j += 1
        body.append(table(lines[i:j]))
        i = j
        continue
    if lines[i].strip():
        body.append(f"<p>{inline(lines[i].strip())}</p>")
    i += 1

font = "'Noto Serif CJK SC','Noto Sans CJK SC',serif"
css = f"body{{font-family:{font};font-size:12pt}} p{{text-align:justify;margin:0 0 6pt 0;text-indent:2em}} td{{font-size:10.5pt}}"
header = footer = ""
if mode == "chrome":
    page = "@page{size:A4;margin:25mm 20mm;"
    if "header" in hf:
        page += '@top-center{content:"%s";font-size:9pt}' % hf["header"]
    if hf.get("footer") == "pages":
        page += '@bottom-center{content:"第 " counter(page) " 页 共 " counter(pages) " 页";font-size:9pt}'
    elif hf.get("footer") == "dash":
        page += '@bottom-center{content:"— " counter(page) " —";font-size:9pt}'
    css += page + "}"
else:
    if "header" in hf:
        header = f'<div title="header"><p style="text-align:center">{html.escape(hf["header"])}</p></div>'
    if hf.get("footer") == "pages":
        footer = ('<div title="footer"><p style="text-align:center">第 <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> 页 共 '
                  '<sdfield type=DOCSTAT subtype=PAGE format=PAGE>1</sdfield> 页</p></div>')
    elif hf.get("footer") == "dash":
        footer = '<div title="footer"><p style="text-align:center">— <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> —</p></div>'

with open(dst, "w", encoding="utf-8") as f:
    f.write(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title></title><style>{css}</style></head><body>{header}{footer}\n')
    f.write("\n".join(body))
    f.write("\n</body></html>\n")
