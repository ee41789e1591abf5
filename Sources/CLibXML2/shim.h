#ifndef CONSORTIUM_CLIBXML2_SHIM_H
#define CONSORTIUM_CLIBXML2_SHIM_H

/* libxml2 is built with ICU, whose headers clash with the ICU that Foundation bundles. We never
 * touch the ICU-dependent fields (of xmlCharEncodingHandler, only ever used through pointers),
 * so the ICU part of libxml2's headers is left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemastypes.h>

/// Swift 6 rejects the global `xmlFree` function pointer as not concurrency-safe; call it through here.
static inline void consortium_xmlFree(void *p) { xmlFree(p); }

/// libxml2 writes some errors (encoding conversion, I/O) to stderr through its "generic" handler, which is
/// variadic and so cannot be written in Swift. This one drops them: the parser reports the same problems
/// as structured errors, which we turn into diagnostics.
static inline void consortium_ignoreGenericError(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/// Installs `consortium_ignoreGenericError` for the calling thread and as the default for new threads.
static inline void consortium_silenceGenericErrors(void) {
    xmlSetGenericErrorFunc(NULL, consortium_ignoreGenericError);
    xmlThrDefSetGenericErrorFunc(NULL, consortium_ignoreGenericError);
}

#endif
