"""The text Chromium printed into a PDF, read back without a PDF library (tests only).

Chromium (Skia) writes PDF 1.4 with plain objects, Flate-compressed streams and, for each font,
a ToUnicode map from glyph codes to text: enough to read back what a page printed.
"""
import re
import unicodedata
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _objects(pdf):
    found = {}
    for number, body in _OBJECT.findall(pdf):
        stream = _STREAM.search(body)
        data = b""
        if stream:
            try:
                data = zlib.decompress(stream.group(1))
            except zlib.error:
                data = b""
        found[int(number)] = (body[: stream.start()] if stream else body, data)
    return found


def _unicode_map(cmap):
    mapping = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        pairs = _HEX.findall(block)
        for source, target in zip(pairs[::2], pairs[1::2]):
            mapping[int(source, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        values = _HEX.findall(block)
        for first, last, target in zip(values[::3], values[1::3], values[2::3]):
            start = ord(bytes.fromhex(target.decode()).decode("utf-16-be"))
            for offset, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping


def pdf_pages_and_text(pdf):
    """(number of pages, the text of every page run together, without spaces or line breaks;
    ligatures such as 'ﬃ' read as their letters)."""
    objects = _objects(pdf)
    fonts = {}
    for head, _data in objects.values():
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", head):
            font_head = objects.get(int(number), (b"", b""))[0]
            to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", font_head)
            if to_unicode:
                fonts[name] = _unicode_map(objects[int(to_unicode.group(1))][1])
    text = []
    for _head, data in objects.values():
        if b" Tf" not in data:
            continue
        current = {}
        for font, string in re.findall(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)>", data):
            if font:
                current = fonts.get(font, {})
            else:
                codes = bytes.fromhex(string.decode())
                text.append("".join(current.get(int.from_bytes(codes[i:i + 2], "big"), "?") for i in range(0, len(codes), 2)))
    pages = len(re.findall(rb"/Type /Page\b", pdf))
    return pages, re.sub(r"\s+", "", unicodedata.normalize("NFKC", "".join(text)))
