#include "pdf_finish.h"

#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int page; int mcid; } marked_content;

typedef struct {
    qpdf_data q;
    const char *const *alternatives;
    int alternative_count;
    int figures;
    const char *const *part_languages;
    int part_count;
    int parts;
    marked_content *artifacts;
    int artifact_count, artifact_capacity;
} finisher;

static int is_name(finisher *f, qpdf_oh o, const char *key, const char *value) {
    if (!qpdf_oh_is_dictionary(f->q, o) || !qpdf_oh_has_key(f->q, o, key)) return 0;
    qpdf_oh v = qpdf_oh_get_key(f->q, o, key);
    return qpdf_oh_is_name(f->q, v) && strcmp(qpdf_oh_get_name(f->q, v), value) == 0;
}

static void add_artifact(finisher *f, int page, int mcid) {
    if (f->artifact_count == f->artifact_capacity) {
        f->artifact_capacity = f->artifact_capacity ? f->artifact_capacity * 2 : 64;
        f->artifacts = realloc(f->artifacts, sizeof(marked_content) * (size_t)f->artifact_capacity);
    }
    f->artifacts[f->artifact_count++] = (marked_content){page, mcid};
}

/* The (page, MCID) pairs a Private marker element owns. */
static void record_artifact(finisher *f, qpdf_oh element) {
    qpdf_data q = f->q;
    int page = qpdf_oh_get_object_id(q, qpdf_oh_get_key(q, element, "/Pg"));
    qpdf_oh kids = qpdf_oh_get_key(q, element, "/K");
    if (qpdf_oh_is_integer(q, kids)) { add_artifact(f, page, qpdf_oh_get_int_value_as_int(q, kids)); return; }
    int n = qpdf_oh_get_array_n_items(q, kids);
    for (int i = 0; i < n; i++) {
        qpdf_oh kid = qpdf_oh_get_array_item(q, kids, i);
        if (qpdf_oh_is_integer(q, kid)) {
            add_artifact(f, page, qpdf_oh_get_int_value_as_int(q, kid));
        } else if (is_name(f, kid, "/Type", "/MCR")) {
            add_artifact(f, qpdf_oh_get_object_id(q, qpdf_oh_get_key(q, kid, "/Pg")), qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, kid, "/MCID")));
        }
    }
}

/* Depth first, in /K order: the order cairo began the tags in. */
static void walk(finisher *f, qpdf_oh element) {
    qpdf_data q = f->q;
    if (is_name(f, element, "/S", "/Part")) {
        if (f->parts < f->part_count)
            qpdf_oh_replace_key(q, element, "/Lang", qpdf_oh_new_unicode_string(q, f->part_languages[f->parts]));
        f->parts++;
    }
    if (is_name(f, element, "/S", "/Figure")) {
        if (f->figures < f->alternative_count)
            qpdf_oh_replace_key(q, element, "/Alt", qpdf_oh_new_unicode_string(q, f->alternatives[f->figures]));
        f->figures++;
    }
    if (!qpdf_oh_has_key(q, element, "/K")) return;
    qpdf_oh kids = qpdf_oh_get_key(q, element, "/K");
    if (qpdf_oh_is_array(q, kids)) {
        for (int i = 0; i < qpdf_oh_get_array_n_items(q, kids); i++) {
            qpdf_oh kid = qpdf_oh_get_array_item(q, kids, i);
            if (!qpdf_oh_is_dictionary(q, kid) || is_name(f, kid, "/Type", "/MCR") || is_name(f, kid, "/Type", "/OBJR")) continue;
            if (is_name(f, kid, "/S", "/Private")) { record_artifact(f, kid); qpdf_oh_erase_item(q, kids, i--); continue; }
            walk(f, kid);
        }
    } else if (qpdf_oh_is_dictionary(q, kids) && !is_name(f, kids, "/Type", "/MCR") && !is_name(f, kids, "/Type", "/OBJR")) {
        if (is_name(f, kids, "/S", "/Private")) { record_artifact(f, kids); qpdf_oh_remove_key(q, element, "/K"); }
        else walk(f, kids);
    }
}

/* Rewrites a page's "/Private << /MCID n >> BDC" lines as artifacts and drops them from the
   parent tree. Returns non-zero when the page's content cannot be decoded. */
static int fix_page(finisher *f, qpdf_oh page, qpdf_oh parent_numbers) {
    qpdf_data q = f->q;
    int page_id = qpdf_oh_get_object_id(q, page), any = 0;
    for (int a = 0; a < f->artifact_count; a++) if (f->artifacts[a].page == page_id) any = 1;
    if (!any) return 0;
    int parents = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, page, "/StructParents"));
    qpdf_oh parent_array = qpdf_oh_new_null(q);
    for (int i = 0; i + 1 < qpdf_oh_get_array_n_items(q, parent_numbers); i += 2)
        if (qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_array_item(q, parent_numbers, i)) == parents)
            parent_array = qpdf_oh_get_array_item(q, parent_numbers, i + 1);
    qpdf_oh contents = qpdf_oh_get_key(q, page, "/Contents");
    QPDF_BOOL filtered = QPDF_FALSE;
    unsigned char *data = NULL;
    size_t length = 0;
    if (qpdf_oh_get_stream_data(q, contents, qpdf_dl_generalized, &filtered, &data, &length) || !filtered) return 1;
    static const char artifact[] = "/Artifact << /Type /Pagination >> BDC";
    unsigned char *out = malloc(length + 64 * (size_t)f->artifact_count + 1);
    size_t written = 0, i = 0;
    while (i < length) {
        int replaced = 0;
        if (i == 0 || data[i - 1] == '\n') {
            for (int a = 0; a < f->artifact_count && !replaced; a++) {
                if (f->artifacts[a].page != page_id) continue;
                char pattern[64];
                int pattern_length = snprintf(pattern, sizeof pattern, "/Private << /MCID %d >> BDC", f->artifacts[a].mcid);
                if (length - i >= (size_t)pattern_length && memcmp(data + i, pattern, (size_t)pattern_length) == 0) {
                    memcpy(out + written, artifact, sizeof artifact - 1);
                    written += sizeof artifact - 1;
                    i += (size_t)pattern_length;
                    replaced = 1;
                    if (qpdf_oh_is_array(q, parent_array)) qpdf_oh_set_array_item(q, parent_array, f->artifacts[a].mcid, qpdf_oh_new_null(q));
                }
            }
        }
        if (!replaced) out[written++] = data[i++];
    }
    qpdf_oh_replace_stream_data(q, contents, out, written, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
    free(data);
    free(out);
    return 0;
}

static int visible_outline_items(qpdf_data q, qpdf_oh item) {
    int n = 0;
    for (qpdf_oh c = qpdf_oh_get_key(q, item, "/First"); qpdf_oh_is_dictionary(q, c); c = qpdf_oh_get_key(q, c, "/Next")) {
        n++;
        if (qpdf_oh_has_key(q, c, "/Count") && qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, c, "/Count")) > 0)
            n += visible_outline_items(q, c);
    }
    return n;
}

static void fix_date(qpdf_data q, const char *key) {
    const char *date = qpdf_get_info_key(q, key);
    if (date && strncmp(date, "D:", 2) != 0) {
        char prefixed[96];
        snprintf(prefixed, sizeof prefixed, "D:%s", date);
        qpdf_set_info_key(q, key, prefixed);
    }
}

static int fail(finisher *f, char **error, const char *message) {
    const char *detail = qpdf_has_error(f->q) ? qpdf_get_error_full_text(f->q, qpdf_get_error(f->q)) : "";
    size_t size = strlen(message) + strlen(detail) + 4;
    *error = malloc(size);
    snprintf(*error, size, "%s%s%s", message, *detail ? ": " : "", detail);
    free(f->artifacts);
    qpdf_cleanup(&f->q);
    return 1;
}

int kinpress_pdf_finish(const unsigned char *input, size_t input_length, const char *language,
                        const char *const *alternatives, int alternative_count,
                        const char *const *part_languages, int part_count, int body_start,
                        unsigned char **output, size_t *output_length, char **error) {
    finisher f = {0};
    f.q = qpdf_init();
    f.alternatives = alternatives;
    f.alternative_count = alternative_count;
    f.part_languages = part_languages;
    f.part_count = part_count;
    qpdf_silence_errors(f.q);
    qpdf_set_suppress_warnings(f.q, QPDF_TRUE);
    if (qpdf_read_memory(f.q, "document", (const char *)input, (unsigned long long)input_length, NULL) & QPDF_ERRORS)
        return fail(&f, error, "the PDF cairo wrote cannot be read back");
    qpdf_oh root = qpdf_get_root(f.q);
    qpdf_oh_replace_key(f.q, root, "/Lang", qpdf_oh_new_unicode_string(f.q, language));
    qpdf_oh_replace_key(f.q, root, "/ViewerPreferences", qpdf_oh_parse(f.q, "<< /DisplayDocTitle true >>"));
    if (qpdf_oh_has_key(f.q, root, "/StructTreeRoot")) {
        qpdf_oh tree = qpdf_oh_get_key(f.q, root, "/StructTreeRoot");
        walk(&f, tree);
        qpdf_oh numbers = qpdf_oh_get_key(f.q, qpdf_oh_get_key(f.q, tree, "/ParentTree"), "/Nums");
        int pages = qpdf_get_num_pages(f.q);
        for (int i = 0; i < pages; i++)
            if (fix_page(&f, qpdf_get_page_n(f.q, (size_t)i), numbers)) return fail(&f, error, "a page's content cannot be decoded");
    }
    if (f.figures != alternative_count) {
        char message[128];
        snprintf(message, sizeof message, "the PDF has %d figures but %d alternative texts were given", f.figures, alternative_count);
        return fail(&f, error, message);
    }
    if (body_start > 0) {
        char labels[96];
        snprintf(labels, sizeof labels, "<< /Nums [ 0 << /S /r >> %d << /S /D >> ] >>", body_start);
        qpdf_oh_replace_key(f.q, root, "/PageLabels", qpdf_oh_parse(f.q, labels));
    }
    fix_date(f.q, "/CreationDate");
    fix_date(f.q, "/ModDate");
    if (qpdf_oh_has_key(f.q, root, "/Outlines")) {
        qpdf_oh outlines = qpdf_oh_get_key(f.q, root, "/Outlines");
        int visible = visible_outline_items(f.q, outlines);
        if (visible > 0) qpdf_oh_replace_key(f.q, outlines, "/Count", qpdf_oh_new_integer(f.q, visible));
        else qpdf_oh_remove_key(f.q, outlines, "/Count");
    }
    if (qpdf_init_write_memory(f.q) & QPDF_ERRORS) return fail(&f, error, "the finished PDF cannot be written");
    qpdf_set_deterministic_ID(f.q, QPDF_TRUE);
    /* Keep cairo's compressed streams as they are; only the rewritten page contents are new. */
    qpdf_set_decode_level(f.q, qpdf_dl_none);
    qpdf_set_object_stream_mode(f.q, qpdf_o_disable);
    if (qpdf_write(f.q) & QPDF_ERRORS) return fail(&f, error, "the finished PDF cannot be written");
    *output_length = qpdf_get_buffer_length(f.q);
    *output = malloc(*output_length);
    memcpy(*output, qpdf_get_buffer(f.q), *output_length);
    free(f.artifacts);
    qpdf_cleanup(&f.q);
    return 0;
}
