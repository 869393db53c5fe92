#ifndef TAIZHANG_CSHA256_H
#define TAIZHANG_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has the SHA extensions (with SSSE3 and SSE4.1) that
/// `taizhang_sha256_blocks` needs, else 0 (always 0 off x86-64).
int taizhang_sha256_hardware(void);

/// SHA-256's 64 round constants (FIPS 180-4, 4.2.2), for both compressions.
const uint32_t *_Nonnull taizhang_sha256_round_constants(void);

/// Compresses `blocks` 64-byte blocks at `data` into `state` (a..h, native-endian words)
/// with the SHA-256 instructions. Call only when `taizhang_sha256_hardware()` is 1.
void taizhang_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
