#ifndef KB_CMICROHTTPD_SHIM_H
#define KB_CMICROHTTPD_SHIM_H
#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/*
 * Swift cannot call C variadic functions, and MHD_start_daemon, MHD_get_connection_info and
 * MHD_get_daemon_info are variadic. These inline wrappers pass fixed arguments through; no logic lives here.
 */

/* Starts a daemon on an already listening socket with the options in `options` (ended by MHD_OPTION_END). */
static inline struct MHD_Daemon *kb_mhd_start_daemon(unsigned int flags, MHD_AccessHandlerCallback handler,
                                                     void *handler_context, const struct MHD_OptionItem *options) {
    return MHD_start_daemon(flags, 0, NULL, NULL, handler, handler_context,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

/* The client's address, or NULL. */
static inline const struct sockaddr *kb_mhd_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}

/* The status of the response queued on the connection (also one libmicrohttpd sent itself), or 0. */
static inline unsigned int kb_mhd_http_status(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_HTTP_STATUS);
    return info == NULL ? 0 : info->http_status;
}

/* The option item for a callback option (two pointers: the function, cast to intptr_t, then its context). */
static inline struct MHD_OptionItem kb_mhd_completed_option(MHD_RequestCompletedCallback callback, void *context) {
    struct MHD_OptionItem item = { MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)callback, context };
    return item;
}

typedef void *(*kb_mhd_uri_log_callback)(void *context, const char *uri, struct MHD_Connection *connection);

static inline struct MHD_OptionItem kb_mhd_uri_log_option(kb_mhd_uri_log_callback callback, void *context) {
    struct MHD_OptionItem item = { MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)callback, context };
    return item;
}

typedef void (*kb_mhd_logger)(void *context, const char *format, va_list arguments);

static inline struct MHD_OptionItem kb_mhd_logger_option(kb_mhd_logger callback, void *context) {
    struct MHD_OptionItem item = { MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)callback, context };
    return item;
}
#endif
