#!/usr/bin/env python3
"""Helper for generate.sh (python3 standard library only).

  synth.py prepare WORKDIR SEED PASSES FONTFILE... -- SOURCE...
      Clean the source texts, wrap them like a printed page, cut the wrapped
      lines into small blocks and write one render job per block:
        WORKDIR/jobs/NNNNN.src   the block's clean lines (UTF-8, NFC, one per line)
        WORKDIR/jobs/NNNNN.args  the full `convert` argv, NUL-separated
        WORKDIR/jobs/NNNNN.meta  font / size / density / distortions, for the record
        WORKDIR/jobs.list        the job ids, one a line
  synth.py align WORKDIR OUT.tsv BANNERFILE
      Align each block's OCR output (WORKDIR/jobs/NNNNN.txt) back to its source
      lines and write `clean<TAB>ocr` pairs after the banner.

Everything random comes from random.Random(SEED), so the job list (and thus the
images, since ImageMagick gets `-seed` too) is the same on every run.
"""

import difflib
import os
import random
import re
import sys
import textwrap
import unicodedata

# Wrap width (characters) of each pass: every pass re-renders the whole text with
# another line breaking and other random render settings.
PASS_WIDTHS = [80, 76, 84, 72, 88, 78, 82, 74]
BLOCK_LINES = (10, 18)          # wrapped lines per rendered image (inclusive range)
POINT_SIZES = [10, 11, 11, 12, 12, 13]
DENSITIES = [150, 200, 200, 250, 300]
# Weights of the fonts in the order generate.sh passes them (Liberation Serif,
# Liberation Sans, DejaVu Serif, DejaVu Sans): official Vietnamese documents are
# set in Times New Roman, which Liberation Serif matches.
FONT_WEIGHTS = [3, 1, 2, 1]
MIN_RATIO = 0.55                # keep a pair only if fold(clean) ~ lower(ocr) this much


def clean_text(raw):
    """Source markdown -> list of paragraphs (plain text, NFC)."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("**", "")      # bold markers
    text = text.replace("*", "")       # italic markers (the sources use no literal '*')
    paras = []
    # paragraphs are separated by blank lines; a hard-wrapped paragraph is joined
    for block in re.split(r"\n\s*\n", text):
        para = re.sub(r"\s+", " ", block).strip()
        if para:
            paras.append(para)
    return paras


def wrap(paras, width):
    out = []
    for p in paras:
        out.extend(textwrap.wrap(p, width=width, break_long_words=False, break_on_hyphens=False))
    return out


def im_escape(s):
    # ImageMagick label: interprets '\' escapes and '%' format escapes; a leading
    # '@' would mean "read the text from a file".
    s = s.replace("\\", "\\\\").replace("%", "%%")
    if s.startswith("@"):
        s = "\\" + s
    return s


def render_settings(rng):
    """Random render + degradation settings for one block.

    profile  clean : mild grey blur / noise (a good print, well scanned)
             soft  : stronger blur and grey noise
             scan  : blur then binarise (threshold): strokes thin out, marks get
                     eroded or lost, as in a black-and-white office scan
             lowres: rendered at 300 dpi, shrunk to 35-50 % (an effective
                     105-150 dpi scan), optionally binarised, scaled back up
    """
    profile = rng.choices(["clean", "soft", "scan", "lowres"], weights=[30, 25, 30, 15])[0]
    st = {
        "profile": profile,
        "font": None,  # filled by caller
        "pointsize": rng.choice(POINT_SIZES),
        "density": rng.choice(DENSITIES),
        "rotate": round(rng.uniform(-1.2, 1.2), 2) if rng.random() < 0.5 else 0.0,
        "blur": 0.0, "noise": 0.0, "threshold": 0, "scale": 0,
        "jpeg": rng.choice([35, 50, 70]) if rng.random() < 0.25 else 0,
        "imseed": rng.randrange(1, 2**31),
    }
    if profile == "clean":
        st["blur"] = rng.choice([0.0, 0.0, 0.4, 0.6])
        st["noise"] = rng.choice([0.0, 0.0, 0.2, 0.3])
    elif profile == "soft":
        st["blur"] = round(rng.uniform(0.6, 1.1), 2)
        st["noise"] = round(rng.uniform(0.2, 0.7), 2)
    elif profile == "scan":
        st["blur"] = round(rng.uniform(0.7, 1.5), 2)
        st["noise"] = rng.choice([0.0, 0.0, 0.2, 0.3])
        st["threshold"] = rng.randint(50, 62)
    else:
        st["density"] = 300
        st["scale"] = rng.choice([35, 40, 45, 50])
        st["blur"] = rng.choice([0.0, 0.5])
        st["threshold"] = rng.choice([0, 50, 55])
    return st


def convert_argv(lines, st, out_png):
    argv = ["-density", str(st["density"]), "-font", st["font"], "-pointsize", str(st["pointsize"]),
            "-background", "white", "-fill", "black",
            # one label per line, stacked: a single multi-line label fails in
            # ImageMagick 6 ("width or height exceeds limit") for long blocks
            *["label:" + im_escape(line) for line in lines],
            "-append", "+repage",
            "-bordercolor", "white", "-border", str(st["density"] // 5)]
    if st["rotate"]:
        argv += ["-rotate", str(st["rotate"])]
    argv += ["-flatten", "-colorspace", "Gray", "-seed", str(st["imseed"])]
    if st["scale"]:
        argv += ["-resize", "%d%%" % st["scale"]]
    if st["blur"]:
        argv += ["-blur", "0x%s" % st["blur"]]
    if st["noise"]:
        argv += ["-attenuate", str(st["noise"]), "+noise", "Gaussian"]
    if st["threshold"]:
        argv += ["-threshold", "%d%%" % st["threshold"]]
    if st["scale"]:
        argv += ["-resize", "%.4f%%" % (100.0 * 100.0 / st["scale"])]
    if st["jpeg"]:
        # a lossy round trip, like a scanner's JPEG
        argv += ["-quality", str(st["jpeg"]), "-write", out_png[:-4] + ".jpg", "+delete",
                 out_png[:-4] + ".jpg"]
    argv += ["-depth", "8", out_png]
    return argv


def cmd_prepare(args):
    workdir, seed, passes = args[0], int(args[1]), int(args[2])
    sep = args.index("--")
    fonts, sources = args[3:sep], args[sep + 1:]
    for s in sources:
        base = os.path.basename(s)
        if base.startswith("000_") or base.startswith("004_"):
            sys.exit("refusing held-out source %s" % s)
    rng = random.Random(seed)
    paras = []
    for s in sources:
        with open(s, encoding="utf-8") as fh:
            paras.extend(clean_text(fh.read()))
    jobdir = os.path.join(workdir, "jobs")
    os.makedirs(jobdir, exist_ok=True)
    ids = []
    n = 0
    for p in range(passes):
        width = PASS_WIDTHS[p % len(PASS_WIDTHS)]
        lines = wrap(paras, width)
        i = 0
        while i < len(lines):
            k = rng.randint(*BLOCK_LINES)
            block = lines[i:i + k]
            i += k
            st = render_settings(rng)
            st["font"] = rng.choices(fonts, weights=FONT_WEIGHTS[:len(fonts)])[0]
            jid = "%05d" % n
            n += 1
            png = os.path.join(jobdir, jid + ".png")
            with open(os.path.join(jobdir, jid + ".src"), "w", encoding="utf-8") as fh:
                fh.write("\n".join(block) + "\n")
            with open(os.path.join(jobdir, jid + ".args"), "wb") as fh:
                fh.write(b"\0".join(a.encode("utf-8") for a in convert_argv(block, st, png)) + b"\0")
            with open(os.path.join(jobdir, jid + ".meta"), "w", encoding="utf-8") as fh:
                meta = dict(st, width=width, font=os.path.basename(st["font"]), lines=len(block), pass_=p)
                fh.write(" ".join("%s=%s" % kv for kv in sorted(meta.items())) + "\n")
            ids.append(jid)
    with open(os.path.join(workdir, "jobs.list"), "w") as fh:
        fh.write("\n".join(ids) + "\n")
    print("prepared %d blocks from %d paragraphs (%d passes)" % (len(ids), len(paras), passes))


def fold(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def sim(clean, ocr):
    return difflib.SequenceMatcher(None, fold(clean), ocr.lower(), autojunk=False).ratio()


def tidy(s):
    s = unicodedata.normalize("NFC", s)
    s = re.sub(r"[\t\r\n\f\v]+", " ", s)
    return re.sub(r" {2,}", " ", s).strip()


def align_block(src, ocr):
    """Monotone alignment of source lines to OCR lines; returns [(clean, ocr)]."""
    if len(src) == len(ocr):
        return [(a, b) for a, b in zip(src, ocr) if sim(a, b) >= MIN_RATIO]
    # DP: match (score ratio - MIN_RATIO, only if positive) or skip either side (0).
    n, m = len(src), len(ocr)
    S = [[sim(a, b) for b in ocr] for a in src]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            cands = []
            if i > 0:
                cands.append((best[i - 1][j], "u"))
            if j > 0:
                cands.append((best[i][j - 1], "l"))
            if i > 0 and j > 0 and S[i - 1][j - 1] >= MIN_RATIO:
                cands.append((best[i - 1][j - 1] + S[i - 1][j - 1] - MIN_RATIO + 1.0, "d"))
            best[i][j], back[i][j] = max(cands)
    out = []
    i, j = n, m
    while i > 0 or j > 0:
        mv = back[i][j]
        if mv == "d":
            out.append((src[i - 1], ocr[j - 1]))
            i, j = i - 1, j - 1
        elif mv == "u":
            i -= 1
        else:
            j -= 1
    return out[::-1]


def cmd_align(args):
    workdir, out_path, banner_path = args
    with open(os.path.join(workdir, "jobs.list")) as fh:
        ids = [x for x in fh.read().split() if x]
    pairs = []
    stats = {"blocks": 0, "blocks_equal": 0, "blocks_dp": 0, "blocks_missing": 0,
             "src_lines": 0, "dropped_lines": 0}
    for jid in ids:
        base = os.path.join(workdir, "jobs", jid)
        with open(base + ".src", encoding="utf-8") as fh:
            src = [tidy(x) for x in fh.read().split("\n") if x.strip()]
        stats["blocks"] += 1
        stats["src_lines"] += len(src)
        if not os.path.exists(base + ".txt"):
            stats["blocks_missing"] += 1
            stats["dropped_lines"] += len(src)
            continue
        with open(base + ".txt", encoding="utf-8", errors="replace") as fh:
            ocr = [tidy(x) for x in fh.read().split("\n")]
        ocr = [x for x in ocr if x]
        stats["blocks_equal" if len(src) == len(ocr) else "blocks_dp"] += 1
        got = align_block(src, ocr)
        stats["dropped_lines"] += len(src) - len(got)
        pairs.extend(got)
    syll = sum(1 for c, _ in pairs for t in c.split() if any(ch.isalpha() for ch in t))
    with open(banner_path, encoding="utf-8") as fh:
        banner = fh.read().rstrip("\n").split("\n")
    banner.append("pairs: %d; clean syllables (alphabetic tokens): %d; source lines dropped by alignment: %d of %d"
                  % (len(pairs), syll, stats["dropped_lines"], stats["src_lines"]))
    banner.append("columns: clean<TAB>ocr (both NFC, one wrapped printed line each)")
    with open(out_path, "w", encoding="utf-8", newline="\n") as fh:
        for b in banner:
            fh.write("# " + b + "\n" if b else "#\n")
        for c, o in pairs:
            fh.write(c + "\t" + o + "\n")
    print("aligned: %s" % " ".join("%s=%d" % kv for kv in stats.items()))
    print("pairs=%d syllables=%d -> %s (%d bytes)" % (len(pairs), syll, out_path, os.path.getsize(out_path)))


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("prepare", "align"):
        sys.exit(__doc__)
    {"prepare": cmd_prepare, "align": cmd_align}[sys.argv[1]](sys.argv[2:])
