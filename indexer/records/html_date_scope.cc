/** @file
 * @brief DateScope: the headline, the article element and their text positions in one page, and
 *        the structural test of a date element against them.
 */
#include "records/html_date_scope.h"

#include "records/html_parts.h"

#include <algorithm>

#include "records/text_util.h"

namespace khabar::records::html {

namespace {

/// A block with at least this many code points of its own text is a paragraph of prose.
constexpr std::size_t kProseChars = 80;
/// A first prose block longer than this is the story itself, not a standfirst before the byline.
constexpr std::size_t kStandfirstChars = 400;
/// With no prose after the headline, the header zone ends this many code points after it.
constexpr std::size_t kBareHeaderChars = 300;
/// A date before the headline counts when it shares with it a block of at most this much more
/// text than the headline (a kicker line or dateline above the title).
constexpr std::size_t kAboveHeadlineChars = 400;
/// With no <article> around the headline, the <article> with the most prose is the story's only
/// when it holds at least 1/kArticleProseShare of the page's prose.
constexpr std::size_t kArticleProseShare = 3;
/// A list is a list of headline links when this many of its items hold one.
constexpr std::size_t kLinkListItems = 2;

/// Elements whose text is never shown.
bool is_invisible_tag(std::string_view t) {
    return t == "script" || t == "style" || t == "noscript" || t == "template" || t == "head";
}

/// Code points of s that are not ASCII whitespace.
std::size_t visible_chars(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && !is_space(c)) ++n;
    return n;
}

/// True when a heading's text is the title (or one holds the other, for kickers and site names).
bool same_title(std::string_view heading, std::string_view title) {
    const std::string h = alnum_key(heading), t = alnum_key(title);
    if (h.empty() || t.empty()) return false;
    if (h == t) return true;
    const std::size_t shorter = std::min(h.size(), t.size());
    return shorter >= 12 && (h.find(t) != std::string::npos || t.find(h) != std::string::npos);
}

/// Tags that hold page chrome, never the article's date.
bool is_chrome_tag(std::string_view t) {
    return t == "aside" || t == "nav" || t == "footer" || t == "menu";
}

/// ARIA roles of page chrome.
bool is_chrome_role(std::string_view role) {
    return role == "complementary" || role == "navigation" || role == "contentinfo" ||
           role == "banner" || role == "menu" || role == "menubar";
}

/// The class/id word that marks a sidebar, a widget, a related/latest/most-read list or teasers;
/// "" when none. Joined words match anywhere ("relatedPosts"); short words only as whole words.
std::string chrome_word(std::string class_id) {
    // A page builder's block ("elementor-widget elementor-widget-post-info") wraps every part of
    // a page, the story's header included: the blocks of a post's own parts name a builder, not a
    // sidebar widget. Its other widgets (a posts grid, a sidebar) are still widgets.
    static constexpr std::string_view kPostParts[] = {
        "elementor-widget-container", "elementor-widget-theme-post",  "elementor-widget-post-info",
        "elementor-widget-heading",   "elementor-widget-text-editor", "elementor-widget-image"};
    std::string kept;
    for (std::size_t i = 0; i < class_id.size();) {
        const std::size_t end = std::min(class_id.find(' ', i), class_id.size());
        const std::string_view token = std::string_view(class_id).substr(i, end - i);
        const bool part = token == "elementor-widget" ||
                          std::any_of(std::begin(kPostParts), std::end(kPostParts),
                                      [&](std::string_view p) { return token.starts_with(p); });
        if (!part) (kept += token) += ' ';
        i = end + 1;
    }
    class_id = kept;
    static constexpr std::string_view kInside[] = {
        "sidebar",   "side-bar",   "related",     "widget",   "teaser",
        "recommend", "trending",   "popular",     "mostread", "most-read",
        "most_read", "mostviewed", "most-viewed", "footer",   "breadcrumb"};
    static constexpr std::string_view kWords[] = {"latest", "more", "nav",
                                                  "navbar", "menu", "ticker"};
    for (std::string_view w : kInside)
        if (class_id.find(w) != std::string::npos) return std::string(w);
    std::string word;
    for (std::size_t i = 0; i <= class_id.size(); ++i) {
        const char c = i < class_id.size() ? class_id[i] : ' ';
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += c;
            continue;
        }
        for (std::string_view w : kWords)
            if (word == w) return word;
        word.clear();
    }
    return {};
}

/// A link whose text reads as a headline (three words or more).
bool has_headline_link(xmlNode* item) {
    bool found = false;
    for_each_element(item, [&](xmlNode* e) {
        if (!found && tag(e) == "a") {
            const std::string text = inner_text(e);
            found = std::count(text.begin(), text.end(), ' ') >= 2;
        }
        return !found;
    });
    return found;
}

/// A <ul>/<ol> whose items are headline links (a teaser, related or latest list).
bool is_link_list(const xmlNode* n) {
    if (tag(n) != "ul" && tag(n) != "ol") return false;
    std::size_t linked = 0;
    for (xmlNode* c = n->children; c && linked < kLinkListItems; c = c->next)
        if (tag(c) == "li" && has_headline_link(c)) ++linked;
    return linked >= kLinkListItems;
}

/// A <meta> or hidden <input>: page metadata wherever the parser put it (libxml2 moves <head>
/// elements that follow stray text into the body).
bool is_hidden_field(const xmlNode* n) {
    return tag(n) == "meta" || (tag(n) == "input" && iequals(trim(attr(n, "type")), "hidden"));
}

/// True when n is inside chrome by tag alone (for choosing the headline and the article).
bool in_chrome_tag(const xmlNode* n) {
    for (const xmlNode* a = n->parent; is_element(a); a = a->parent)
        if (is_chrome_tag(tag(a))) return true;
    return false;
}

}  // namespace

DateScope::DateScope(xmlDoc* doc, std::string_view title) {
    xmlNode* root = doc ? xmlDocGetRootElement(doc) : nullptr;
    if (!root) return;
    std::size_t offset = 0;
    measure(root, offset);
    std::sort(prose_.begin(), prose_.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    headline_ = find_headline(root, title);
    article_ = find_article(root);
    if (article_) {
        const Span a = span(article_);
        story_end_ = a.end;
        for (const Span& p : prose_)
            if (p.begin >= a.begin && p.end <= a.end) story_end_ = p.end;
    }
    if (headline_) {
        const std::size_t after = span(headline_).end;
        header_end_ = after + kBareHeaderChars;
        auto first = std::find_if(prose_.begin(), prose_.end(),
                                  [&](const Span& p) { return p.begin >= after; });
        if (first != prose_.end()) {
            header_end_ = first->end;
            auto second = std::next(first);
            if (first->end - first->begin <= kStandfirstChars && second != prose_.end())
                header_end_ = second->begin;
        }
    }
}

void DateScope::measure(xmlNode* n, std::size_t& offset) {
    Span s{offset, offset};
    std::size_t own = 0;
    for (xmlNode* c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            const std::size_t chars = visible_chars(reinterpret_cast<const char*>(c->content));
            offset += chars;
            own += chars;
        } else if (is_element(c) && !is_invisible_tag(tag(c))) {
            measure(c, offset);
        }
    }
    s.end = offset;
    spans_[n] = s;
    if (own >= kProseChars) prose_.push_back(s);
}

xmlNode* DateScope::find_headline(xmlNode* root, std::string_view title) const {
    xmlNode *by_title = nullptr, *heading = nullptr, *in_article = nullptr, *first_long = nullptr;
    for_each_element(root, [&](xmlNode* e) {
        const std::string_view t = tag(e);
        if (is_invisible_tag(t)) return false;
        const bool h1 = t == "h1";
        if ((h1 || t == "h2" || t == "h3") && !in_chrome_tag(e)) {
            const std::string text = inner_text(e);
            if (h1 && !by_title && same_title(text, title)) by_title = e;
            if (!h1 && !heading && same_title(text, title)) heading = e;
            if (h1 && !in_article && has_ancestor(e, "article")) in_article = e;
            if (h1 && !first_long && std::count(text.begin(), text.end(), ' ') >= 2) first_long = e;
        }
        return true;
    });
    for (xmlNode* h : {by_title, heading, in_article, first_long})
        if (h) return h;
    return nullptr;
}

xmlNode* DateScope::find_article(xmlNode* root) const {
    for (xmlNode* a = headline_ ? headline_->parent : nullptr; is_element(a); a = a->parent)
        if (tag(a) == "article") return a;
    xmlNode* best = nullptr;
    std::size_t best_prose = 0;
    for_each_element(root, [&](xmlNode* e) {
        if (is_invisible_tag(tag(e))) return false;
        if (tag(e) != "article" || in_chrome_tag(e)) return true;
        const Span a = span(e);
        std::size_t prose = 0;
        for (const Span& p : prose_)
            if (p.begin >= a.begin && p.end <= a.end) prose += p.end - p.begin;
        if (!best || prose > best_prose) best = e, best_prose = prose;
        return true;
    });
    // Teaser cards marked up as <article> around a story in plain <div>s: an element that holds
    // little of the page's prose is one of them, not the story.
    std::size_t page_prose = 0;
    for (const Span& p : prose_) page_prose += p.end - p.begin;
    if (best_prose * kArticleProseShare < page_prose) return nullptr;
    return best;
}

DateScope::Span DateScope::span(const xmlNode* n) const {
    auto it = spans_.find(n);
    return it == spans_.end() ? Span{} : it->second;
}

bool DateScope::contains(const xmlNode* outer, const xmlNode* inner) const {
    for (const xmlNode* x = inner; x; x = x->parent)
        if (x == outer) return true;
    return false;
}

bool DateScope::holds_anchor(const xmlNode* n) const {
    return (headline_ && contains(n, headline_)) || (article_ && contains(n, article_));
}

bool DateScope::article_footer(const xmlNode* n) const {
    return article_ && n->parent == article_ && tag(n) == "footer";
}

std::string DateScope::chrome_reason(const xmlNode* n) const {
    std::string by_class;  // a class/id word or a link list: named only when no tag or role is
    for (const xmlNode* a = n; is_element(a); a = a->parent) {
        if (holds_anchor(a)) break;  // a wrapper of the article, not chrome beside it
        const std::string_view t = tag(a);
        if (article_footer(a)) continue;  // the article's own footer: its byline, its dates
        if (is_chrome_tag(t)) return "in <" + std::string(t) + ">";
        if (t == "header" && !(article_ && contains(article_, a))) return "in the site <header>";
        const std::string role = to_lower_ascii(trim(attr(a, "role")));
        if (is_chrome_role(role)) return "in role=" + role;
        if (!by_class.empty()) continue;
        if (std::string w = chrome_word(class_and_id(a)); !w.empty())
            by_class = "in <" + std::string(t) + "> classed \"" + w + "\"";
        else if (is_link_list(a))
            by_class = "in a list of links";
    }
    return by_class;
}

bool DateScope::beside_headline(const xmlNode* n) const {
    const Span s = span(n), h = span(headline_);
    if (s.begin >= h.begin) return s.begin <= header_end_;
    const xmlNode* shared = headline_->parent;
    while (is_element(shared) && !contains(shared, n)) shared = shared->parent;
    if (!is_element(shared) || tag(shared) == "body" || tag(shared) == "html") return false;
    const Span b = span(shared);
    return b.end - b.begin <= (h.end - h.begin) + kAboveHeadlineChars;
}

bool DateScope::right_above_story(const xmlNode* n) const {
    // The element right before the article element, or before the headline or its container
    // (Blogger: h2.date-header, then div.post holding the headline); no higher, where a site's
    // "today's date" bar sits.
    const xmlNode* from = article_ ? article_ : headline_;
    int levels = article_ ? 1 : 2;
    for (const xmlNode* a = from; is_element(a) && tag(a) != "body" && levels > 0;
         a = a->parent, --levels) {
        const xmlNode* above = a->prev;
        while (above && !is_element(above)) above = above->prev;
        if (!above) continue;
        if (!contains(above, n)) return false;  // the nearest element above is not n's
        const Span s = span(above);
        bool link = false;  // teasers of other stories link to them; a date header does not
        for_each_element(const_cast<xmlNode*>(above), [&](xmlNode* e) {
            link = link || tag(e) == "a";
            return !link;
        });
        return !link && s.end - s.begin <= kAboveHeadlineChars;
    }
    return false;
}

std::string DateScope::refusal(const xmlNode* n) const {
    if (has_ancestor(n, "head")) return {};
    if (is_hidden_field(n) && article_ && contains(article_, n)) return {};
    std::string chrome = chrome_reason(n);
    if (!chrome.empty() || is_hidden_field(n)) return chrome;
    const Span s = span(n);
    if (article_ && contains(article_, n)) {
        bool in_footer = false;  // "Posted on 17 January 2026" in the article's <footer>
        for (const xmlNode* a = n; is_element(a) && a != article_; a = a->parent)
            in_footer = in_footer || article_footer(a);
        return s.begin > story_end_ && !in_footer ? "after the story" : "";
    }
    if (headline_ && beside_headline(n)) return {};
    if ((article_ || headline_) && right_above_story(n)) return {};
    if (!article_ && !headline_) return "no headline or article element to place it";
    if ((article_ && s.begin >= story_end_) || (headline_ && s.begin > header_end_))
        return "after the story";
    return "outside the article";
}

bool DateScope::in_header_zone(const xmlNode* n) const {
    if (!headline_ || !chrome_reason(n).empty()) return false;
    if (article_ && contains(article_, n) && span(n).begin > story_end_) return false;
    return beside_headline(n);
}

std::string DateScope::place(const xmlNode* n) const {
    if (has_ancestor(n, "head") || is_hidden_field(n)) return "page metadata";
    return article_ && contains(article_, n) ? "in the article" : "beside the title";
}

}  // namespace khabar::records::html
