#ifndef DATELINE_CLIBXML2_SHIM_H
#define DATELINE_CLIBXML2_SHIM_H
/* libxml2 built with ICU pulls the system's ICU headers into this module, which clash with the copy
 * Foundation carries ("UErrorCode has different definitions") in any module importing both. Nothing
 * here reads the ICU-only fields of the encoding handler (reached only through pointers), so the
 * headers are read without them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer, which Swift 6 sees as shared mutable state. */
static inline void dateline_xml_free(void *pointer) { xmlFree(pointer); }
#endif
