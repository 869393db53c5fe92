#ifndef CZEROMQ_SHIM_H
#define CZEROMQ_SHIM_H

#include <errno.h>
#include <zmq.h>

/* errno values as functions: the Swift wrapper then needs neither Glibc nor
 * Darwin, and the libzmq-specific codes (ETERM, EFSM) are computed macros
 * that the Swift importer may not expose. */
static inline int czmq_eintr(void) { return EINTR; }
static inline int czmq_eagain(void) { return EAGAIN; }
static inline int czmq_einval(void) { return EINVAL; }
static inline int czmq_ehostunreach(void) { return EHOSTUNREACH; }
static inline int czmq_enotsock(void) { return ENOTSOCK; }
static inline int czmq_eproto(void) { return EPROTO; }
static inline int czmq_eterm(void) { return ETERM; }
static inline int czmq_efsm(void) { return EFSM; }

/* Bytes reserved for a zmq_msg_t; lets Swift verify its own view of the layout. */
static inline size_t czmq_msg_size(void) { return sizeof(zmq_msg_t); }

#endif
