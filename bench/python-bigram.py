#!/usr/bin/env python3
"""A plain syllable-bigram Viterbi diacritic restorer, the baseline for the speed comparison.

usage: python3 bench/python-bigram.py --train CLEAN.txt [CLEAN.txt ...] < input > output

Standard library only. Trains an interpolated Witten-Bell bigram over lower-cased syllables
(sentences end at a line end or . ! ? ; :), with an add-one unigram below it. A word's candidates
are the forms seen in training with the same letters once marks are stripped; each line is decoded
by Viterbi over those candidates. Unknown words and everything that is not a letter pass through;
each output letter takes the case of the input letter.
"""
import argparse
import io
import math
import re
import sys
import unicodedata

WORD = re.compile(r"[^\W\d_]+")  # a run of letters
STOP = re.compile(r"[.!?;:]")  # sentence punctuation between two words starts a new sentence
BOS, EOS = "<s>", "</s>"


def strip(word):
    """Remove every combining mark (tones, circumflex, breve, horn) and map đ to d."""
    decomposed = unicodedata.normalize("NFD", word)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return kept.replace("đ", "d").replace("Đ", "D")


def sentences(line):
    """The words of a line as (match, ...) lists, one list per sentence."""
    out, current, last = [], [], 0
    for m in WORD.finditer(line):
        if current and STOP.search(line, last, m.start()):
            out.append(current)
            current = []
        current.append(m)
        last = m.end()
    if current:
        out.append(current)
    return out


class Model:
    def __init__(self, paths):
        uni, bi = {}, {}
        for path in paths:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    for sent in sentences(unicodedata.normalize("NFC", line)):
                        prev = BOS
                        for w in [m.group().lower() for m in sent] + [EOS]:
                            uni[w] = uni.get(w, 0) + 1
                            row = bi.setdefault(prev, {})
                            row[w] = row.get(w, 0) + 1
                            prev = w
        # add-one unigram (one extra slot for unseen words), in log space
        total, size = sum(uni.values()), len(uni) + 1
        self.uni = {w: math.log((c + 1) / (total + size)) for w, c in uni.items()}
        # Witten-Bell: P(w|v) = (c(v,w) + T(v) P(w)) / (c(v) + T(v)); T(v) = distinct followers of v.
        # Seen pairs get their log probability precomputed; unseen ones use the back-off weight
        # log(T(v) / (c(v) + T(v))) plus the unigram.
        self.bi, self.backoff = {}, {}
        for v, row in bi.items():
            cv, tv = sum(row.values()), len(row)
            self.backoff[v] = math.log(tv / (cv + tv))
            self.bi[v] = {w: math.log((c + tv * math.exp(self.uni[w])) / (cv + tv)) for w, c in row.items()}
        # candidates: every seen form, by its stripped letters
        self.cands = {}
        for w in uni:
            if w != EOS:
                self.cands.setdefault(strip(w), []).append(w)

    def logp(self, v, w):
        row = self.bi.get(v)
        if row is None:
            return self.uni[w]
        lp = row.get(w)
        return lp if lp is not None else self.backoff[v] + self.uni[w]

    def decode(self, words):
        """Viterbi over the candidates of each word; returns the best form per word (None: keep)."""
        lattice = [self.cands.get(strip(w).lower()) for w in words]
        scores = {BOS: 0.0}
        back = []
        for cands in lattice:
            if cands is None:  # unknown word: the chain goes on through it unchanged
                continue
            step, nxt = {}, {}
            for w in cands:
                best, arg = -math.inf, None
                for v, s in scores.items():
                    t = s + self.logp(v, w)
                    if t > best:
                        best, arg = t, v
                nxt[w], step[w] = best, arg
            back.append(step)
            scores = nxt
        best = max(scores, key=lambda v: scores[v] + self.logp(v, EOS))
        path = []
        for step in reversed(back):
            path.append(best)
            best = step[best]
        path.reverse()
        it = iter(path)
        return [None if cands is None else next(it) for cands in lattice]


def with_case(form, original):
    """Copy the case of each letter of the input word onto the restored form."""
    if original.islower():
        return form
    if len(form) != len(original):
        return form.upper() if original.isupper() else form
    return "".join(f.upper() if o.isupper() else f for f, o in zip(form, original))


def restore_line(model, line):
    out, pos = [], 0
    for sent in sentences(line):
        forms = model.decode([m.group() for m in sent])
        for m, form in zip(sent, forms):
            out.append(line[pos : m.start()])
            out.append(m.group() if form is None else with_case(form, m.group()))
            pos = m.end()
    out.append(line[pos:])
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", nargs="+", required=True, help="clean UTF-8 texts to learn from")
    args = ap.parse_args()
    model = Model(args.train)
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")
    stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    for line in stdin:
        stdout.write(restore_line(model, unicodedata.normalize("NFC", line)))
    stdout.flush()


if __name__ == "__main__":
    main()
