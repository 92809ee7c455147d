/* file:// URIs (RFC 8089) to paths and back, as LSP clients send them. */
#ifndef DDL_LSP_URI_H
#define DDL_LSP_URI_H

/* The local path of a file: URI (percent-decoded, malloc'd), or NULL for
 * any other scheme (untitled:, a remote host) or a malformed URI. */
char *lsp_uri_to_path(const char *uri);
/* The file: URI of absolute PATH, percent-encoding what RFC 3986 does not
 * allow in a path (malloc'd). */
char *lsp_path_to_uri(const char *path);

#endif
