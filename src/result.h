/* The outcome of linting one document. */
#ifndef DDL_RESULT_H
#define DDL_RESULT_H

#include "diag/diag.h"
#include "io/source.h"

struct ddl_result {
  ddl_source src;         /* kept for snippets */
  ddl_diag_list diags;
  ddl_coverage *coverage;
  size_t ncoverage;
  size_t counts[3];       /* per severity */
  int fail_on;
};

#endif
