/** @file
 * @brief Internal to the HTML extractor: whether a visible date (a <time>, a date-classed element,
 *        microdata in the body) belongs to the article, decided by the page's structure.
 *
 * A visible date counts only inside the article element (before the story ends) or in the title's
 * header zone (beside the headline or byline, or the first lines of the body). It never counts
 * inside an aside, nav, footer, the site header, a complementary/navigation/contentinfo/banner
 * role, a list of headline links, or a block whose class or id names a sidebar, related or
 * most-read list, a widget or teasers.
 */
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "records/html_dom.h"

namespace khabar::records::html {

/// The article's place in one parsed page, and the judgement of date elements against it.
class DateScope {
  public:
    /// Reads the page (unchanged); `title` (the chosen title) picks the headline among <h1>s.
    DateScope(xmlDoc* doc, std::string_view title);

    /// "" when a date in element n belongs to the article, else why not ("in <aside>",
    /// "after the story", ...). Elements in <head> always belong; a <meta> or hidden <input> in
    /// the body belongs unless it sits in chrome outside the article element.
    std::string refusal(const xmlNode* n) const;

    /// True when element n is in the headline's header zone (beside the headline or byline, or
    /// the first lines of the body) and not in chrome: where a date line of no known markup
    /// may be the article's.
    bool in_header_zone(const xmlNode* n) const;

    /// Where an accepted element sits ("in the article", "beside the title").
    std::string place(const xmlNode* n) const;

  private:
    /// Visible text offsets (code points) where an element's text begins and ends.
    struct Span {
        std::size_t begin = 0, end = 0;
    };

    void measure(xmlNode* n, std::size_t& offset);
    xmlNode* find_headline(xmlNode* root, std::string_view title) const;
    xmlNode* find_article(xmlNode* root) const;
    bool contains(const xmlNode* outer, const xmlNode* inner) const;
    bool holds_anchor(const xmlNode* n) const;
    std::string chrome_reason(const xmlNode* n) const;
    /// A <footer> that is a child of the article element: the article's own (not a comment's or a
    /// teaser card's, nested deeper).
    bool article_footer(const xmlNode* n) const;
    bool beside_headline(const xmlNode* n) const;
    /// n is in the short element right before the article element, or before the headline's
    /// nearest container that has an element before it (Blogger's date header above each post).
    bool right_above_story(const xmlNode* n) const;
    Span span(const xmlNode* n) const;

    std::unordered_map<const xmlNode*, Span> spans_;
    std::vector<Span> prose_;  ///< blocks with a paragraph of their own text, in document order
    xmlNode* headline_ = nullptr;
    xmlNode* article_ = nullptr;
    std::size_t story_end_ = 0;   ///< end of the article element's last prose block
    std::size_t header_end_ = 0;  ///< end of the headline's header zone
};

}  // namespace khabar::records::html
