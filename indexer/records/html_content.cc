/** @file
 * @brief The main-text pass of the HTML extractor, after Mozilla Readability: drop page chrome,
 *        score paragraphs into their ancestors, pick the best container (and its good siblings),
 *        clean it conditionally and render it as paragraphs.
 */
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <unordered_map>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "records/html_parts.h"
#include "records/text_util.h"

namespace khabar::records::html {

namespace {

/// Fewer characters than this after a pass: try again with weaker filters (Readability's
/// charThreshold).
constexpr std::size_t kMinArticleChars = 500;
/// Paragraph-like elements shorter than this (characters) are not scored.
constexpr std::size_t kMinScoredChars = 25;
/// An ancestor replaces the top candidate when at least this share of the text it adds is
/// paragraph text.
constexpr double kMinWidenShare = 0.9;
/// A rendered paragraph with more link text than this share is dropped.
constexpr double kMaxParagraphLinkShare = 0.5;

/// Elements that never hold article text.
constexpr std::string_view kRemovedTags[] = {
    "script", "style",  "noscript", "template", "iframe",     "svg",    "canvas", "object",
    "embed",  "button", "input",    "select",   "textarea",   "option", "link",   "meta",
    "head",   "nav",    "aside",    "footer",   "header",     "dialog", "video",  "audio",
    "map",    "title",  "label",    "menu",     "figcaption", "marquee"};

/// Substrings of class/id that mark page chrome (Readability's unlikelyCandidates, with a few
/// news-site additions).
constexpr std::string_view kUnlikely[] = {
    "-ad-",         "ai2html",    "banner",  "breadcrumb", "combx",      "comment",
    "community",    "cover-wrap", "disqus",  "extra",      "footer",     "gdpr",
    "header",       "legends",    "menu",    "related",    "remark",     "replies",
    "rss",          "shoutbox",   "sidebar", "skyscraper", "social",     "sponsor",
    "supplemental", "ad-break",   "agegate", "pagination", "pager",      "popup",
    "yom-remote",   "newsletter", "cookie",  "consent",    "subscribe",  "promo",
    "share",        "outbrain",   "taboola", "recommend",  "trending",   "most-popular",
    "mostpopular",  "signup",     "modal",   "byline",     "author-bio", "toolbar"};
/// class/id substrings that keep an element despite an unlikely match.
constexpr std::string_view kMaybe[] = {"and",  "article", "body",  "column", "content",
                                       "main", "shadow",  "story", "text",   "post"};
constexpr std::string_view kPositive[] = {"article", "body",  "content",   "entry", "hentry",
                                          "h-entry", "main",  "page",      "post",  "text",
                                          "blog",    "story", "paragraph", "prose"};
constexpr std::string_view kNegative[] = {
    "-ad-",       "hidden",   "banner",     "combx",   "comment",  "com-",     "contact",
    "foot",       "footer",   "footnote",   "gdpr",    "masthead", "media",    "meta",
    "outbrain",   "promo",    "related",    "scroll",  "share",    "shoutbox", "sidebar",
    "skyscraper", "sponsor",  "shopping",   "tags",    "tool",     "widget",   "caption",
    "credit",     "byline",   "newsletter", "taboola", "recirc",   "signup",   "subscribe",
    "advert",     "trending", "popular"};
constexpr std::string_view kUnlikelyRoles[] = {"menu",       "menubar", "complementary",
                                               "navigation", "alert",   "alertdialog",
                                               "dialog",     "banner",  "contentinfo"};
/// Children that make a <div> more than a paragraph (Readability's DIV_TO_P_ELEMS and more).
constexpr std::string_view kDivBlockChildren[] = {
    "blockquote", "dl",      "div",     "img",    "ol",   "p",    "pre", "table",
    "ul",         "section", "article", "figure", "h1",   "h2",   "h3",  "h4",
    "h5",         "h6",      "header",  "footer", "form", "main", "li"};

/// Stock phrases of page chrome that are never article text, compared case-insensitively after
/// trimming.
constexpr std::string_view kChromePhrases[] = {"advertisement",
                                               "advertisment",
                                               "ad",
                                               "ads",
                                               "story continues below",
                                               "continue reading",
                                               "read more",
                                               "related",
                                               "related articles",
                                               "related stories",
                                               "share this article",
                                               "share",
                                               "sponsored",
                                               "skip advertisement",
                                               "scroll to continue with content",
                                               "story continues below advertisement",
                                               "article continues below",
                                               "loading...",
                                               "recommended",
                                               "click here",
                                               "more",
                                               "tweet",
                                               "email",
                                               "print",
                                               "comments",
                                               "text size"};

/// True when s contains one of the listed substrings.
template <std::size_t N>
bool contains_any(std::string_view s, const std::string_view (&list)[N]) {
    for (std::string_view k : list)
        if (s.find(k) != std::string_view::npos) return true;
    return false;
}

/// True when s equals one of the listed strings.
template <std::size_t N>
bool is_one_of(std::string_view s, const std::string_view (&list)[N]) {
    return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

struct Flags {
    bool strip_unlikely = true;
    bool weight_classes = true;
    bool clean_conditionally = true;
};

/// Text length in characters (whitespace runs count once), link text inside it, and commas.
struct Stats {
    std::size_t chars = 0;
    std::size_t link_chars = 0;
    std::size_t commas = 0;
};

/// Counts one text node into stats.
void count_text(std::string_view s, bool in_link, Stats& st) {
    bool space = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (is_space(static_cast<char>(c))) {
            if (!space) ++st.chars, st.link_chars += in_link;
            space = true;
            continue;
        }
        space = false;
        if ((c & 0xC0) == 0x80) continue;  // continuation byte
        ++st.chars;
        st.link_chars += in_link;
        if (c == ',') ++st.commas;
        if (c == 0xD8 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x8C)
            ++st.commas;  // Arabic comma U+060C
    }
}

/// Adds the text under n to st (link text when inside <a>).
void gather_stats(const xmlNode* n, bool in_link, Stats& st) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content)
            count_text(reinterpret_cast<const char*>(c->content), in_link, st);
        else if (is_element(c))
            gather_stats(c, in_link || tag(c) == "a", st);
    }
}

/// Text statistics of n and everything under it.
Stats stats_of(const xmlNode* n) {
    Stats st;
    gather_stats(n, tag(n) == "a", st);
    return st;
}

/// Share of the text that is link text (0 for no text).
double link_density(const Stats& st) {
    return st.chars ? static_cast<double>(st.link_chars) / static_cast<double>(st.chars) : 0.0;
}

/// Elements with this tag under n (n itself excluded).
std::size_t count_tag(xmlNode* n, std::string_view name) {
    std::size_t count = 0;
    for_each_element(n, [&](xmlNode* e) {
        count += e != n && tag(e) == name;
        return true;
    });
    return count;
}

/// Readability's readability:contentScore per element, plus the element base scores.
class Scorer {
  public:
    explicit Scorer(const Flags& flags) : flags_(flags) {}

    /// ±25 for positive/negative words in class and in id.
    int class_weight(const xmlNode* n) const {
        if (!flags_.weight_classes) return 0;
        int w = 0;
        for (const char* a : {"class", "id"}) {
            const std::string v = to_lower_ascii(attr(n, a));
            if (v.empty()) continue;
            if (contains_any(v, kNegative)) w -= 25;
            if (contains_any(v, kPositive)) w += 25;
        }
        return w;
    }

    /// Scores one paragraph-like element into up to five ancestors.
    void score_paragraph(xmlNode* p) {
        const Stats st = stats_of(p);
        if (st.chars < kMinScoredChars || !is_element(p->parent)) return;
        double content = 1.0 + static_cast<double>(st.commas + 1) +
                         static_cast<double>(std::min<std::size_t>(st.chars / 100, 3));
        int level = 0;
        for (xmlNode* a = p->parent; is_element(a) && level < 5; a = a->parent, ++level) {
            if (tag(a) == "html") break;
            const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
            score_of(a) += content / divider;
        }
    }

    /// The score of n, initialised from its tag and class on first use.
    double& score_of(xmlNode* n) {
        auto [it, inserted] = scores_.try_emplace(n, 0.0);
        if (inserted) {
            it->second = base_score(tag(n)) + class_weight(n);
            order_.push_back(n);
        }
        return it->second;
    }

    bool has_score(xmlNode* n) const { return scores_.count(n) != 0; }
    double score(xmlNode* n) const {
        auto it = scores_.find(n);
        return it == scores_.end() ? 0.0 : it->second;
    }
    const std::vector<xmlNode*>& candidates() const { return order_; }

  private:
    static double base_score(std::string_view t) {
        if (t == "div" || t == "article" || t == "main") return 5;
        if (t == "pre" || t == "td" || t == "blockquote") return 3;
        if (t == "address" || t == "ol" || t == "ul" || t == "dl" || t == "dd" || t == "dt" ||
            t == "li" || t == "form")
            return -3;
        if (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') return -5;
        if (t == "th") return -5;
        return 0;
    }

    const Flags& flags_;
    std::unordered_map<xmlNode*, double> scores_;
    std::vector<xmlNode*> order_;
};

/// Microdata of the byline and dateline ("By X", "Published Nov 18, 2019"), not article text.
bool is_byline_microdata(const xmlNode* n) {
    const std::string prop = to_lower_ascii(attr(n, "itemprop"));
    if (prop.empty()) return false;
    for (std::string_view p :
         {"datepublished", "datemodified", "author", "publisher", "creator", "datecreated"})
        if (prop.find(p) != std::string::npos) return stats_of(n).chars < 200;
    return false;
}

/// Hidden by the hidden attribute, aria-hidden or an inline display:none / visibility:hidden.
bool is_hidden(const xmlNode* n) {
    if (has_attr(n, "hidden") || to_lower_ascii(attr(n, "aria-hidden")) == "true") return true;
    std::string style = to_lower_ascii(attr(n, "style"));
    style.erase(std::remove_if(style.begin(), style.end(), [](char c) { return is_space(c); }),
                style.end());
    return style.find("display:none") != std::string::npos ||
           style.find("visibility:hidden") != std::string::npos;
}

/// Page chrome by class/id or ARIA role; never body, article, main or a link.
bool is_unlikely(const xmlNode* n) {
    const std::string_view t = tag(n);
    if (t == "body" || t == "html" || t == "article" || t == "main" || t == "a") return false;
    if (is_one_of(to_lower_ascii(attr(n, "role")), kUnlikelyRoles)) return true;
    const std::string ci = class_and_id(n);
    if (trim(ci).empty() || !contains_any(ci, kUnlikely) || contains_any(ci, kMaybe)) return false;
    return !has_ancestor(n, "table") && !has_ancestor(n, "code");
}

/// Removes comments, removed tags, hidden elements and (with the flag) unlikely candidates.
void strip_chrome(xmlNode* n, const Flags& flags) {
    for (xmlNode* c = n->children; c;) {
        xmlNode* next = c->next;
        if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
            remove_node(c);
        } else if (is_element(c)) {
            if (is_one_of(tag(c), kRemovedTags) || is_hidden(c) || is_byline_microdata(c) ||
                (flags.strip_unlikely && is_unlikely(c))) {
                remove_node(c);
            } else {
                strip_chrome(c, flags);
            }
        }
        c = next;
    }
}

/// True when a child of n is block content (a <div> with one is more than a paragraph).
bool has_block_child(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next)
        if (is_one_of(tag(c), kDivBlockChildren)) return true;
    return false;
}

/// True when some text under n is not whitespace.
bool has_text(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content &&
            !trim(reinterpret_cast<const char*>(c->content)).empty())
            return true;
        if (is_element(c) && has_text(c)) return true;
    }
    return false;
}

/// Wraps runs of text and inline elements directly inside a block container in a <p>, so that
/// text between <div>s and <br>s is scored like a paragraph.
void wrap_inline_runs(xmlNode* div) {
    xmlNode* c = div->children;
    while (c) {
        if (is_one_of(tag(c), kDivBlockChildren)) {
            c = c->next;
            continue;
        }
        xmlNode* p = xmlNewNode(nullptr, reinterpret_cast<const xmlChar*>("p"));
        xmlAddPrevSibling(c, p);
        while (c && !is_one_of(tag(c), kDivBlockChildren)) {
            xmlNode* next = c->next;
            xmlUnlinkNode(c);
            xmlAddChild(p, c);  // may merge adjacent text nodes and free c
            c = next;
        }
        // An empty <p> is left in place: freeing it would free elements still queued in
        // normalize_divs (a <div> inside an empty <span>); it is neither scored nor rendered.
    }
}

/// Divs with only inline content become paragraphs; mixed divs get their text runs wrapped.
void normalize_divs(xmlNode* root) {
    std::vector<xmlNode*> divs;
    for_each_element(root, [&](xmlNode* e) {
        if (tag(e) == "div" || tag(e) == "section" || tag(e) == "article" || tag(e) == "main" ||
            tag(e) == "td" || tag(e) == "body")
            divs.push_back(e);
        return true;
    });
    for (xmlNode* d : divs) {
        if (tag(d) == "div" && !has_block_child(d)) {
            if (has_text(d)) xmlNodeSetName(d, reinterpret_cast<const xmlChar*>("p"));
        } else if (has_block_child(d)) {
            wrap_inline_runs(d);
        }
    }
}

/// The elements whose text is scored (Readability's "section, h2-h6, p, td, pre", without
/// section: its paragraphs are scored on their own).
bool is_paragraph_like(std::string_view t) {
    return t == "p" || t == "pre" || t == "td" || t == "h2" || t == "h3" || t == "h4" ||
           t == "h5" || t == "h6";
}

/// Picks the best candidate, with Readability's adjustments (a shared ancestor of the other top
/// candidates, climbing to better parents, a lone child's parent).
xmlNode* top_candidate(Scorer& scorer, xmlNode* body) {
    std::vector<std::pair<double, xmlNode*>> ranked;
    for (xmlNode* n : scorer.candidates()) {
        const double s = scorer.score(n) * (1.0 - link_density(stats_of(n)));
        scorer.score_of(n) = s;
        ranked.emplace_back(s, n);
    }
    if (ranked.empty()) return body;
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    xmlNode* top = ranked.front().second;
    if (tag(top) == "body") return top;
    // Several strong candidates inside one ancestor: the ancestor holds the article.
    std::vector<xmlNode*> alternatives;
    for (std::size_t i = 1; i < ranked.size() && i < 5; ++i)
        if (ranked[i].first >= ranked.front().first * 0.75)
            alternatives.push_back(ranked[i].second);
    if (alternatives.size() >= 3) {
        for (xmlNode* a = top->parent; is_element(a) && tag(a) != "body"; a = a->parent) {
            std::size_t inside = 0;
            for (xmlNode* alt : alternatives)
                for (xmlNode* x = alt; x; x = x->parent)
                    if (x == a) {
                        ++inside;
                        break;
                    }
            if (inside >= 3) {
                top = a;
                break;
            }
        }
    }
    // Climb while the parent scores at least as well (the article's paragraphs are split).
    double last = scorer.score(top);
    const double threshold = last / 3.0;
    for (xmlNode* parent = top->parent; is_element(parent) && tag(parent) != "body";
         parent = parent->parent) {
        if (!scorer.has_score(parent)) continue;
        const double ps = scorer.score(parent);
        if (ps < threshold) break;
        if (ps > last) {
            top = parent;
            break;
        }
        last = ps;
    }
    while (is_element(top->parent) && tag(top->parent) != "body" &&
           xmlChildElementCount(top->parent) == 1)
        top = top->parent;
    return top;
}

/// Characters of article-like paragraphs under n: <p>/<pre> of at least kMinScoredChars with
/// little link text.
std::size_t paragraph_chars(xmlNode* n) {
    std::size_t total = 0;
    for_each_element(n, [&](xmlNode* e) {
        if (tag(e) != "p" && tag(e) != "pre") return true;
        const Stats st = stats_of(e);
        if (st.chars >= kMinScoredChars && link_density(st) < 0.33) total += st.chars;
        return false;
    });
    return total;
}

/// Widens the top candidate to an ancestor when that adds paragraph text and little else (an
/// article split into several blocks by figures or ads, which sibling merging does not reach).
xmlNode* widen_to_paragraphs(xmlNode* top) {
    std::size_t good = paragraph_chars(top), all = stats_of(top).chars;
    for (xmlNode* a = top->parent; is_element(a) && tag(a) != "body" && tag(a) != "html";
         a = a->parent) {
        const std::size_t a_good = paragraph_chars(a), a_all = stats_of(a).chars;
        if (a_all <= all || a_good <= good) continue;
        const double gain = static_cast<double>(a_good - good);
        if (gain / static_cast<double>(a_all - all) < kMinWidenShare) break;
        if (gain >= static_cast<double>(good) * 0.1) top = a, good = a_good, all = a_all;
    }
    return top;
}

/// The heading of an <article>: its first h1/h2 text, "" when it has none.
std::string article_heading(xmlNode* article) {
    for (std::string_view h : {"h1", "h2"})
        if (xmlNode* n = find_first(article, h)) return collapse_ws(inner_text(n));
    return {};
}

/// True when `s` and `t` name the same story: equal once case and spaces are folded, or one
/// holds the other (a <title> with the site's name after the headline).
bool same_headline(std::string_view s, std::string_view t) {
    const std::string a = to_lower_ascii(collapse_ws(s)), b = to_lower_ascii(collapse_ws(t));
    if (a.empty() || b.empty()) return false;
    return a.find(b) != std::string::npos || b.find(a) != std::string::npos;
}

/// True when `inner` is `outer` or inside it.
bool within(const xmlNode* inner, const xmlNode* outer) {
    for (const xmlNode* n = inner; n; n = n->parent)
        if (n == outer) return true;
    return false;
}

/// A page that holds several stories in <article> elements with headings of their own (an
/// infinite-scroll page saved after scrolling: the next story under a "Next Story" divider):
/// the story whose heading is the page's title, when `top` holds it or it has a third of top's
/// paragraph text at least; `top` itself otherwise. `told`: a story's heading is the title.
xmlNode* one_story(xmlNode* top, xmlNode* body, std::string_view title, bool& told) {
    told = false;
    std::vector<std::pair<xmlNode*, std::string>> stories;  // with their headings
    for_each_element(body, [&](xmlNode* e) {
        if (tag(e) != "article") return true;
        if (std::string heading = article_heading(e); !heading.empty())
            stories.emplace_back(e, std::move(heading));
        return false;  // an article inside an article is part of it
    });
    if (stories.size() < 2) return top;
    // The story named by the title with the most text of its own (a teaser card may carry the
    // same words as its heading).
    xmlNode* best = nullptr;
    std::size_t best_chars = 0;
    for (const auto& [s, heading] : stories) {
        if (!same_headline(heading, title)) continue;
        const std::size_t chars = paragraph_chars(s);
        if (!best || chars > best_chars) best = s, best_chars = chars;
    }
    if (!best) return top;    // no story is the page's: teaser cards are not told from it
    if (within(top, best)) {  // top is part of the page's story
        told = true;
        return top;
    }
    // The story holds a third of top's text at least, and outside top it is headed by an <h1>.
    if (3 * best_chars < paragraph_chars(top)) return top;
    if (!within(best, top) && !find_first(best, "h1")) return top;
    told = true;
    return best;
}

/// The sentence-like end of a short paragraph (Readability keeps such siblings).
bool ends_sentence(std::string_view text) {
    text = trim(text);
    return !text.empty() && (text.back() == '.' || text.find(". ") != std::string_view::npos);
}

/// Ends like a sentence in any script, before closing quotes and brackets: . ! ? ۔ ؟ (a lead
/// above the article's container in Urdu, or ending in a quotation).
bool ends_like_sentence(std::string_view text) {
    text = trim(text);
    for (bool trimmed = true; trimmed && !text.empty();) {
        trimmed = false;
        for (std::string_view close : {"\"", "'", ")", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"})
            if (text.ends_with(close)) {
                text.remove_suffix(close.size());
                trimmed = true;
            }
    }
    for (std::string_view end : {".", "!", "?", "\xDB\x94", "\xD8\x9F"})
        if (text.ends_with(end)) return true;
    return false;
}

/// The top candidate and the siblings that belong with it, in document order; with `one`, no
/// sibling <article> with a heading of its own (the page's story was told from the others).
std::vector<xmlNode*> gather_article(Scorer& scorer, xmlNode* top, bool one) {
    if (!is_element(top->parent) || tag(top) == "body") return {top};
    const double top_score = scorer.score(top);
    const double threshold = std::max(10.0, top_score * 0.2);
    const std::string top_class = attr(top, "class");
    std::vector<xmlNode*> out;
    bool before_top = true;
    for (xmlNode* s = top->parent->children; s; s = s->next) {
        if (!is_element(s)) continue;
        if (s == top) {
            out.push_back(s);
            before_top = false;
            continue;
        }
        // Another story of an infinite-scroll page is not this one's (one_story).
        if (one && tag(s) == "article" && !article_heading(s).empty()) continue;
        double bonus = 0;
        if (!top_class.empty() && attr(s, "class") == top_class) bonus = top_score * 0.2;
        if (scorer.has_score(s) && scorer.score(s) + bonus >= threshold) {
            out.push_back(s);
        } else if (tag(s) == "p") {
            // A lone paragraph above the article joins it only when it reads as a sentence (a
            // lead); a strip above the page's header (rates, weather, a ticker) does not.
            const Stats st = stats_of(s);
            const double ld = link_density(st);
            const std::string text = inner_text(s);
            const bool sentence = ends_sentence(text) || ends_like_sentence(text);
            if ((st.chars > 80 && ld < 0.25 && (!before_top || sentence)) ||
                (st.chars < 80 && st.chars > 0 && ld == 0 && sentence))
                out.push_back(s);
        }
    }
    return out;
}

/// h1 .. h6.
bool is_heading(std::string_view t) {
    return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

/// Readability's _cleanConditionally test for one element.
bool should_remove(xmlNode* n, Scorer& scorer) {
    const int weight = scorer.class_weight(n);
    const double score = scorer.score(n);
    if (weight + score < 0) return true;
    const Stats st = stats_of(n);
    if (st.commas >= 10) return false;
    const std::string_view t = tag(n);
    const bool is_list = t == "ul" || t == "ol";
    const double p = static_cast<double>(count_tag(n, "p"));
    const double img = static_cast<double>(count_tag(n, "img"));
    const double li = static_cast<double>(count_tag(n, "li")) - 100;
    const double inputs = static_cast<double>(count_tag(n, "input"));
    std::size_t heading_chars = 0;
    for_each_element(n, [&](xmlNode* e) {
        if (e != n && is_heading(tag(e))) heading_chars += stats_of(e).chars;
        return !is_heading(tag(e));
    });
    const double heading_density =
        st.chars ? static_cast<double>(heading_chars) / static_cast<double>(st.chars) : 0;
    const double ld = link_density(st);
    const bool in_figure = has_ancestor(n, "figure");
    return (img > 1 && p / img < 0.5 && !in_figure) || (!is_list && li > p) ||
           (inputs > std::floor(p / 3)) ||
           (!is_list && heading_density < 0.9 && st.chars < kMinScoredChars &&
            (img == 0 || img > 2) && !in_figure) ||
           (!is_list && weight < 25 && ld > 0.2) || (weight >= 25 && ld > 0.5);
}

/// Removes the elements of the given tag under root that fail the conditional test (deepest
/// first, as Readability walks them in reverse).
void clean_conditionally(xmlNode* root, std::string_view name, Scorer& scorer) {
    std::vector<xmlNode*> found;
    for_each_element(root, [&](xmlNode* e) {
        if (e != root && tag(e) == name) found.push_back(e);
        return true;
    });
    std::vector<xmlNode*> removed;
    for (auto it = found.rbegin(); it != found.rend(); ++it) {
        bool gone = false;  // an ancestor already removed frees this one too
        for (xmlNode* r : removed)
            for (xmlNode* x = (*it)->parent; x && !gone; x = x->parent) gone = x == r;
        if (gone) continue;
        if (should_remove(*it, scorer)) {
            xmlUnlinkNode(*it);
            removed.push_back(*it);
        }
    }
    for (xmlNode* r : removed) xmlFreeNode(r);
}

/// Drops headings with a negative class weight, <h1> (the title, shown separately) and
/// headings repeating the title; then forms, tables, lists and divs that look like chrome.
void prepare_article(xmlNode* root, Scorer& scorer, const Flags& flags, std::string_view title) {
    std::vector<xmlNode*> doomed;
    const std::string title_key = to_lower_ascii(collapse_ws(title));
    for_each_element(root, [&](xmlNode* e) {
        if (e == root || !is_heading(tag(e))) return true;
        const std::string text = to_lower_ascii(inner_text(e));
        if (tag(e) == "h1" || scorer.class_weight(e) < 0 ||
            (!title_key.empty() && text == title_key))
            doomed.push_back(e);
        return false;
    });
    for (xmlNode* d : doomed) remove_node(d);
    if (!flags.clean_conditionally) return;
    for (std::string_view t : {"form", "fieldset", "table", "ul", "ol", "div", "section"})
        clean_conditionally(root, t, scorer);
}

/// A rendered paragraph and how much of it is link text.
struct Paragraph {
    std::string text;
    std::size_t chars = 0;
    std::size_t link_chars = 0;
};

/// Paragraphs of rendered text.
class TextOut {
  public:
    void text(std::string_view s, bool in_link) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            if (is_space(c) || (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0')) {
                space_ = true;
                i += c == '\xC2';
                continue;
            }
            if (!space_ && boundary_ && !current_.text.empty() &&
                letter_meets_digit(current_.text, s.substr(i)))
                space_ = true;  // "<a>Headline</a><span>2024-07-03</span>": two words
            if (space_ && !current_.text.empty() && current_.text.back() != '\n')
                current_.text += ' ';
            space_ = false;
            boundary_ = false;
            current_.text += c;
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
                ++current_.chars;
                current_.link_chars += in_link;
            }
        }
    }
    void space() { space_ = true; }
    /// The end or start of an inline element: a letter and a digit glued across it are split.
    void boundary() { boundary_ = true; }
    void line_break() {
        if (!current_.text.empty() && current_.text.back() != '\n') current_.text += '\n';
        space_ = false;
    }
    void paragraph() {
        trim_in_place(current_.text);
        if (!current_.text.empty()) paragraphs_.push_back(std::move(current_));
        current_ = Paragraph{};
        space_ = false;
    }
    std::vector<Paragraph> finish() {
        paragraph();
        return std::move(paragraphs_);
    }

  private:
    /// The code point of UTF-8 `s` that starts at byte `i` (negative when malformed).
    static UChar32 code_point_at(std::string_view s, std::size_t i) {
        UChar32 c = 0;
        std::int32_t at = 0;
        U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data() + i), at,
                static_cast<std::int32_t>(s.size() - i), c);
        return c;
    }

    /// A letter (any script) and an ASCII digit meet: the text's last character and the first of
    /// `next`, in either order.
    static bool letter_meets_digit(std::string_view text, std::string_view next) {
        std::size_t start = text.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        const UChar32 last = code_point_at(text, start), first = code_point_at(next, 0);
        const auto digit = [](UChar32 c) { return c >= '0' && c <= '9'; };
        const auto letter = [](UChar32 c) { return c >= 0 && u_isalpha(c); };
        return (letter(last) && digit(first)) || (digit(last) && letter(first));
    }

    Paragraph current_;
    bool space_ = false;
    bool boundary_ = false;
    std::vector<Paragraph> paragraphs_;
};

/// Renders the children of n: block elements as paragraphs, <br> as a line break.
void render(const xmlNode* n, TextOut& out, bool in_link) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) out.text(reinterpret_cast<const char*>(c->content), in_link);
            continue;
        }
        if (!is_element(c)) continue;
        const std::string_view t = tag(c);
        if (t == "br") {
            out.line_break();
        } else if (t == "td" || t == "th") {
            out.space();
            render(c, out, in_link);
            out.space();
        } else if (is_block_tag(t)) {
            out.paragraph();
            render(c, out, in_link);
            out.paragraph();
        } else {
            // A link, span or time is styled apart from its neighbours ("<a>Headline</a><span>
            // 2024-07-03</span>"); sub, sup and text formatting are not ("CO<sub>2</sub>").
            const bool apart = t == "a" || t == "span" || t == "time";
            if (apart) out.boundary();
            render(c, out, in_link || t == "a");
            if (apart) out.boundary();
        }
    }
}

/// A paragraph that is a stock phrase of page chrome ("Advertisement", "Read more").
bool is_chrome_phrase(std::string_view paragraph) {
    std::string p = to_lower_ascii(trim(paragraph));
    while (!p.empty() && (p.back() == ':' || p.back() == '.')) p.pop_back();
    return is_one_of(p, kChromePhrases);
}

/// A paragraph that is mostly a link (a "Read more: ..." line, a tag list, a share button).
bool is_link_paragraph(const Paragraph& p) {
    return p.chars > 0 && static_cast<double>(p.link_chars) >
                              kMaxParagraphLinkShare * static_cast<double>(p.chars);
}

/// Renders the article nodes, drops chrome phrases and link lines, joins paragraphs with blank
/// lines.
std::string render_article(const std::vector<xmlNode*>& nodes) {
    TextOut out;
    for (const xmlNode* n : nodes) {
        out.paragraph();
        render(n, out, tag(n) == "a");
        out.paragraph();
    }
    std::string text;
    for (const Paragraph& p : out.finish()) {
        if (is_chrome_phrase(p.text) || is_link_paragraph(p)) continue;
        if (!text.empty()) text += "\n\n";
        text += p.text;
    }
    return text;
}

/// One Readability pass over a freshly parsed page.
std::string grab_article(DocPtr doc, std::string_view title, const Flags& flags) {
    if (!doc) return {};
    xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!root) return {};
    strip_chrome(root, flags);
    xmlNode* body = find_first(root, "body");
    if (!body) body = root;
    normalize_divs(body);
    Scorer scorer(flags);
    std::vector<xmlNode*> paragraphs;
    for_each_element(body, [&](xmlNode* e) {
        if (is_paragraph_like(tag(e))) paragraphs.push_back(e);
        return true;
    });
    for (xmlNode* p : paragraphs) scorer.score_paragraph(p);
    bool told = false;
    xmlNode* const top =
        one_story(widen_to_paragraphs(top_candidate(scorer, body)), body, title, told);
    std::vector<xmlNode*> nodes = gather_article(scorer, top, told);
    for (xmlNode* n : nodes) prepare_article(n, scorer, flags, title);
    return render_article(nodes);
}

/// Characters of UTF-8 text.
std::size_t char_count(std::string_view s) {
    return count_code_points(s);
}

}  // namespace

std::string render_fragment(std::string_view html_utf8) {
    DocPtr doc = parse_html(html_utf8);
    xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root) return {};
    strip_chrome(root, Flags{false, false, false});
    return render_article({root});
}

std::string main_text(std::string_view html_utf8, std::string_view title, DocPtr parsed) {
    static constexpr std::array<Flags, 4> kPasses = {
        {{true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}}};
    std::string best;
    for (const Flags& flags : kPasses) {
        DocPtr doc = parsed ? std::move(parsed) : parse_html(html_utf8);
        std::string text = grab_article(std::move(doc), title, flags);
        if (char_count(text) >= kMinArticleChars) return text;
        if (char_count(text) > char_count(best)) best = std::move(text);
    }
    return best;
}

}  // namespace khabar::records::html
