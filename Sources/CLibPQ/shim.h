#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H

/* libpq, PostgreSQL's own client library (Debian: libpq-dev; the header is found through
 * pkg-config's libpq, in /usr/include/postgresql). */
#include <libpq-fe.h>

#endif
