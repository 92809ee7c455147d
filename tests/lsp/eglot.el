;; Emacs's eglot (Debian elpa-eglot on Emacs 28, built in from 29) runs
;; `ddlint --lsp' on a CJK and emoji document: the placeholder's flymake
;; diagnostic must start on the T of TBD.  Run by eglot.sh.
(dolist (d (directory-files "/usr/share/emacs/site-lisp/elpa" t "^[a-z]"))
  (add-to-list 'load-path d))
(require 'eglot)
(add-to-list 'eglot-server-programs `(text-mode . (,(getenv "DDLINT") "--lsp")))
(find-file (getenv "FIXTURE"))
(text-mode)
(apply #'eglot (eglot--guess-contact))
(let ((deadline (+ (float-time) 60)))
  (while (and (< (float-time) deadline)
              (not (seq-find (lambda (d) (string-match-p "hygiene/placeholder"
                                                          (flymake-diagnostic-text d)))
                             (flymake-diagnostics))))
    (accept-process-output nil 0.1)))
(let ((failed nil) (found nil))
  (dolist (d (flymake-diagnostics))
    (let ((beg (flymake-diagnostic-beg d)))
      (princ (format "%d: %s\n" (line-number-at-pos beg) (flymake-diagnostic-text d)))
      (when (string-match-p "hygiene/placeholder" (flymake-diagnostic-text d))
        (setq found t)
        (unless (equal (buffer-substring beg (min (point-max) (+ beg 3))) "TBD")
          (setq failed t)
          (princ (format "FAIL: the placeholder starts at %S, not on TBD\n"
                         (buffer-substring beg (min (point-max) (+ beg 3)))))))))
  (unless found
    (setq failed t)
    (princ "FAIL: no placeholder diagnostic\n"))
  (eglot-shutdown (eglot-current-server))
  (kill-emacs (if failed 1 0)))
