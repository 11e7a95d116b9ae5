#ifndef KINPRESS_PDF_FINISH_H
#define KINPRESS_PDF_FINISH_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What the finishing step adds to the structure elements cairo wrote, each list in the order
/// its elements were begun (the depth-first order of the structure tree).
typedef struct {
    /// The document language (BCP 47), for the catalogue's /Lang.
    const char *language;
    /// Alternative text (/Alt) of each Figure element.
    const char *const *alternatives;
    int alternative_count;
    /// The language (/Lang) of each Part element (the English half of a bilingual document).
    const char *const *part_languages;
    int part_count;
    /// What each TH element heads, "Column" or "Row": written as its /Scope attribute.
    const char *const *scopes;
    int scope_count;
    /// Each Link element's description: its /Alt, and the /Contents of its link annotations.
    const char *const *link_descriptions;
    int link_count;
    /// The XMP metadata packet (UTF-8), stored as the catalogue's /Metadata; NULL for none.
    const char *xmp;
    /// How many front-matter pages come first (numbered i, ii…, then 1, 2…); 0 for none.
    int body_start;
} kinpress_pdf_finish_input;

/// What cairo 1.16 cannot write, added after it has finished a PDF (with qpdf):
/// - the document language (/Lang), DisplayDocTitle, and the XMP metadata;
/// - Figure /Alt, Part /Lang, TH /Scope, and Link /Alt with /Contents on their annotations
///   (and /Tabs /S on pages with annotations);
/// - running headers and footers as /Artifact: cairo cannot emit artifacts, so they are drawn
///   inside "Private" structure elements, which this step removes and turns into artifacts;
/// - page labels when the first `body_start` pages are front matter (i, ii…, then 1, 2…);
/// - "D:" on the creation and modification dates, a non-negative outline /Count, and a /ID made
///   from the content, so the same input gives the same bytes.
///
/// Returns 0 on success with *output (malloc'd, free it) and *output_length set; otherwise a
/// non-zero code and *error (malloc'd) saying why.
int kinpress_pdf_finish(const unsigned char *input, size_t input_length,
                        const kinpress_pdf_finish_input *finish,
                        unsigned char **output, size_t *output_length,
                        char **error);

#ifdef __cplusplus
}
#endif

#endif
