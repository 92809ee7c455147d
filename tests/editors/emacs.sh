#!/usr/bin/env bash
# emacs.sh DDLINT
#
# Emacs must put point on the right character of a non-ASCII line when
# M-x compile runs ddlint the way README documents it:
#   ddlint --column-unit=char --no-snippet --color=never FILE
# with compilation-error-screen-columns nil.  The fixture has Japanese text
# and an emoji before a placeholder, so bytes, characters, UTF-16 units and
# screen columns all differ there; only characters, read as characters,
# land on the 'T' of TBD.  The checks, in a real *compilation* buffer:
#  - every error line is an error, every warning line a warning, and every
#    note line (the questions a missing area should answer, printed under
#    its diagnostic) is info, which next-error skips (compilation-skip-
#    threshold 1, the default), so notes are kept, as context, and are never
#    stops; nothing else in the buffer (header, summary line) is a message;
#  - next-error stops once at each location holding an error or warning
#    (Emacs visits a location once however many messages share it), never
#    on a note, and at the TBD warning point is on the T of TBD;
#  - with compilation-error-screen-columns t, the default, point is NOT on
#    the T: Emacs counts screen columns, two for each CJK character and the
#    emoji.  That is why README sets it, and this proves the fixture tells
#    the two apart;
#  - the value made buffer-local in the visited file's buffer (as a
#    markdown-mode hook would) wins over the global t, as README suggests.
#
# A missing emacs fails the test: CI installs it (scripts/install-deps).
set -euo pipefail
[ $# = 1 ] || { echo "usage: emacs.sh DDLINT" >&2; exit 2; }
# Absolute: compile runs in the fixture's directory.
ddlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
if ! command -v emacs >/dev/null; then
  echo "FAIL: emacs is not installed (the editors tests need it; see scripts/install-deps)"
  exit 1
fi
# A UTF-8 locale, as users have: Emacs decodes the file and ddlint's output by it.
export LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The fixture, as in vim.sh: line 5 has Japanese text and an emoji before
# TBD; TBD appears nowhere else.  ddlint also reports missing areas, each
# with note lines, at the heading.
printf '%s' '# Design

## Deep dive

日本語のテキスト 🎉 ここに TBD があります。
' >"$work/design.md"
tbd_line=$(grep -n TBD "$work/design.md" | cut -d: -f1)
text=$(sed -n "${tbd_line}p" "$work/design.md")
prefix=${text%%TBD*}
tbd_char_col=$((${#prefix} + 1))   # characters, in this UTF-8 locale

# The documented command, but for the path to the binary under test.
cmd="$(printf '%q' "$ddlint") --column-unit=char --no-snippet --color=never design.md"
# What it prints, read without Emacs: TBD where we computed, note lines
# present (or nothing tests them), and how many diagnostics are not notes
# (the JSON output counts every diagnostic; this fixture has no
# note-severity ones, so errors and warnings).
(cd "$work" && eval "$cmd" >"$work/output" 2>&1) || true
if ! grep -q "^design.md:$tbd_line:$tbd_char_col: warning: placeholder 'TBD'" "$work/output"; then
  echo "FAIL: ddlint does not report TBD at $tbd_line:$tbd_char_col (characters):"
  cat "$work/output"
  exit 1
fi
grep -q ': note: .* should answer: ' "$work/output" ||
  { echo "FAIL: ddlint printed no note lines; the fixture no longer tests them"; exit 1; }
want=$(cd "$work" && "$ddlint" --format=json design.md 2>/dev/null | grep -c '^ *"rule": ') || true
have=$(grep -cE '^design\.md:[0-9]+:[0-9]+: (error|warning): ' "$work/output") || true
[ "$want" = "$have" ] ||
  { echo "FAIL: $have error and warning lines in the text output, $want diagnostics in JSON"; exit 1; }

# The Emacs side.  Failures go to $work/result, one a line; the last line
# is PASS only if all held.
cat >"$work/check.el" <<'ELISP'
;;; -*- lexical-binding: t -*-
(require 'compile)
(require 'cl-lib)
(require 'seq)
(defvar fails nil)
(defun fail (fmt &rest args) (push (apply #'format fmt args) fails))

(defconst dir (file-name-as-directory (getenv "WORK")))
(defconst fixture (expand-file-name "design.md" dir))
(defconst tbd-line (string-to-number (getenv "TBD_LINE")))
(defconst want-count (string-to-number (getenv "WANT_COUNT")))
(defconst msg-re "^design\\.md:\\([0-9]+\\):\\([0-9]+\\): \\(error\\|warning\\|note\\): ")

(defun run-compile ()
  "Run the command with M-x compile in the fixture's directory; its buffer."
  (let* ((default-directory dir)
         (buf (compile (getenv "CMD")))
         (deadline (+ (float-time) 60)))
    (while (and (get-buffer-process buf) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (when (get-buffer-process buf) (fail "ddlint did not finish in 60 s"))
    buf))

(defun check-messages (buf)
  "Each diagnostic line is a message of its severity's type, notes info."
  (with-current-buffer buf
    ;; Parse it all now (compile.el parses lazily, as it is displayed;
    ;; next-error does the same for what it moves over).
    (compilation--ensure-parse (point-max))
    (let ((count 0) (locs nil) (bad nil))
      (goto-char (point-min))
      (while (not (eobp))
        (let* ((line (buffer-substring (point) (line-end-position)))
               (msg (get-text-property (point) 'compilation-message))
               (type (and msg (compilation--message->type msg)))
               (want (and (string-match msg-re line)
                          (cdr (assoc (match-string 3 line)
                                      '(("error" . 2) ("warning" . 1) ("note" . 0)))))))
          (unless (eql type want)
            (push (format "compilation type %S (2 error, 1 warning, 0 info), expected %S: %s"
                          type want line)
                  bad))
          (when (memql want '(1 2))
            (cl-incf count)
            (cl-pushnew (cons (match-string 1 line) (match-string 2 line)) locs
                        :test #'equal)))
        (forward-line 1))
      ;; The first few are enough to see what went wrong.
      (setq bad (nreverse bad))
      (dolist (b (seq-take bad 3)) (fail "%s" b))
      (when (> (length bad) 3) (fail "... and %d more such lines" (- (length bad) 3)))
      (unless (= count want-count)
        (fail "%d error and warning messages, expected %d" count want-count))
      (length locs))))

(defun stops (buf)
  "Go through the errors with next-error: each stop as (LINE CHAR LOOKING-AT-TBD TEXT)."
  (let ((result nil))
    (with-current-buffer buf (goto-char (point-min)))
    (setq next-error-last-buffer buf)
    (catch 'done
      (dotimes (_ 100)
        (condition-case nil (next-error)
          (user-error (throw 'done nil)))
        (let* ((fbuf (get-file-buffer fixture))
               (win (and fbuf (get-buffer-window fbuf)))
               (text (with-current-buffer buf
                       (save-excursion
                         (goto-char compilation-current-error)
                         (buffer-substring (line-beginning-position) (line-end-position))))))
          (if (not win)
              (push (list nil nil nil text) result)
            (with-current-buffer fbuf
              (save-excursion
                (goto-char (window-point win))
                (push (list (line-number-at-pos) (char-after) (looking-at "TBD") text)
                      result)))))))
    (nreverse result)))

(defun tbd-stop (label screen-columns local)
  "Compile; check the messages; go through the stops; the stop for TBD."
  (dolist (b (list (get-buffer "*compilation*") (get-file-buffer fixture)))
    (when b (let ((kill-buffer-query-functions nil)) (kill-buffer b))))
  (setq-default compilation-error-screen-columns screen-columns)
  (when local
    (with-current-buffer (find-file-noselect fixture)
      (setq-local compilation-error-screen-columns (car local))))
  (let* ((buf (run-compile))
         (nlocs (check-messages buf))
         (all (stops buf))
         (tbd (cl-remove-if-not (lambda (s) (string-match-p "placeholder 'TBD'" (nth 3 s))) all)))
    (dolist (s all)
      (unless (car s) (fail "%s: next-error did not show design.md for: %s" label (nth 3 s)))
      (when (string-match-p ": note: " (nth 3 s))
        (fail "%s: next-error stopped on a note: %s" label (nth 3 s))))
    (unless (= (length all) nlocs)
      (fail "%s: next-error stopped %d times, expected %d (once per location of an error or warning)"
            label (length all) nlocs))
    (if (= (length tbd) 1)
        (car tbd)
      (fail "%s: next-error stopped %d times at the TBD warning, expected once" label (length tbd))
      nil)))

(condition-case err
    (progn
      ;; Documented: compilation-error-screen-columns nil (and
      ;; compilation-first-column 1, the default: ddlint counts from 1).
      (let ((s (tbd-stop "screen-columns nil" nil nil)))
        (when (and s (not (and (eql (nth 0 s) tbd-line) (eql (nth 1 s) ?T) (nth 2 s))))
          (fail "screen-columns nil: point at line %S on %S, not on the T of TBD (line %d)"
                (nth 0 s) (and (nth 1 s) (string (nth 1 s))) tbd-line)))
      ;; The default, t: must miss, or the fixture proves nothing.
      (let ((s (tbd-stop "screen-columns t" t nil)))
        (when (and s (eql (nth 1 s) ?T) (nth 2 s))
          (fail "screen-columns t also lands on the T of TBD: the fixture does not tell screen columns from characters")))
      ;; Global t, but nil buffer-local in the visited file: that wins.
      (let ((s (tbd-stop "screen-columns t, nil in design.md" t '(nil))))
        (when (and s (not (and (eql (nth 0 s) tbd-line) (eql (nth 1 s) ?T) (nth 2 s))))
          (fail "screen-columns t, nil local to design.md: point at line %S on %S, not on the T of TBD"
                (nth 0 s) (and (nth 1 s) (string (nth 1 s)))))))
  (error (fail "Emacs error: %S" err)))

(with-temp-file (getenv "RESULT")
  (dolist (f (reverse fails)) (insert f "\n"))
  (unless fails (insert "PASS\n")))
(kill-emacs (if fails 1 0))
ELISP

# --batch -Q: no init file, no site files, nothing but compile.el.
if ! WORK="$work" CMD="$cmd" TBD_LINE="$tbd_line" WANT_COUNT="$want" RESULT="$work/result" \
     emacs --batch -Q -l "$work/check.el" >"$work/emacs.log" 2>&1 ||
   [ "$(tail -n 1 "$work/result" 2>/dev/null)" != PASS ]; then
  echo "FAIL: Emacs, running: $cmd"
  sed 's/^/  /' "$work/result" 2>/dev/null || { echo "  (Emacs wrote no result; its output:)"; sed 's/^/  /' "$work/emacs.log"; }
  echo "  ddlint output:"
  sed 's/^/    /' "$work/output"
  exit 1
fi
echo "emacs: next-error puts point on the T of TBD (line $tbd_line, char col $tbd_char_col) with compilation-error-screen-columns nil, not with t; notes are info, never stops"
