/** @file
 * @brief The article record: what every reader produces and every command shows.
 */
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dates/date.h"

namespace khabar {

/// Where an article came from: dump file, entry path inside it, record number in the entry.
struct Origin {
    std::string file;          ///< the path given on the command line (or "-")
    std::string entry;         ///< path inside the archive, "" when the file is the record source
    std::uint64_t record = 0;  ///< 1-based record number inside the entry (line for JSONL/CSV)

    /// `dump.tar.gz::dir/file.csv:12` (no `::entry` when the file is the record source, no
    /// `:record` when it is 0) — what users see in results and errors.
    std::string display() const;
};

/// A block of site chrome removed from an article, with why (for `show`; issue 13).
struct RemovedBlock {
    std::string text;    ///< the block, cut to a few hundred bytes
    std::string reason;  ///< "recurs on 12 of 40 pages of site:dawn.com", "navigation", ...
};

/// One news article as extracted from a dump. Strings are UTF-8.
struct Article {
    std::string own_id;  ///< the record's own id field, if any ("" when absent)
    std::string id;      ///< stable article id (see make_article_id)
    std::string url;
    std::string title;
    bool title_derived = false;  ///< title made from the first sentence, not given by the source
    /// The title is the first line of a plain-text page (text reader): site navigation, a
    /// headline or the story's lead; chrome removal decides which (TitleLayout::first_line).
    bool title_from_first_line = false;
    /// What the source names a first_line page (a mail's subject): its title when chrome removal
    /// finds no headline line in the text, instead of one derived from the lead.
    std::string fallback_title;
    std::string body;
    std::string date_text;   ///< raw date as the record gives it (readers fill this)
    std::string date_field;  ///< where date_text came from, e.g. "field:published", "reuters:DATE"
    Date date;               ///< parsed from date_text by the finisher; precision none when undated
    /// Why the page's date was chosen or refused, for `khabar show`: the HTML reader's notes
    /// ("refused html:dateline \"Updated 03 May, 2024\" (in <aside>)"), then chrome cleaning's
    /// on the page's own dateline ("undated: no date of its own …"); empty for records whose
    /// date is a field.
    std::vector<std::string> date_notes;
    std::string lang;    ///< ISO 639-1 code, "" when unknown
    std::string source;  ///< outlet / site
    /// The site name a page states (HTML: og:site_name, publisher, else its host), "" for
    /// records; site identity ranks it after the URL's host (cleaning::source_key).
    std::string site_name;
    std::string author;
    std::string section;
    std::uint32_t chrome_removed = 0;  ///< blocks of site chrome removed from the page (issue 7)
    std::vector<RemovedBlock> removed_chrome;  ///< the first of those blocks, with reasons
    /// Hash of the record's content as read (see content_hash in article_finisher.h): the id of a
    /// record with no id or URL of its own, and what a re-index compares (unchanged / replaced).
    std::string content_hash;
    Origin origin;
};

}  // namespace khabar
