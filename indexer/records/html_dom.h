/** @file
 * @brief Internal to the HTML extractor: a parsed libxml2 HTML document and small helpers to read
 *        element names, attributes and text from it.
 */
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace khabar::records::html {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

/// Parses UTF-8 HTML leniently (recover, no network, no error output, declared charsets ignored).
DocPtr parse_html(std::string_view html_utf8);

inline bool is_element(const xmlNode* n) {
    return n && n->type == XML_ELEMENT_NODE;
}
/// Lower-case element name ("" for non-elements; libxml2's HTML parser lower-cases names).
inline std::string_view tag(const xmlNode* n) {
    return is_element(n) && n->name ? std::string_view(reinterpret_cast<const char*>(n->name))
                                    : std::string_view();
}
/// Attribute value, "" when absent.
std::string attr(const xmlNode* n, const char* name);
/// True when the element has the attribute (even empty).
bool has_attr(const xmlNode* n, const char* name);
/// class and id, lower-cased and joined by a space (what the scoring rules look at).
std::string class_and_id(const xmlNode* n);

/// All text under n, whitespace runs collapsed to one space, trimmed.
std::string inner_text(const xmlNode* n);
/// Whitespace runs collapsed to one space, trimmed (UTF-8 NBSP counts as space).
std::string collapse_ws(std::string_view s);

/// Calls f(element) for every element under (and including) n in document order; f returns
/// false to skip the element's children.
void for_each_element(xmlNode* n, const std::function<bool(xmlNode*)>& f);
/// First element with this tag under n (document order), or nullptr.
xmlNode* find_first(xmlNode* n, std::string_view name);
/// True when n has an ancestor element with this tag.
bool has_ancestor(const xmlNode* n, std::string_view name);
/// Unlinks and frees n.
void remove_node(xmlNode* n);

/// Heading, paragraph and other block-level elements: a text break before and after.
bool is_block_tag(std::string_view t);

}  // namespace khabar::records::html
