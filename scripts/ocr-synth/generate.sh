#!/usr/bin/env bash
# Generate parallel (clean, OCR'd) Vietnamese lines for estimating the OCR noisy
# channel: render the clean TRAINING seeds (001-003 only) to page-like images with
# ImageMagick, OCR them with tesseract's ENGLISH model (as the real scanned report
# was), align the OCR lines back to their source lines, and write
# data/ocr-synth/pairs.tsv. See README.md beside this file.
#
# Usage: scripts/ocr-synth/generate.sh [OUT.tsv]
# Environment (all optional):
#   SEEDS_DIR  where the seed texts are        (default: <repo>/../shared/seeds)
#   PASSES     renderings of the whole text     (default: 6; each pass another wrap width)
#   SEED       random seed                      (default: 20240601)
#   JOBS       parallel render+OCR processes    (default: 2; each tesseract single-threaded)
#   KEEP_WORK  set to 1 to keep the work dir (images, raw OCR)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT="${1:-$REPO/data/ocr-synth/pairs.tsv}"
SEEDS_DIR="${SEEDS_DIR:-$REPO/../shared/seeds}"
PASSES="${PASSES:-6}"
SEED="${SEED:-20240601}"
JOBS="${JOBS:-2}"

# Training seeds only. 000 (benchmark held-out) and 004 (document to repair /
# blind evaluation) must never be used here.
SOURCES=(
  "$SEEDS_DIR/001_c59187114e89ad75.txt"
  "$SEEDS_DIR/002_8184ebce04ffb420.txt"
  "$SEEDS_DIR/003_24944383fa3360de.txt"
)

die() { echo "generate.sh: $*" >&2; exit 1; }

for s in "${SOURCES[@]}"; do [[ -r "$s" ]] || die "missing seed $s (set SEEDS_DIR)"; done
CONVERT="$(command -v magick || true)"
if [[ -z "$CONVERT" ]]; then
  # prefer the real ImageMagick binary over any stand-in earlier in PATH
  if [[ -x /usr/bin/convert ]]; then CONVERT=/usr/bin/convert; else CONVERT="$(command -v convert || true)"; fi
fi
[[ -n "$CONVERT" ]] || die "ImageMagick not found: apt-get install -y imagemagick"
command -v tesseract >/dev/null || die "tesseract not found: apt-get install -y tesseract-ocr tesseract-ocr-eng"
tesseract --list-langs 2>/dev/null | grep -qx eng || die "tesseract English model missing: apt-get install -y tesseract-ocr-eng"
command -v python3 >/dev/null || die "python3 not found"
command -v fc-list >/dev/null || die "fc-list not found: apt-get install -y fontconfig"

# Fonts, by file, and only if they have Vietnamese glyphs (ư ơ đ ệ): the old
# fonts-liberation 1.x lacks them and would render blanks, so Liberation must
# come from fonts-liberation2.
VI_FONTS="$(fc-list ':charset=1b0 1a1 111 1ec7' file | sed 's/: *$//')"
FONTS=()
for f in \
  /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf \
  /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf \
  /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf \
  /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf; do
  if [[ -r "$f" ]] && grep -qxF "$f" <<<"$VI_FONTS"; then FONTS+=("$f")
  else die "font $f missing or without Vietnamese glyphs: apt-get install -y fonts-liberation2 fonts-dejavu-core"; fi
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ocr-synth.XXXXXX")"
if [[ "${KEEP_WORK:-0}" == 1 ]]; then echo "work dir: $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi

start=$(date +%s)
python3 "$HERE/synth.py" prepare "$WORK" "$SEED" "$PASSES" "${FONTS[@]}" -- "${SOURCES[@]}"

# One job: render the block, OCR it. A failed job only loses its block.
export CONVERT WORK
export OMP_THREAD_LIMIT=1   # one thread per tesseract; parallelism comes from JOBS
job() {
  local id="$1" args
  mapfile -d '' -t args <"$WORK/jobs/$id.args"
  if "$CONVERT" "${args[@]}" 2>"$WORK/jobs/$id.err" &&
     tesseract "$WORK/jobs/$id.png" "$WORK/jobs/$id" -l eng --psm 6 2>>"$WORK/jobs/$id.err"; then
    rm -f "$WORK/jobs/$id.png" "$WORK/jobs/$id.jpg"
  else
    echo "job $id failed: $(head -c 300 "$WORK/jobs/$id.err")" >&2
  fi
}
export -f job
n=$(wc -l <"$WORK/jobs.list")
echo "rendering + OCR of $n blocks with $JOBS parallel job(s)..."
xargs -a "$WORK/jobs.list" -P "$JOBS" -I{} bash -c 'job "$1"' _ {}

TESS_VERSION="$(tesseract --version 2>&1 | head -1)"
IM_VERSION="$("$CONVERT" -version | head -1 | sed -e 's/^Version: //' -e 's/ *http[^ ]*//')"
FONT_NAMES="$(for f in "${FONTS[@]}"; do basename "$f" .ttf; done | paste -sd, - | sed 's/,/, /g')"
mkdir -p "$(dirname "$OUT")"
cat >"$WORK/banner" <<EOF
GENERATED FILE - do not edit. Regenerate by running scripts/ocr-synth/generate.sh (see scripts/ocr-synth/README.md).
Synthetic OCR noisy-channel pairs: clean Vietnamese line <TAB> the same line rendered to an image and OCR'd.
sources: shared/seeds 001_c59187114e89ad75.txt, 002_8184ebce04ffb420.txt, 003_24944383fa3360de.txt (training seeds only; never 000 or 004)
OCR: $TESS_VERSION, model eng (English, on purpose: reproduces the real report's noise), --psm 6
render: $IM_VERSION; fonts $FONT_NAMES
fonts weighted 3:1:2:1, sizes 10-13 pt, density 150-300 dpi; $PASSES passes over the text, wrapped at (in turn) 80/76/84/72/88/78/82/74 chars, cut in blocks of 10-18 lines
distortion profiles per block: clean 30% (blur <=0.6, light noise), soft 25% (blur 0.6-1.1, grey noise 0.2-0.7), scan 30% (blur 0.7-1.5 then threshold 50-62%), lowres 15% (300 dpi shrunk to 35-50%, maybe threshold, scaled back); rotation up to 1.2 deg on half the blocks; JPEG q35-70 on a quarter
random seed: $SEED; generated: $(date -u +%Y-%m-%d)
EOF
python3 "$HERE/synth.py" align "$WORK" "$OUT" "$WORK/banner"
echo "done in $(( $(date +%s) - start )) s"
