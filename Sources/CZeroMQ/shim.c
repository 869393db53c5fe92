/* libzmq, loaded when first used rather than when the program starts.
 *
 * Every clerk command is a process of its own and most never touch the network; linking
 * libzmq made each of them load it and the dozen libraries it needs (Kerberos, PGM, NORM,
 * libsodium, ...), about 1.3 ms of a 8 ms command on this machine. So this target defines
 * the libzmq functions the Swift wrapper calls, and each one resolves the real function
 * from libzmq.so.5 with dlopen/dlsym on first use. If libzmq cannot be loaded, calls fail
 * with ELIBACC and zmq_strerror says what is missing. */
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include "shim.h"

static void *library;
static char load_error[256];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    library = dlopen("libzmq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *why = dlerror();
        snprintf(load_error, sizeof load_error,
                 "cannot load libzmq.so.5 (%s); install libzmq5 (Debian: apt-get install libzmq5)",
                 why ? why : "unknown error");
    }
}

static void *symbol(const char *name) {
    pthread_once(&load_once, load);
    return library ? dlsym(library, name) : NULL;
}

#define FORWARD(ret, name, params, args, failure)                                    \
    ret name params {                                                                \
        static ret (*real) params;                                                   \
        ret (*fn) params = __atomic_load_n(&real, __ATOMIC_ACQUIRE);                 \
        if (!fn) {                                                                   \
            fn = (ret (*) params)symbol(#name);                                      \
            if (!fn) { errno = ELIBACC; return failure; }                            \
            __atomic_store_n(&real, fn, __ATOMIC_RELEASE);                           \
        }                                                                            \
        return fn args;                                                              \
    }

FORWARD(void *, zmq_ctx_new, (void), (), NULL)
FORWARD(int, zmq_ctx_term, (void *c), (c), -1)
FORWARD(int, zmq_ctx_shutdown, (void *c), (c), -1)
FORWARD(int, zmq_ctx_set, (void *c, int o, int v), (c, o, v), -1)
FORWARD(int, zmq_errno, (void), (), errno)
FORWARD(int, zmq_msg_init, (zmq_msg_t *m), (m), -1)
FORWARD(int, zmq_msg_recv, (zmq_msg_t *m, void *s, int f), (m, s, f), -1)
FORWARD(int, zmq_msg_close, (zmq_msg_t *m), (m), -1)
FORWARD(void *, zmq_msg_data, (zmq_msg_t *m), (m), NULL)
FORWARD(size_t, zmq_msg_size, (const zmq_msg_t *m), (m), 0)
FORWARD(int, zmq_msg_more, (const zmq_msg_t *m), (m), 0)
FORWARD(const char *, zmq_msg_gets, (const zmq_msg_t *m, const char *p), (m, p), NULL)
FORWARD(void *, zmq_socket, (void *c, int t), (c, t), NULL)
FORWARD(int, zmq_close, (void *s), (s), -1)
FORWARD(int, zmq_setsockopt, (void *s, int o, const void *v, size_t n), (s, o, v, n), -1)
FORWARD(int, zmq_getsockopt, (void *s, int o, void *v, size_t *n), (s, o, v, n), -1)
FORWARD(int, zmq_bind, (void *s, const char *a), (s, a), -1)
FORWARD(int, zmq_connect, (void *s, const char *a), (s, a), -1)
FORWARD(int, zmq_unbind, (void *s, const char *a), (s, a), -1)
FORWARD(int, zmq_disconnect, (void *s, const char *a), (s, a), -1)
FORWARD(int, zmq_send, (void *s, const void *b, size_t n, int f), (s, b, n, f), -1)
FORWARD(int, zmq_socket_monitor, (void *s, const char *a, int e), (s, a, e), -1)
FORWARD(int, zmq_poll, (zmq_pollitem_t *i, int n, long t), (i, n, t), -1)
FORWARD(int, zmq_has, (const char *c), (c), 0)
FORWARD(int, zmq_curve_keypair, (char *p, char *s), (p, s), -1)
FORWARD(int, zmq_curve_public, (char *p, const char *s), (p, s), -1)

void zmq_version(int *major, int *minor, int *patch) {
    void (*fn)(int *, int *, int *) = (void (*)(int *, int *, int *))symbol("zmq_version");
    if (fn) {
        fn(major, minor, patch);
    } else {
        *major = *minor = *patch = 0;
    }
}

const char *zmq_strerror(int errnum) {
    static const char *(*real)(int);
    const char *(*fn)(int) = __atomic_load_n(&real, __ATOMIC_ACQUIRE);
    if (!fn) {
        fn = (const char *(*)(int))symbol("zmq_strerror");
        if (!fn) return load_error;
        __atomic_store_n(&real, fn, __ATOMIC_RELEASE);
    }
    return fn(errnum);
}
