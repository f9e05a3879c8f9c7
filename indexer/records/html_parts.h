/** @file
 * @brief Internal to the HTML extractor: the metadata pass and the main-text pass.
 */
#pragma once

#include <string>
#include <string_view>

#include "records/html_dom.h"
#include "records/html_extractor.h"

namespace khabar::records::html {

/// Fills everything but body/body_field from the page's <head>, JSON-LD, microdata, <h1>, <time>
/// and the URL. Read-only on doc. Returns the JSON-LD articleBody ("" when none).
std::string read_metadata(xmlDoc* doc, std::string_view url_hint, ExtractedPage& page);

/// The main text of the page (paragraphs separated by a blank line), "" when none is found.
/// The first pass uses `parsed` (the page already parsed, which it changes) when given; retries
/// with weaker filters, when the result is short, parse the page again. `title` lets a heading
/// that repeats the title be dropped.
std::string main_text(std::string_view html_utf8, std::string_view title, DocPtr parsed = nullptr);

/// Text of an HTML fragment (scripts and the like removed), paragraphs separated by a blank line.
std::string render_fragment(std::string_view html_utf8);

/// Lower-case letters and digits only ("The Dawn" -> "thedawn"), for comparing a heading, a
/// title segment or a site name with another.
std::string alnum_key(std::string_view s);

}  // namespace khabar::records::html
