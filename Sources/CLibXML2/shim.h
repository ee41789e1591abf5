#ifndef CONSORTIUM_CLIBXML2_SHIM_H
#define CONSORTIUM_CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlIO.h>

/// Swift 6 rejects the global `xmlFree` function pointer as not concurrency-safe; call it through here.
static inline void consortium_xmlFree(void *p) { xmlFree(p); }

#endif
