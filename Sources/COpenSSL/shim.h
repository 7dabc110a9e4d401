#ifndef DATELINE_COPENSSL_SHIM_H
#define DATELINE_COPENSSL_SHIM_H
#include <stdio.h>
#include <string.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

/*
 * OpenSSL spells many settings as macros over SSL_CTX_ctrl and BIO_set_flags, which Swift
 * cannot call: each wrapper below names the macro it stands for.
 */

/* SSL_OP_* are SSL_OP_BIT(n) expressions, which do not import as constants. */
static const uint64_t dateline_SSL_OP_NO_RENEGOTIATION = SSL_OP_NO_RENEGOTIATION;
static const uint64_t dateline_SSL_OP_NO_COMPRESSION = SSL_OP_NO_COMPRESSION;
static const uint64_t dateline_SSL_OP_NO_TICKET = SSL_OP_NO_TICKET;

static inline int dateline_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

static inline int dateline_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}

static inline long dateline_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}

static inline uint64_t dateline_SSL_CTX_set_options(SSL_CTX *ctx, uint64_t options) {
    return SSL_CTX_set_options(ctx, options);
}

static inline long dateline_SSL_CTX_set_session_cache_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_session_cache_mode(ctx, mode);
}

static inline long dateline_SSL_CTX_sess_set_cache_size(SSL_CTX *ctx, long size) {
    return SSL_CTX_sess_set_cache_size(ctx, size);
}

/* Session-ticket keys, so that a reloaded context still resumes the old one's tickets. */
static inline int dateline_SSL_CTX_get_tlsext_ticket_keys(SSL_CTX *ctx, unsigned char *keys, long length) {
    return (int)SSL_CTX_get_tlsext_ticket_keys(ctx, keys, length);
}

static inline int dateline_SSL_CTX_set_tlsext_ticket_keys(SSL_CTX *ctx, unsigned char *keys, long length) {
    return (int)SSL_CTX_set_tlsext_ticket_keys(ctx, keys, length);
}

static inline int dateline_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

static inline int dateline_SSL_set_min_proto_version(SSL *ssl, int version) {
    return (int)SSL_set_min_proto_version(ssl, version);
}

static inline int dateline_SSL_set_max_proto_version(SSL *ssl, int version) {
    return (int)SSL_set_max_proto_version(ssl, version);
}

static inline void dateline_BIO_set_retry_read(BIO *bio) {
    BIO_set_retry_read(bio);
}

static inline void dateline_BIO_set_retry_write(BIO *bio) {
    BIO_set_retry_write(bio);
}

static inline void dateline_BIO_clear_retry_flags(BIO *bio) {
    BIO_clear_retry_flags(bio);
}

/*
 * Takes the oldest error off this thread's OpenSSL error queue and writes it as text, with
 * the detail OpenSSL attached (a file name, "calling fopen(...)") when there is one.
 * Returns the packed error code, or 0 when the queue is empty.
 */
static inline unsigned long dateline_ERR_next(char *buffer, size_t length) {
    const char *data = NULL;
    int flags = 0;
    unsigned long code = ERR_get_error_all(NULL, NULL, NULL, &data, &flags);
    if (code == 0 || buffer == NULL || length == 0) {
        return code;
    }
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    if (data != NULL && (flags & ERR_TXT_STRING) && data[0] != '\0') {
        snprintf(buffer, length, "%s (%s)", text, data);
    } else {
        snprintf(buffer, length, "%s", text);
    }
    return code;
}
#endif
