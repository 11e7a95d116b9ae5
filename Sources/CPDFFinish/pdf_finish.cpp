// The finishing step through qpdf's C++ API: its C API keeps a table entry for every object
// handle it returns, which made walking a structure tree of a few thousand elements the slowest
// part of writing a PDF.
#include "pdf_finish.h"

#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <string>
#include <vector>

namespace {

struct Finisher {
    const kinpress_pdf_finish_input &input;
    int figures = 0;
    int parts = 0;
    int headerCells = 0;
    int links = 0;
    /// Marked-content ids drawn as running headers and footers, by page object id.
    std::map<int, std::vector<int>> artifacts;

    static bool isName(QPDFObjectHandle object, const char *key, const char *value) {
        if (!object.isDictionary() || !object.hasKey(key)) return false;
        QPDFObjectHandle found = object.getKey(key);
        return found.isName() && found.getName() == value;
    }

    static bool isReference(QPDFObjectHandle kid) {
        return isName(kid, "/Type", "/MCR") || isName(kid, "/Type", "/OBJR");
    }

    /// The (page, MCID) pairs a Private marker element owns.
    void recordArtifact(QPDFObjectHandle element) {
        int page = element.getKey("/Pg").getObjectID();
        QPDFObjectHandle kids = element.getKey("/K");
        if (kids.isInteger()) {
            artifacts[page].push_back(kids.getIntValueAsInt());
            return;
        }
        if (!kids.isArray()) return;
        for (QPDFObjectHandle kid : kids.getArrayAsVector()) {
            if (kid.isInteger()) {
                artifacts[page].push_back(kid.getIntValueAsInt());
            } else if (isName(kid, "/Type", "/MCR")) {
                artifacts[kid.getKey("/Pg").getObjectID()].push_back(kid.getKey("/MCID").getIntValueAsInt());
            }
        }
    }

    /// A Link element's description, as its /Alt and as the /Contents of each annotation it
    /// refers to (a screen reader reads the one or the other).
    static void describeLink(QPDFObjectHandle element, const char *description) {
        QPDFObjectHandle text = QPDFObjectHandle::newUnicodeString(description);
        element.replaceKey("/Alt", text);
        if (!element.hasKey("/K")) return;
        QPDFObjectHandle kids = element.getKey("/K");
        std::vector<QPDFObjectHandle> list = kids.isArray() ? kids.getArrayAsVector() : std::vector<QPDFObjectHandle>{kids};
        for (QPDFObjectHandle kid : list) {
            if (isName(kid, "/Type", "/OBJR") && kid.getKey("/Obj").isDictionary()) kid.getKey("/Obj").replaceKey("/Contents", text);
        }
    }

    /// Depth first, in /K order: the order cairo began the tags in.
    void walk(QPDFObjectHandle element) {
        if (isName(element, "/S", "/Part")) {
            if (parts < input.part_count) element.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(input.part_languages[parts]));
            parts++;
        }
        if (isName(element, "/S", "/Figure")) {
            if (figures < input.alternative_count) element.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(input.alternatives[figures]));
            figures++;
        }
        if (isName(element, "/S", "/TH")) {
            if (headerCells < input.scope_count)
                element.replaceKey("/A", QPDFObjectHandle::parse(std::string("<< /O /Table /Scope /") + input.scopes[headerCells] + " >>"));
            headerCells++;
        }
        if (isName(element, "/S", "/Link")) {
            if (links < input.link_count) describeLink(element, input.link_descriptions[links]);
            links++;
        }
        if (!element.hasKey("/K")) return;
        QPDFObjectHandle kids = element.getKey("/K");
        if (kids.isArray()) {
            // Rebuilt once rather than erased from one by one: a long document's sections have
            // thousands of children and a marker on every page.
            std::vector<QPDFObjectHandle> kept;
            bool removed = false;
            for (QPDFObjectHandle kid : kids.getArrayAsVector()) {
                if (kid.isDictionary() && !isReference(kid) && isName(kid, "/S", "/Private")) {
                    recordArtifact(kid);
                    removed = true;
                    continue;
                }
                kept.push_back(kid);
                if (kid.isDictionary() && !isReference(kid)) walk(kid);
            }
            if (removed) kids.setArrayFromVector(kept);
        } else if (kids.isDictionary() && !isReference(kids)) {
            if (isName(kids, "/S", "/Private")) {
                recordArtifact(kids);
                element.removeKey("/K");
            } else {
                walk(kids);
            }
        }
    }

    /// Rewrites a page's "/Private << /MCID n >> BDC" lines as artifacts and drops them from the
    /// parent tree.
    void fixPage(QPDFObjectHandle page, const std::map<int, QPDFObjectHandle> &parentArrays) {
        auto found = artifacts.find(page.getObjectID());
        if (found == artifacts.end()) return;
        const std::vector<int> &ids = found->second;
        auto parents = parentArrays.find(page.getKey("/StructParents").getIntValueAsInt());
        QPDFObjectHandle parentArray = parents == parentArrays.end() ? QPDFObjectHandle::newNull() : parents->second;
        QPDFObjectHandle contents = page.getKey("/Contents");
        std::shared_ptr<Buffer> decoded = contents.getStreamData(qpdf_dl_generalized);
        const char *data = reinterpret_cast<const char *>(decoded->getBuffer());
        size_t length = decoded->getSize();
        static const char artifact[] = "/Artifact << /Type /Pagination >> BDC";
        static const char marker[] = "/Private << /MCID ";
        const size_t markerLength = sizeof marker - 1;
        std::string out;
        out.reserve(length + 64 * ids.size());
        size_t copied = 0;
        // Each marker starts a line: find "\n/Private << /MCID n >> BDC" and keep everything else.
        for (size_t i = 0; i + markerLength <= length; i++) {
            if ((i > 0 && data[i - 1] != '\n') || memcmp(data + i, marker, markerLength) != 0) continue;
            size_t end = i + markerLength;
            int id = 0;
            while (end < length && data[end] >= '0' && data[end] <= '9') id = id * 10 + (data[end++] - '0');
            static const char close[] = " >> BDC";
            if (length - end < sizeof close - 1 || memcmp(data + end, close, sizeof close - 1) != 0) continue;
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) continue;
            out.append(data + copied, i - copied);
            out.append(artifact, sizeof artifact - 1);
            copied = end + sizeof close - 1;
            i = copied - 1;
            if (parentArray.isArray()) parentArray.setArrayItem(id, QPDFObjectHandle::newNull());
        }
        out.append(data + copied, length - copied);
        contents.replaceStreamData(out, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
    }
};

int visibleOutlineItems(QPDFObjectHandle item) {
    int n = 0;
    for (QPDFObjectHandle child = item.getKey("/First"); child.isDictionary(); child = child.getKey("/Next")) {
        n++;
        if (child.hasKey("/Count") && child.getKey("/Count").getIntValueAsInt() > 0) n += visibleOutlineItems(child);
    }
    return n;
}

void fixDate(QPDFObjectHandle info, const char *key) {
    if (!info.isDictionary() || !info.hasKey(key) || !info.getKey(key).isString()) return;
    std::string date = info.getKey(key).getUTF8Value();
    if (date.compare(0, 2, "D:") != 0) info.replaceKey(key, QPDFObjectHandle::newString("D:" + date));
}

char *copy(const std::string &text) {
    char *result = static_cast<char *>(malloc(text.size() + 1));
    memcpy(result, text.c_str(), text.size() + 1);
    return result;
}

/// Checks that the structure tree had as many elements of a kind as the renderer gave values for.
bool counted(const char *kind, int found, int given, char **error) {
    if (found == given) return true;
    *error = copy("the PDF has " + std::to_string(found) + " " + kind + " but " + std::to_string(given) + " were given");
    return false;
}

} // namespace

extern "C" int kinpress_pdf_finish(const unsigned char *input, size_t input_length, const kinpress_pdf_finish_input *finish,
                                   unsigned char **output, size_t *output_length, char **error) {
    std::string stage = "the PDF cairo wrote cannot be read back";
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("document", reinterpret_cast<const char *>(input), input_length);
        stage = "the PDF cannot be finished";
        Finisher finisher{*finish};
        QPDFObjectHandle root = pdf.getRoot();
        root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(finish->language));
        root.replaceKey("/ViewerPreferences", QPDFObjectHandle::parse("<< /DisplayDocTitle true >>"));
        if (finish->xmp) {
            // (qpdf leaves metadata streams uncompressed, so tools that do not parse PDF can find it.)
            QPDFObjectHandle metadata = QPDFObjectHandle::newStream(&pdf, std::string(finish->xmp));
            metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
            metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
            root.replaceKey("/Metadata", metadata);
        }
        if (root.hasKey("/StructTreeRoot")) {
            QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
            finisher.walk(tree);
            // The parent tree's arrays by their key (each page's /StructParents).
            std::map<int, QPDFObjectHandle> parentArrays;
            QPDFObjectHandle numbers = tree.getKey("/ParentTree").getKey("/Nums");
            if (numbers.isArray()) {
                std::vector<QPDFObjectHandle> entries = numbers.getArrayAsVector();
                for (size_t i = 0; i + 1 < entries.size(); i += 2)
                    if (entries[i].isInteger()) parentArrays[entries[i].getIntValueAsInt()] = entries[i + 1];
            }
            stage = "a page's content cannot be decoded";
            for (QPDFObjectHandle page : pdf.getAllPages()) finisher.fixPage(page, parentArrays);
        }
        // Annotations are visited in the order of the structure tree.
        for (QPDFObjectHandle page : pdf.getAllPages())
            if (page.hasKey("/Annots")) page.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
        if (!counted("figures", finisher.figures, finish->alternative_count, error) ||
            !counted("header cells", finisher.headerCells, finish->scope_count, error) ||
            !counted("links", finisher.links, finish->link_count, error))
            return 1;
        if (finish->body_start > 0)
            root.replaceKey("/PageLabels",
                            QPDFObjectHandle::parse("<< /Nums [ 0 << /S /r >> " + std::to_string(finish->body_start) + " << /S /D >> ] >>"));
        QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
        fixDate(info, "/CreationDate");
        fixDate(info, "/ModDate");
        if (root.hasKey("/Outlines")) {
            QPDFObjectHandle outlines = root.getKey("/Outlines");
            int visible = visibleOutlineItems(outlines);
            if (visible > 0) outlines.replaceKey("/Count", QPDFObjectHandle::newInteger(visible));
            else outlines.removeKey("/Count");
        }
        stage = "the finished PDF cannot be written";
        // The rewritten page contents are the only streams compressed here: the fastest level
        // costs a few per cent in size and saves most of the time. (A process-wide setting, so
        // set once, before any thread writes.)
        static const bool fastest = (Pl_Flate::setCompressionLevel(1), true);
        (void)fastest;
        QPDFWriter writer(pdf);
        writer.setOutputMemory();
        writer.setDeterministicID(true);
        // Keep cairo's compressed streams as they are.
        writer.setDecodeLevel(qpdf_dl_none);
        writer.setObjectStreamMode(qpdf_o_disable);
        writer.write();
        std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
        *output_length = buffer->getSize();
        *output = static_cast<unsigned char *>(malloc(*output_length));
        memcpy(*output, buffer->getBuffer(), *output_length);
        return 0;
    } catch (std::exception &failure) {
        *error = copy(stage + ": " + failure.what());
        return 1;
    }
}
