#!/usr/bin/env bash
# vim.sh DDLINT SRCDIR
#
# Vim must put the cursor on the right character of a non-ASCII line when
# it reads ddlint's text output with the compiler plugin we ship
# (SRCDIR/editors/vim/compiler/ddlint.vim, used as README documents it):
# the fixture has Japanese text and an emoji before a placeholder, so byte,
# character and screen columns all differ there and only the byte column
# (ddlint's default, Vim's %c) lands on the 'T' of TBD.  The output is read
# twice: with :cgetfile from ddlint run by hand with the plugin's options,
# and with :make, which runs the plugin's makeprg.  Each way, the quickfix
# list must hold one entry per diagnostic (the note lines that list a
# missing area's questions must not become entries of their own), all valid.
# A second run makes the placeholder rule's severity note (.ddlint.yaml) and
# checks that such a diagnostic stays an entry of its own, of type n.
#
# A missing vim fails the test: CI installs it (scripts/install-deps).
set -euo pipefail
[ $# = 2 ] || { echo "usage: vim.sh DDLINT SRCDIR" >&2; exit 2; }
# Absolute paths: the checks run from inside the temporary directory.
ddlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
srcdir=$(cd "$2" && pwd)
if ! command -v vim >/dev/null; then
  echo "FAIL: vim is not installed (the editors tests need it; see scripts/install-deps)"
  exit 1
fi
[ -f "$srcdir/editors/vim/compiler/ddlint.vim" ] ||
  { echo "FAIL: no $srcdir/editors/vim/compiler/ddlint.vim"; exit 1; }
# A UTF-8 locale, as users have; Vim is also told 'encoding=utf-8' below.
export LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

# The fixture: line 5 has Japanese text and an emoji before TBD; TBD
# appears nowhere else.  ddlint also reports missing areas, each with note
# lines, at the heading.
mkdir "$work/plain" "$work/noted"
fixture='# Design

## Deep dive

日本語のテキスト 🎉 ここに TBD があります。
'
printf '%s' "$fixture" >"$work/plain/design.md"
printf '%s' "$fixture" >"$work/noted/design.md"
printf 'severity:\n  hygiene/placeholder: note\n' >"$work/noted/.ddlint.yaml"

# Where TBD is, worked out without ddlint: the line, and the byte column
# (a prefix's length under LC_ALL=C counts bytes).
tbd_line=$(grep -n TBD "$work/plain/design.md" | cut -d: -f1)
text=$(sed -n "${tbd_line}p" "$work/plain/design.md")
prefix=${text%%TBD*}
tbd_col=$(LC_ALL=C; echo $((${#prefix} + 1)))
tbd_char_col=$((${#prefix} + 1))
# Without that difference the test would prove nothing.
[ "$tbd_col" != "$tbd_char_col" ] || { echo "FAIL: the fixture has no multibyte text before TBD"; exit 1; }

# The Vim side, one script for both runs: it reads the list :cgetfile
# makes, then the one :make makes, and checks each.  Failures go to
# $work/result, one a line; the last line is PASS only if all held
# (Vim in -es mode reports nothing on its own terminal).
cat >"$work/check.vim" <<'VIM'
set encoding=utf-8
let s:fail = []
function! s:Check(how) abort
  let l:qf = getqflist()
  let l:want = str2nr($WANT_COUNT)
  if len(l:qf) != l:want
    call add(s:fail, printf('%s: %d quickfix entries, expected %d (one per diagnostic)',
          \ a:how, len(l:qf), l:want))
  endif
  let l:hits = []
  let l:bad = []
  for l:i in range(len(l:qf))
    let l:e = l:qf[l:i]
    if !l:e.valid
      call add(l:bad, printf('entry %d is not a valid location: %s', l:i + 1, l:e.text))
    elseif l:e.text =~# 'should answer:'
      call add(l:bad, printf('entry %d is a note line: %s', l:i + 1, l:e.text))
    elseif index(split($WANT_TYPES, '\zs'), toupper(l:e.type)) < 0
      call add(l:bad, printf('entry %d has type "%s", expected one of %s: %s',
            \ l:i + 1, l:e.type, $WANT_TYPES, l:e.text))
    endif
    if l:e.text =~# "placeholder 'TBD'"
      call add(l:hits, l:i)
    endif
  endfor
  " The first few are enough to see what went wrong.
  for l:b in l:bad[: 2]
    call add(s:fail, a:how . ': ' . l:b)
  endfor
  if len(l:bad) > 3
    call add(s:fail, printf('%s: ... and %d more such entries', a:how, len(l:bad) - 3))
  endif
  if len(l:hits) != 1
    call add(s:fail, printf('%s: %d entries for the TBD placeholder, expected 1', a:how, len(l:hits)))
    return
  endif
  let l:e = l:qf[l:hits[0]]
  if toupper(l:e.type) !=# $WANT_TBD_TYPE
    call add(s:fail, printf('%s: the TBD entry has type "%s", expected %s', a:how, l:e.type, $WANT_TBD_TYPE))
  endif
  if l:e.lnum != str2nr($TBD_LINE) || l:e.col != str2nr($TBD_COL) || l:e.vcol
    call add(s:fail, printf('%s: the TBD entry is at line %d col %d (vcol %d), expected line %s byte col %s',
          \ a:how, l:e.lnum, l:e.col, l:e.vcol, $TBD_LINE, $TBD_COL))
  endif
  " What the entry points at in the file: col is a byte index.
  let l:text = get(readfile(bufname(l:e.bufnr)), l:e.lnum - 1, '')
  if strpart(l:text, l:e.col - 1, 3) !=# 'TBD'
    call add(s:fail, printf('%s: line %d from byte col %d reads "%s", not TBD',
          \ a:how, l:e.lnum, l:e.col, strpart(l:text, l:e.col - 1, 3)))
  endif
  " Where the cursor lands when Vim jumps to the entry.
  execute 'cc' (l:hits[0] + 1)
  let l:under = matchstr(getline('.'), '\%' . col('.') . 'c.')
  if line('.') != l:e.lnum || l:under !=# 'T' || strpart(getline('.'), col('.') - 1, 3) !=# 'TBD'
    call add(s:fail, printf('%s: :cc %d put the cursor at line %d col %d, on "%s", not on the T of TBD',
          \ a:how, l:hits[0] + 1, line('.'), col('.'), l:under))
  endif
endfunction

try
  " As README says: set runtimepath+=/path/to/ddlint/editors/vim
  execute 'set runtimepath+=' . fnameescape($SRCDIR . '/editors/vim')
  compiler ddlint
  if get(b:, 'current_compiler', '') !=# 'ddlint'
    call add(s:fail, ':compiler ddlint did not load the plugin from ' . $SRCDIR . '/editors/vim')
  endif
  execute 'cgetfile' fnameescape($OUTPUT)
  call s:Check(':cgetfile')
  " :make runs makeprg on the current file; make! does not jump by itself.
  edit design.md
  compiler ddlint
  silent make!
  call s:Check(':make (' . &makeprg . ')')
catch
  call add(s:fail, 'Vim error: ' . v:exception . ' at ' . v:throwpoint)
endtry
call writefile(s:fail + (empty(s:fail) ? ['PASS'] : []), $RESULT)
if empty(s:fail) | qall! | else | cquit | endif
VIM

# run DIR TYPES TBD_TYPE: ddlint in DIR as the plugin runs it, then Vim.
run() {
  local dir=$1 types=$2 tbd_type=$3 want
  # The plugin's options; stderr too, as :make captures it.
  (cd "$dir" && "$ddlint" --no-snippet --color=never --no-notes --quiet --column-unit=byte \
    design.md >"$dir/output" 2>&1) || true
  # One entry per diagnostic, of any severity: the JSON output counts them
  # (its notes are a field of their diagnostic, not diagnostics).
  want=$(cd "$dir" && "$ddlint" --format=json design.md 2>/dev/null | grep -c '^ *"rule": ') || true
  # The text with notes must have more lines than that, or nothing tests
  # that notes stay out of the list.
  (cd "$dir" && "$ddlint" --no-snippet --color=never design.md >"$dir/full" 2>/dev/null) || true
  if [ "$(grep -c ': note: .* should answer: ' "$dir/full")" = 0 ]; then
    fail "$dir: ddlint printed no note lines; the fixture no longer tests them"
  fi
  if ! grep -q "^design.md:$tbd_line:$tbd_col: .*placeholder 'TBD'" "$dir/output"; then
    fail "$dir: ddlint does not report TBD at $tbd_line:$tbd_col (byte):"
    cat "$dir/output"
  fi
  rm -f "$work/result"
  # -es: Ex mode, silent, no terminal; -N -u NONE -i NONE: no vimrc, no
  # viminfo, nothing but the plugin.  PATH: makeprg runs "ddlint".
  if ! (cd "$dir" && PATH="$(dirname "$ddlint"):$PATH" SRCDIR="$srcdir" OUTPUT="$dir/output" \
        RESULT="$work/result" WANT_COUNT="$want" WANT_TYPES="$types" WANT_TBD_TYPE="$tbd_type" \
        TBD_LINE="$tbd_line" TBD_COL="$tbd_col" \
        vim -es -N -u NONE -i NONE -S "$work/check.vim" >"$work/vim.log" 2>&1) ||
     [ "$(tail -n 1 "$work/result" 2>/dev/null)" != PASS ]; then
    fail "Vim, $(basename "$dir") fixture:"
    sed 's/^/  /' "$work/result" 2>/dev/null || echo "  (Vim wrote no result; its output:)"
    [ -s "$work/result" ] || sed 's/^/  /' "$work/vim.log"
    echo "  ddlint output, as run for :cgetfile:"
    sed 's/^/    /' "$dir/output"
  fi
}

run "$work/plain" EW W     # errors for missing areas, the warning for TBD
run "$work/noted" EWN N    # the same, with the placeholder made a note

[ $status = 0 ] && echo "vim: :compiler ddlint puts TBD at line $tbd_line, byte col $tbd_col, on its T; notes stay out of the list"
exit $status
