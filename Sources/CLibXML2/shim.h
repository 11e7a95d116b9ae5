#include <libxml/xmlversion.h>
// Foundation brings its own ICU; libxml2's ICU declarations clash with it.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// Swift 6 will not take xmlFree (a global function pointer) directly.
static inline void kinpress_xml_free(void *pointer) { xmlFree(pointer); }
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlsave.h>
