#ifndef DATELINE_CCURL_SHIM_H
#define DATELINE_CCURL_SHIM_H
#include <curl/curl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic: Swift cannot call them, so each argument
   type gets a typed wrapper here. */
static inline CURLcode dateline_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode dateline_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode dateline_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode dateline_curl_set_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
typedef size_t (*dateline_curl_callback)(char *data, size_t size, size_t count, void *context);
static inline CURLcode dateline_curl_set_callback(CURL *handle, CURLoption option, dateline_curl_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}
typedef int (*dateline_curl_progress_callback)(void *context, curl_off_t download_total, curl_off_t downloaded,
                                               curl_off_t upload_total, curl_off_t uploaded);
static inline CURLcode dateline_curl_set_progress(CURL *handle, dateline_curl_progress_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}
typedef curl_socket_t (*dateline_curl_opensocket_callback)(void *context, curlsocktype purpose, struct curl_sockaddr *address);
static inline CURLcode dateline_curl_set_opensocket(CURL *handle, dateline_curl_opensocket_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, callback);
}
/* The socket libcurl would have opened itself for the address. */
static inline curl_socket_t dateline_curl_open_socket(const struct curl_sockaddr *address) {
    return socket(address->family, address->socktype, address->protocol);
}
/* Whether an IPv4 address (in host order) is one no public web page lives at: this network,
   private, shared (CGNAT), loopback, link-local, IETF protocol, benchmarking, multicast,
   reserved or broadcast. */
static inline int dateline_ipv4_is_internal(unsigned int a) {
    return (a >> 24) == 0 || (a >> 24) == 10 || (a >> 22) == ((100u << 2) | 1) || (a >> 24) == 127 ||
           (a >> 16) == ((169u << 8) | 254) || (a >> 20) == ((172u << 4) | 1) || (a >> 16) == ((192u << 8) | 168) ||
           (a >> 8) == ((192u << 16) | 0) || (a >> 17) == ((198u << 7) | 9) || (a >> 28) >= 14;
}
/* Whether a socket address is internal: the IPv4 ranges above (also when mapped into IPv6),
   and IPv6 unspecified, loopback, unique local, link-local and multicast addresses. Other
   families (Unix sockets) count as internal. */
static inline int dateline_curl_address_is_internal(const struct curl_sockaddr *address) {
    if (address->family == AF_INET) {
        const struct sockaddr_in *v4 = (const struct sockaddr_in *)&address->addr;
        return dateline_ipv4_is_internal(ntohl(v4->sin_addr.s_addr));
    }
    if (address->family == AF_INET6) {
        const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)&address->addr;
        const unsigned char *b = v6->sin6_addr.s6_addr;
        static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        static const unsigned char zeros[15] = {0};
        if (memcmp(b, mapped, 12) == 0) {
            return dateline_ipv4_is_internal(((unsigned int)b[12] << 24) | ((unsigned int)b[13] << 16) | ((unsigned int)b[14] << 8) | b[15]);
        }
        if (memcmp(b, zeros, 15) == 0 && (b[15] == 0 || b[15] == 1)) return 1;
        return (b[0] & 0xfe) == 0xfc || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) || b[0] == 0xff;
    }
    return 1;
}
static inline CURLcode dateline_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode dateline_curl_get_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}
#endif
