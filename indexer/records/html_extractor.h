/** @file
 * @brief Article extraction from one HTML page: title, date, author, canonical URL, section,
 *        language and the main text without navigation, ads and other page chrome.
 *
 * A pure function over UTF-8 HTML (convert with charset.h first), so the indexer, the extraction
 * benchmark (bench/bench_extraction.cc) and tests call the same code.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace khabar::records {

/// What extract_article finds in a page. Empty strings mean "not found".
struct ExtractedPage {
    std::string title;
    std::string title_field;  ///< "meta:og:title", "jsonld:headline", "html:h1", "html:title", ...
    std::string body;         ///< main text, paragraphs separated by a blank line
    std::string
        body_field;  ///< "html" (readability scoring), "jsonld:articleBody", "meta:description"
    std::string date_text;   ///< as written in the page ("2019-11-19T22:31:50-05:00")
    std::string date_field;  ///< "jsonld:datePublished", "meta:article:published_time", "url", ...
    /// Why written dates were refused and where the chosen one came from, for `khabar show`
    /// ("refused html:dateline \"Updated 03 May, 2024\" (in <aside>)", "no date of its own").
    std::vector<std::string> date_notes;
    std::string author;
    std::string url;  ///< canonical URL (absolute http/https), "" when the page names none
    std::string section;
    std::string lang;  ///< as stated by <html lang> or Content-Language ("en-US"); not detected
    std::string site_name;    ///< og:site_name, JSON-LD publisher, else the URL's host
    std::string description;  ///< og:description / meta description
};

/// Extracts the article of an HTML page. `url_hint` is where the page came from (a WARC target
/// URI, "" when unknown); it resolves a relative canonical link and feeds the URL date pattern.
///
/// Title: og:title, JSON-LD headline, twitter:title, the first <h1>, <title>; a trailing site
/// name (" - Dawn", " | Reuters") is removed. Date: the first that parses of JSON-LD
/// datePublished, meta article:published_time and the other publication-date metas, itemprop
/// datePublished, a <time>, /YYYY/MM/DD/ in the page's own URL, then a date-classed dateline;
/// dates written in the body count only inside the article element or beside its headline, never
/// in an aside, nav, footer, site header, link list or after the story (html_date_scope.h).
/// Body: readability-style scoring of the DOM (the element with most paragraph text at low link
/// density, with its sibling paragraphs), after dropping scripts, navigation, headers, footers,
/// asides, forms, hidden and ad/share/related blocks. JSON-LD articleBody replaces it when that
/// is clearly longer (the DOM text was cut by a paywall or a lazy loader).
ExtractedPage extract_article(std::string_view html_utf8, std::string_view url_hint);

}  // namespace khabar::records
