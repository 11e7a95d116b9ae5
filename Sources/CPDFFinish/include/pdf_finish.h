#ifndef KINPRESS_PDF_FINISH_H
#define KINPRESS_PDF_FINISH_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What cairo 1.16 cannot write, added after it has finished a PDF (with qpdf):
/// - the document language (/Lang) and DisplayDocTitle;
/// - alternative text (/Alt) on Figure structure elements, in the order they were begun;
/// - running headers and footers as /Artifact: cairo cannot emit artifacts, so they are drawn
///   inside "Private" structure elements, which this step removes and turns into artifacts;
/// - the language (/Lang) of each Part structure element, in the order they were begun (the
///   English half of a bilingual document);
/// - page labels when the first `body_start` pages are front matter (i, ii…, then 1, 2…);
/// - "D:" on the creation and modification dates, a non-negative outline /Count, and a /ID made
///   from the content, so the same input gives the same bytes.
///
/// Returns 0 on success with *output (malloc'd, free it) and *output_length set; otherwise a
/// non-zero code and *error (malloc'd) saying why.
int kinpress_pdf_finish(const unsigned char *input, size_t input_length,
                        const char *language,
                        const char *const *alternatives, int alternative_count,
                        const char *const *part_languages, int part_count, int body_start,
                        unsigned char **output, size_t *output_length,
                        char **error);

#ifdef __cplusplus
}
#endif

#endif
