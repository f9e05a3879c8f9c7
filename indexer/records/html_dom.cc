/** @file
 * @brief libxml2 HTML parsing and node helpers for the article extractor.
 */
#include "records/html_dom.h"

#include <algorithm>
#include <array>
#include <climits>

#include "records/text_util.h"

namespace khabar::records::html {

namespace {

/// Pages larger than this are cut before parsing (libxml2 takes an int length).
constexpr std::size_t kMaxHtmlBytes = 256u << 20;

constexpr std::array<std::string_view, 36> kBlockTags = {
    "address", "article", "aside",    "blockquote", "br",      "center", "dd",   "details", "div",
    "dl",      "dt",      "fieldset", "figcaption", "figure",  "footer", "form", "h1",      "h2",
    "h3",      "h4",      "h5",       "h6",         "header",  "hr",     "li",   "main",    "nav",
    "ol",      "p",       "pre",      "section",    "summary", "table",  "tr",   "ul",      "body"};

/// Appends text with whitespace runs (ASCII and NBSP) collapsed; *space says a space is pending.
void append_collapsed(std::string_view s, std::string& out, bool& space) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
            space = true;
            ++i;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
}

/// Appends the text under n (block and cell boundaries become spaces).
void collect_text(const xmlNode* n, std::string& out, bool& space) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) append_collapsed(reinterpret_cast<const char*>(c->content), out, space);
        } else if (c->type == XML_ELEMENT_NODE) {
            const bool spaced = is_block_tag(tag(c)) || tag(c) == "td" || tag(c) == "th";
            if (spaced) space = true;
            collect_text(c, out, space);
            if (spaced) space = true;
        }
    }
}

}  // namespace

DocPtr parse_html(std::string_view html_utf8) {
    html_utf8 = html_utf8.substr(0, std::min(html_utf8.size(), kMaxHtmlBytes));
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    return DocPtr(htmlReadMemory(html_utf8.data(), static_cast<int>(html_utf8.size()), nullptr,
                                 "UTF-8", options));
}

std::string attr(const xmlNode* n, const char* name) {
    if (!is_element(n)) return {};
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (!a->name || !iequals(reinterpret_cast<const char*>(a->name), name)) continue;
        std::string v;
        for (const xmlNode* c = a->children; c; c = c->next)
            if (c->content) v += reinterpret_cast<const char*>(c->content);
        return v;
    }
    return {};
}

bool has_attr(const xmlNode* n, const char* name) {
    if (!is_element(n)) return false;
    for (const xmlAttr* a = n->properties; a; a = a->next)
        if (a->name && iequals(reinterpret_cast<const char*>(a->name), name)) return true;
    return false;
}

std::string class_and_id(const xmlNode* n) {
    return to_lower_ascii(attr(n, "class") + " " + attr(n, "id"));
}

std::string inner_text(const xmlNode* n) {
    std::string out;
    bool space = false;
    if (n) collect_text(n, out, space);
    return out;
}

std::string collapse_ws(std::string_view s) {
    std::string out;
    bool space = false;
    append_collapsed(s, out, space);
    return out;
}

void for_each_element(xmlNode* n, const std::function<bool(xmlNode*)>& f) {
    if (!n) return;
    if (is_element(n) && !f(n)) return;
    for (xmlNode* c = n->children; c;) {
        xmlNode* next = c->next;  // f may remove c's children, never c itself after returning
        if (is_element(c)) for_each_element(c, f);
        c = next;
    }
}

xmlNode* find_first(xmlNode* n, std::string_view name) {
    xmlNode* found = nullptr;
    for_each_element(n, [&](xmlNode* e) {
        if (found) return false;
        if (tag(e) == name) found = e;
        return !found;
    });
    return found;
}

bool has_ancestor(const xmlNode* n, std::string_view name) {
    for (const xmlNode* p = n ? n->parent : nullptr; p; p = p->parent)
        if (tag(p) == name) return true;
    return false;
}

void remove_node(xmlNode* n) {
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

bool is_block_tag(std::string_view t) {
    return std::find(kBlockTags.begin(), kBlockTags.end(), t) != kBlockTags.end();
}

}  // namespace khabar::records::html
