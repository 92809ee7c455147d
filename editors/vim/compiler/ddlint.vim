" Vim compiler file
" Compiler:	ddlint (linter for Markdown design documents)
" Use:		:compiler ddlint, then :make to lint the current file; extra
"		:make arguments (options or more paths) go before it.
"
" ddlint prints gcc-style lines, PATH:LINE:COL: SEVERITY: MESSAGE [RULE].
" Columns: --column-unit=byte, ddlint's default, said here so that nothing
" changes it: Vim's %c is a byte index into the line, so a line with CJK
" text or emoji before the finding still puts the cursor on its first
" character.
"
" Notes: a diagnostic about a missing area is followed by note lines
" listing the questions the area should answer, at the same PATH:LINE:COL.
" As plain lines they would become quickfix entries of their own, stacked
" on the heading; as %C continuation lines they could not be told from a
" diagnostic whose own severity is note (severity: {RULE: note} in
" .ddlint.yaml prints the same "PATH:L:C: note: ..." shape), which would
" be glued onto whatever entry came before it.  So makeprg passes
" --no-notes: every line left is a diagnostic, and each becomes one entry,
" of type e, w or n (note).  ddlint --explain=RULE prints the questions.
" --quiet keeps the summary line ("6 errors ... in 1 file", on standard
" error, which :make captures too) out of the list; other lines that match
" no pattern, such as "ddlint: error: ..." when ddlint cannot run, stay in
" the list as text so that the reason is seen.

if exists("current_compiler")
  finish
endif
let current_compiler = "ddlint"

if exists(":CompilerSet") != 2		" older Vim always used :setlocal
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

CompilerSet makeprg=ddlint\ --no-snippet\ --color=never\ --no-notes\ --quiet\ --column-unit=byte\ $*\ %:S
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,
		       \%f:%l:%c:\ %tarning:\ %m,
		       \%f:%l:%c:\ %tote:\ %m

let &cpo = s:cpo_save
unlet s:cpo_save
