#ifndef DATELINE_CPOSTGRES_SHIM_H
#define DATELINE_CPOSTGRES_SHIM_H
#include <libpq-fe.h>

/* The diagnostic field codes are character-literal macros: spelled here as constants Swift can use. */
static const int dateline_PG_DIAG_SEVERITY = PG_DIAG_SEVERITY_NONLOCALIZED;
static const int dateline_PG_DIAG_SQLSTATE = PG_DIAG_SQLSTATE;
static const int dateline_PG_DIAG_MESSAGE_PRIMARY = PG_DIAG_MESSAGE_PRIMARY;
static const int dateline_PG_DIAG_MESSAGE_DETAIL = PG_DIAG_MESSAGE_DETAIL;
#endif
