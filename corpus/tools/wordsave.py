#!/usr/bin/env python3
"""Makes a .docx look as Microsoft Word saves it: w:lastRenderedPageBreak where each page begins.

Word records, on save, where it last broke pages (w:lastRenderedPageBreak), plus rsid attributes,
proofing marks and the _GoBack bookmark. LibreOffice writes none of these, so the corpus .docx files
carry no pages. This script takes the LibreOffice .docx and the PDF LibreOffice printed from it
(same layout), aligns the text of both, and writes a copy with a page mark before the first
character of every new page, inside its run, as Word does. The PDF is the page truth: a test checks
that the reader puts each figure of the result on the page the PDF shows it on.

usage: wordsave.py DOCX PDF OUT [HF]     (needs poppler-utils: pdftotext, pdfinfo)
"""
import difflib, random, re, subprocess, sys, zipfile

def pdf_pages(pdf, hf):
    header = None
    if hf:
        for line in open(hf, encoding="utf-8"):
            if line.startswith("header:"):
                header = re.sub(r"\s", "", line.split(":", 1)[1])
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    stream = []  # (char, page)
    for n in range(1, count + 1):
        text = subprocess.run(["pdftotext", "-raw", "-f", str(n), "-l", str(n), pdf, "-"],
                              capture_output=True, text=True, check=True).stdout
        for line in text.splitlines():
            flat = re.sub(r"\s", "", line)
            # running headers and page footers are not body text
            if not flat or flat == header or re.fullmatch(r"第\d+页共\d+页|[—-]\d+[—-]|\d+", flat):
                continue
            stream.extend((c, n) for c in flat)
    return stream

TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")

def unescape(s):
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")

def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def main(docx, pdf, out, hf=None):
    with zipfile.ZipFile(docx) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    nodes = [(m, unescape(m.group(1))) for m in TEXT.finditer(xml)]
    chars = [(ni, ci) for ni, (_, t) in enumerate(nodes) for ci, c in enumerate(t) if not c.isspace()]
    body = "".join(nodes[ni][1][ci] for ni, ci in chars)
    stream = pdf_pages(pdf, hf)
    matcher = difflib.SequenceMatcher(None, body, "".join(c for c, _ in stream), autojunk=False)
    page = [0] * len(body)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            page[a + k] = stream[b + k][1]
    current, breaks = 1, {}  # node -> [char index where a page begins]
    for i, p in enumerate(page):
        if p > current:  # pages only move forward; an unmatched char stays on the page before it
            current = p
            ni, ci = chars[i]
            breaks.setdefault(ni, []).append(ci)
    pieces, last = [], 0
    for ni, (m, text) in enumerate(nodes):
        pieces.append(xml[last:m.start()])
        cuts = sorted({0, len(text), *breaks.get(ni, [])})
        out_nodes = []
        for k in range(len(cuts) - 1):
            if cuts[k] in breaks.get(ni, []):
                out_nodes.append("<w:lastRenderedPageBreak/>")
            piece = text[cuts[k]:cuts[k + 1]]
            if piece:
                out_nodes.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
        pieces.append("".join(out_nodes))
        last = m.end()
    pieces.append(xml[last:])
    xml = "".join(pieces)
    # What else Word leaves in a saved file: revision ids, proofing marks, the _GoBack bookmark.
    rnd = random.Random(docx)
    rsid = lambda: "00%06X" % rnd.randrange(1 << 24)
    xml = re.sub(r"<w:p>", lambda _: f'<w:p w:rsidR="{rsid()}" w:rsidRDefault="{rsid()}">', xml)
    xml = re.sub(r"(<w:r>)", lambda m: ('<w:proofErr w:type="gramStart"/>' if rnd.random() < 0.05 else "") + m.group(1), xml)
    xml = re.sub(r"(<w:sectPr)", r'<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>\1', xml, count=1)
    parts["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    print(f"{out}: {sum(len(v) for v in breaks.values())} page marks, {len(stream and {p for _, p in stream})} pages")

if __name__ == "__main__":
    main(*sys.argv[1:])
