/** @file
 * @brief The metadata pass of the HTML extractor: <meta> tags, JSON-LD, microdata, canonical link,
 *        <title>/<h1>, <time>, <html lang>, and the date pattern of the URL, each field taken from
 *        the first source in a fixed precedence that gives a usable value.
 */
#include <libxml/uri.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dates/date_parser.h"
#include "dates/saving_time.h"
#include "records/html_date_scope.h"
#include "records/html_parts.h"
#include "records/text_util.h"

namespace khabar::records::html {

namespace {

using nlohmann::json;

/// JSON-LD nesting followed at most this deep.
constexpr int kMaxJsonDepth = 12;
/// Longest author / section / title value accepted (longer ones are page text, not metadata).
constexpr std::size_t kMaxShortField = 300;
/// Longest section name kept (longer values are keyword lists).
constexpr std::size_t kMaxSectionChars = 60;

/// Longest visible dateline text considered.
constexpr std::size_t kMaxDatelineChars = 80;
/// Refused date candidates noted one by one; the rest are counted.
constexpr std::size_t kMaxRefusalNotes = 4;

/// A date written in an element of the page, judged by its place (html_date_scope.h).
struct PlacedDate {
    std::string value;
    const xmlNode* node = nullptr;
};

/// A <meta>: its lower-cased key, its content, and where it is (a <meta> in the body can sit in
/// a teaser of another article).
struct Meta {
    std::string key, content;
    const xmlNode* node = nullptr;
};

/// Everything the metadata pass reads from the document, before choosing.
struct Collected {
    std::vector<Meta> metas;
    std::vector<json> jsonld;  ///< parsed JSON-LD blocks
    std::string canonical, html_lang, title, h1, article_h1, author_link;
    std::string itemprop_author, itemprop_headline;
    std::vector<PlacedDate> times;           ///< <time>: datetime, else its text
    std::vector<PlacedDate> update_times;    ///< <time> marked as the last update
    std::vector<PlacedDate> itemprop_dates;  ///< microdata datePublished on elements
    std::vector<PlacedDate> class_dates;     ///< short elements classed like a date that parse
    std::vector<PlacedDate> date_lines;      ///< short elements of any class that read as a day
};

/// First value of a meta key ("" when absent or blank).
std::string meta(const Collected& c, std::string_view key) {
    for (const Meta& m : c.metas)
        if (m.key == key && !trim(m.content).empty()) return collapse_ws(m.content);
    return {};
}

/// The key a <meta> is known by: property, name, itemprop or http-equiv (lower-cased).
std::string meta_key(const xmlNode* n) {
    for (const char* a : {"property", "name", "itemprop", "http-equiv"}) {
        std::string k = attr(n, a);
        if (!trim(k).empty()) return to_lower_ascii(trim(k));
    }
    return {};
}

/// JSON text as pages write it: raw control characters inside strings are replaced by spaces
/// (browsers' JSON.parse rejects them too, but search engines read such blocks anyway).
std::string sanitize_json(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return out;
}

/// Parses one JSON-LD <script> (retrying with control characters blanked).
void collect_jsonld(const xmlNode* script, Collected& c) {
    std::string text;
    for (const xmlNode* t = script->children; t; t = t->next)
        if (t->content) text += reinterpret_cast<const char*>(t->content);
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) j = json::parse(sanitize_json(text), nullptr, false);
    if (!j.is_discarded()) c.jsonld.push_back(std::move(j));
}

/// Microdata (itemprop on ordinary elements): its content/datetime attribute, else its text.
std::string itemprop_value(const xmlNode* n) {
    for (const char* a : {"content", "datetime"}) {
        std::string v = attr(n, a);
        if (!trim(v).empty()) return collapse_ws(v);
    }
    return inner_text(n);
}

/// Microdata datePublished, headline and author (its name) of one element.
void collect_itemprop(const xmlNode* n, Collected& c) {
    const std::string prop = to_lower_ascii(attr(n, "itemprop"));
    if (prop == "datepublished") c.itemprop_dates.push_back({itemprop_value(n), n});
    if (prop == "headline" && c.itemprop_headline.empty()) c.itemprop_headline = inner_text(n);
    if (prop == "author" && c.itemprop_author.empty()) {
        const xmlNode* name = nullptr;
        for_each_element(const_cast<xmlNode*>(n), [&](xmlNode* e) {
            if (!name && to_lower_ascii(attr(e, "itemprop")) == "name") name = e;
            return !name;
        });
        c.itemprop_author = name ? itemprop_value(name) : inner_text(n);
    }
}

/// A short element whose class names a date ("article-publish-date", "datetime", "posted-on")
/// and whose text parses as one: a visible dateline (an element inside one with the same text is
/// not another).
void collect_class_date(const xmlNode* n, Collected& c) {
    const std::string cls = to_lower_ascii(attr(n, "class"));
    if (cls.find("date") == std::string::npos && cls.find("publish") == std::string::npos &&
        cls.find("posted") == std::string::npos)
        return;
    if (cls.find("update") != std::string::npos || cls.find("modified") != std::string::npos)
        return;
    std::string text = tag(n) == "input" ? collapse_ws(attr(n, "value")) : inner_text(n);
    if (text.empty() || text.size() > kMaxDatelineChars || is_saving_time(text) ||
        !parse_date(text, NumericOrder::day_first))
        return;
    if (!c.class_dates.empty() && c.class_dates.back().value == text) {
        for (const xmlNode* a = n->parent; a; a = a->parent)
            if (a == c.class_dates.back().node) return;
    }
    c.class_dates.push_back({std::move(text), n});
}

/// Inline elements that may sit inside a date line ("Published <b>April 3</b>, 1987").
bool is_inline_tag(std::string_view t) {
    return t == "span" || t == "b" || t == "strong" || t == "em" || t == "i" || t == "small" ||
           t == "abbr" || t == "br";
}

/// An element of any class whose whole text is a date line giving a day ("Published April 3,
/// 1987 at 10:44 am", "اپ ڈیٹ ۲۰ نومبر ۲۰۲۴ ۱۶:۴۲"): text and inline elements only, at most
/// kMaxDatelineChars bytes. Links and <time> are not lines (teasers; collect_time). Whether it
/// is the article's is decided later, by its place (only beside the headline counts).
void collect_date_line(const xmlNode* n, Collected& c) {
    const std::string_view t = tag(n);
    if (t == "a" || t == "time" || t == "title" || t == "option" || is_inline_tag(t)) return;
    std::size_t bytes = 0;
    for (const xmlNode* k = n->children; k; k = k->next) {
        if (is_element(k) && !is_inline_tag(tag(k))) return;
        if (k->type == XML_TEXT_NODE && k->content)
            bytes += std::string_view(reinterpret_cast<const char*>(k->content)).size();
        if (bytes > 4 * kMaxDatelineChars) return;
    }
    std::string text = inner_text(n);
    if (text.empty() || text.size() > kMaxDatelineChars || is_saving_time(text)) return;
    const auto d = parse_date(text, NumericOrder::day_first);  // either order is a date line
    if (!d || d->precision != DatePrecision::day) return;
    c.date_lines.push_back({std::move(text), n});
}

/// A <time>: its datetime attribute, else its text when that is short. A time marked as the
/// update's (and not also the publication's) is kept apart, as the last resort.
void collect_time(const xmlNode* n, Collected& c) {
    std::string v(trim(attr(n, "datetime")));
    if (v.empty()) v = inner_text(n);
    if (v.empty() || v.size() > kMaxDatelineChars) return;
    std::string marks = to_lower_ascii(attr(n, "class") + " " + attr(n, "itemprop"));
    if (tag(n->parent) == "li") marks += " " + to_lower_ascii(attr(n->parent, "class"));
    const bool update = (marks.find("update") != std::string::npos ||
                         marks.find("modified") != std::string::npos) &&
                        marks.find("publish") == std::string::npos;
    (update ? c.update_times : c.times).push_back({std::move(v), n});
}

/// A microformat date (hAtom, hCalendar): `<abbr class="published" title="2024-06-05T10:30:00">June
/// 5</abbr>`, its title holding the full date; kept with the <time>s.
void collect_microformat_date(const xmlNode* n, Collected& c) {
    const std::string classes = " " + to_lower_ascii(collapse_ws(attr(n, "class"))) + " ";
    const bool published = classes.find(" published ") != std::string::npos;
    const bool updated = classes.find(" updated ") != std::string::npos;
    if (!published && !updated) return;
    std::string v(trim(attr(n, "title")));
    if (v.empty() || v.size() > kMaxDatelineChars) return;
    (published ? c.times : c.update_times).push_back({std::move(v), n});
}

/// One element of the collecting walk.
bool collect_element(xmlNode* n, Collected& c) {
    const std::string_view t = tag(n);
    if (t == "meta") {
        std::string key = meta_key(n);
        if (!key.empty())
            c.metas.push_back(
                {std::move(key), attr(n, "content"), has_ancestor(n, "head") ? nullptr : n});
    } else if (t == "script") {
        if (iequals(trim(attr(n, "type")), "application/ld+json")) collect_jsonld(n, c);
        return false;
    } else if (t == "link") {
        const std::string rel = to_lower_ascii(attr(n, "rel"));
        if (rel == "canonical" && c.canonical.empty()) c.canonical = trim(attr(n, "href"));
    } else if (t == "html") {
        c.html_lang = trim(attr(n, "lang"));
        if (c.html_lang.empty()) c.html_lang = trim(attr(n, "xml:lang"));
    } else if (t == "title" && c.title.empty() && !has_ancestor(n, "svg")) {
        c.title = inner_text(n);
    } else if (t == "h1") {
        if (c.h1.empty()) c.h1 = inner_text(n);
        if (c.article_h1.empty() && has_ancestor(n, "article")) c.article_h1 = inner_text(n);
    } else if (t == "time") {
        collect_time(n, c);
    } else if (t == "abbr") {
        collect_microformat_date(n, c);
    } else if (t == "a" && c.author_link.empty() && to_lower_ascii(attr(n, "rel")) == "author") {
        c.author_link = inner_text(n);
    }
    if (has_attr(n, "itemprop") && t != "meta") collect_itemprop(n, c);
    if (t != "body" && t != "html") {
        collect_class_date(n, c);
        collect_date_line(n, c);
    }
    return t != "svg" && t != "style";
}

/// Everything the choosers look at, in one walk over the document.
Collected collect(xmlDoc* doc) {
    Collected c;
    for_each_element(xmlDocGetRootElement(doc), [&](xmlNode* n) { return collect_element(n, c); });
    return c;
}

// --- JSON-LD -------------------------------------------------------------------------------

/// A JSON value as text: strings as they are, numbers printed, objects by name/@value.
std::string json_text(const json& v) {
    if (v.is_string()) return collapse_ws(v.get<std::string>());
    if (v.is_number()) return v.dump();
    if (v.is_object()) {
        for (const char* k : {"name", "@value"})
            if (v.contains(k)) return json_text(v[k]);
    }
    if (v.is_array() && !v.empty()) return json_text(v.front());
    return {};
}

/// The @type of a JSON-LD node, all of its types joined by spaces.
std::string json_types(const json& node) {
    if (!node.contains("@type")) return {};
    const json& t = node["@type"];
    if (t.is_string()) return t.get<std::string>();
    std::string out;
    if (t.is_array())
        for (const json& x : t)
            if (x.is_string()) out += x.get<std::string>() + " ";
    return out;
}

/// Schema.org types that describe an article (NewsArticle, BlogPosting, ...).
bool is_article_type(std::string_view types) {
    for (std::string_view k :
         {"Article", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "Report", "Review"})
        if (types.find(k) != std::string_view::npos) return true;
    return false;
}

/// Graph of JSON-LD nodes: every object with a @type, and objects by @id for references.
struct JsonLdGraph {
    std::vector<const json*> articles;
    std::vector<const json*> pages;
    std::unordered_map<std::string, const json*> by_id;
};

/// Adds the typed nodes of a JSON-LD value (and its @graph) to the graph. Articles in an
/// itemListElement (`listed`) are other pages' teasers, not this page's article.
void index_json(const json& v, JsonLdGraph& g, int depth, bool listed = false) {
    if (depth > kMaxJsonDepth) return;
    if (v.is_array()) {
        for (const json& x : v) index_json(x, g, depth + 1, listed);
        return;
    }
    if (!v.is_object()) return;
    const std::string types = json_types(v);
    if (is_article_type(types) && !listed) g.articles.push_back(&v);
    if (types.find("WebPage") != std::string::npos) g.pages.push_back(&v);
    if (v.contains("@id") && v["@id"].is_string() && !types.empty())
        g.by_id.emplace(v["@id"].get<std::string>(), &v);
    for (const char* k : {"@graph", "mainEntity", "itemListElement"})
        if (v.contains(k))
            index_json(v[k], g, depth + 1, listed || std::string_view(k) == "itemListElement");
}

/// v itself, or the node it references by {"@id": ...}.
const json& resolve(const json& v, const JsonLdGraph& g) {
    if (v.is_object() && v.size() == 1 && v.contains("@id") && v["@id"].is_string()) {
        auto it = g.by_id.find(v["@id"].get<std::string>());
        if (it != g.by_id.end()) return *it->second;
    }
    return v;
}

/// Names of a JSON-LD author value (a person, a list of them, a string), joined by ", ".
std::string json_authors(const json& v, const JsonLdGraph& g) {
    const json& a = resolve(v, g);
    if (a.is_array()) {
        std::string out;
        for (const json& x : a) {
            std::string n = json_authors(x, g);
            if (n.empty() || out.find(n) != std::string::npos) continue;
            if (!out.empty()) out += ", ";
            out += n;
        }
        return out;
    }
    return json_text(a);
}

/// A field of the best article node (the first with a value), "" when none has it.
std::string article_field(const JsonLdGraph& g, const char* key) {
    for (const json* a : g.articles)
        if (a->contains(key)) {
            std::string v =
                std::string(key) == "author" ? json_authors((*a)[key], g) : json_text((*a)[key]);
            if (!v.empty()) return v;
        }
    return {};
}

/// The articleBody of the article nodes (the longest), "" when none.
std::string article_body(const JsonLdGraph& g) {
    std::string best;
    for (const json* a : g.articles)
        if (a->contains("articleBody") && (*a)["articleBody"].is_string()) {
            std::string b = (*a)["articleBody"].get<std::string>();
            if (b.size() > best.size()) best = std::move(b);
        }
    return best;
}

// --- choosing ------------------------------------------------------------------------------

/// Host of an absolute URL, without "www."; "" when there is none.
std::string url_host(std::string_view url) {
    std::size_t p = url.find("://");
    if (p == std::string_view::npos) return {};
    std::string_view rest = url.substr(p + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    rest = rest.substr(rest.find('@') == std::string_view::npos ? 0 : rest.find('@') + 1);
    rest = rest.substr(0, rest.find(':'));
    if (rest.size() > 4 && iequals(rest.substr(0, 4), "www.")) rest.remove_prefix(4);
    return to_lower_ascii(rest);
}

/// True when s is written like a host name: "dawn.com", "awami-pukar.pk", "www.bbc.co.uk" (ASCII
/// letters, digits, '-' and '.', ending in a lower-case label of 2-6 letters).
bool looks_like_host(std::string_view s) {
    s = trim(s);
    const std::size_t dot = s.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || s.size() - dot < 3 || s.size() - dot > 7)
        return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return false;
    for (char c : s.substr(dot + 1))
        if (c < 'a' || c > 'z') return false;
    return true;
}

/// True when a title segment names the site (its name, or the host's main label). A page that
/// states neither may still name itself by its host ("awami-pukar.pk - headline").
bool names_site(std::string_view segment, std::string_view site, std::string_view host) {
    const std::string seg = alnum_key(segment);
    if (seg.empty()) return false;
    if (site.empty() && host.empty()) return looks_like_host(segment);
    if (!site.empty() && seg == alnum_key(site)) return true;
    const std::string h = alnum_key(host.substr(0, host.rfind('.')));
    return !h.empty() && (seg == h || alnum_key(host).find(seg) == 0 ||
                          (seg.size() >= 4 && h.find(seg) != std::string::npos));
}

constexpr std::string_view kTitleSeparators[] = {
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / "};

/// Position and length of the last title separator in t, {npos, 0} when none.
std::pair<std::size_t, std::size_t> last_separator(std::string_view t) {
    std::pair<std::size_t, std::size_t> best{std::string_view::npos, 0};
    for (std::string_view sep : kTitleSeparators) {
        std::size_t p = t.rfind(sep);
        if (p != std::string_view::npos && (best.first == std::string_view::npos || p > best.first))
            best = {p, sep.size()};
    }
    return best;
}

/// Whitespace-separated words in s.
std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : s) {
        if (is_space(c)) {
            in_word = false;
        } else if (!in_word) {
            in_word = true;
            ++n;
        }
    }
    return n;
}

/// The title without a trailing (or leading) site name: "X - Dawn" -> "X". With `loose` (a
/// <title>), a short last segment after a long enough title is removed even when it does not
/// match the site.
std::string strip_site_name(std::string title, std::string_view site, std::string_view host,
                            bool loose) {
    for (int round = 0; round < 3; ++round) {
        auto [p, len] = last_separator(title);
        if (p == std::string::npos || p == 0) break;
        std::string_view head = std::string_view(title).substr(0, p);
        std::string_view tail = std::string_view(title).substr(p + len);
        const bool site_tail = names_site(tail, site, host);
        const bool generic = loose && round == 0 && word_count(tail) <= 4 && word_count(head) >= 4;
        if (!site_tail && !generic) break;
        title = std::string(trim(head));
    }
    for (std::string_view sep : kTitleSeparators) {
        std::size_t p = title.find(sep);
        if (p != std::string::npos && names_site(std::string_view(title).substr(0, p), site, host))
            return std::string(trim(std::string_view(title).substr(p + sep.size())));
    }
    return title;
}

/// Title: og:title, JSON-LD headline, twitter:title, microdata, <h1>, <title>.
void choose_title(const Collected& c, const JsonLdGraph& g, ExtractedPage& p,
                  std::string_view host) {
    const std::pair<std::string, std::string> candidates[] = {
        {"meta:og:title", meta(c, "og:title")},
        {"jsonld:headline", article_field(g, "headline")},
        {"meta:twitter:title", meta(c, "twitter:title")},
        {"itemprop:headline", c.itemprop_headline},
        {"html:h1", c.article_h1.empty() ? c.h1 : c.article_h1},
        {"html:title", c.title}};
    for (const auto& [field, value] : candidates) {
        std::string v = collapse_ws(value);
        if (v.empty() || v.size() > kMaxShortField * 2) continue;
        p.title = strip_site_name(v, p.site_name, host, field == "html:title");
        if (p.title.empty()) p.title = v;
        p.title_field = field;
        return;
    }
}

/// The date in a URL's path: "/2017/05/13/", "/2017-05-13", "/2019/nov/18/", "-20191115/" give a
/// day ("2017-05-13", "18 nov 2019"), "/2017/05/slug" a month ("2017-05"); "" when none.
std::string url_date(std::string_view url) {
    static const std::regex kDay(
        R"(/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|\.|-|_|$))");
    static const std::regex kNamedMonth(
        R"(/((?:19|20)\d\d)/([a-z]{3})[a-z]*/(0?[1-9]|[12]\d|3[01])(?:/|$))", std::regex::icase);
    static const std::regex kCompact(
        R"([-_/]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/._-]|$))");
    static const std::regex kMonth(R"(/((?:19|20)\d\d)/(0[1-9]|1[0-2])/)");
    std::string u(url.substr(0, url.find_first_of("?#")));
    std::size_t scheme = u.find("://");
    if (scheme != std::string::npos)
        u = u.substr(u.find('/', scheme + 3) == std::string::npos ? u.size()
                                                                  : u.find('/', scheme + 3));
    std::smatch m;
    auto two = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
    if (std::regex_search(u, m, kDay) || std::regex_search(u, m, kCompact))
        return m[1].str() + "-" + two(m[2].str()) + "-" + two(m[3].str());
    if (std::regex_search(u, m, kNamedMonth))
        return m[3].str() + " " + m[2].str() + " " + m[1].str();
    if (std::regex_search(u, m, kMonth)) return m[1].str() + "-" + m[2].str();
    return {};
}

/// The publication-date metas, in precedence order.
constexpr const char* kDateMetas[] = {"article:published_time",
                                      "og:published_time",
                                      "pubdate",
                                      "publishdate",
                                      "publish-date",
                                      "publish_date",
                                      "article.published",
                                      "datepublished",
                                      "dc.date.issued",
                                      "dcterms.issued",
                                      "date",
                                      "dc.date",
                                      "dcterms.date",
                                      "dcterms.created",
                                      "sailthru.date",
                                      "parsely-pub-date",
                                      "article:published",
                                      "published_time",
                                      "originalpublicationdate",
                                      "displaydate",
                                      "dc.date.created"};

/// Takes the first date candidate that parses and belongs to the article, noting on the page
/// why a written date was refused and where the chosen one came from.
class DateChooser {
  public:
    DateChooser(xmlDoc* doc, ExtractedPage& page) : doc_(doc), page_(page) {}

    /// A candidate from the page's metadata or URL (`node` null) or from an element of the page.
    bool offer(std::string_view field, std::string_view value, const xmlNode* node,
               std::string where) {
        if (chosen_) return true;
        std::string v = collapse_ws(value);
        if (v.empty() || v.size() > 100 || !parse_date(v, NumericOrder::day_first)) return false;
        if (node) {
            if (std::string why = scope().refusal(node); !why.empty()) {
                refuse(field, v, why);
                return false;
            }
            where = scope().place(node);
        }
        if (const auto d = parse_date(v, NumericOrder::day_first);
            month_ && field == "html:dateline" &&
            (d->year != month_->year || d->month != month_->month)) {
            refuse(field, v, "not in the URL's month");
            return false;
        }
        if (!parse_date(v)) {  // "04/03/1987": the site's order may settle it (chrome cleaning)
            if (!ambiguous_) ambiguous_ = {std::string(field), std::move(v), std::move(where)};
            return false;
        }
        page_.date_notes.push_back(fmt(field, v, "chosen", where));
        page_.date_text = std::move(v);
        page_.date_field = std::string(field);
        return chosen_ = true;
    }

    /// A URL that gives only a month (/2019/03/): datelines of another month are refused (a
    /// "Last updated" line, a site's date bar); one of that month may add the day.
    void within_month(std::string_view url_value) {
        const auto d = parse_date(url_value);
        if (d && d->precision == DatePrecision::month) month_ = d;
    }

    /// Every written date of a kind, in document order.
    bool offer_all(std::string_view field, const std::vector<PlacedDate>& dates) {
        for (const PlacedDate& d : dates)
            if (offer(field, d.value, d.node, "")) return true;
        return false;
    }

    /// Date lines of no known markup: only those in the headline's header zone count.
    bool offer_header_lines(std::string_view field, const std::vector<PlacedDate>& dates) {
        for (const PlacedDate& d : dates) {
            if (chosen_) return true;
            if (!scope().in_header_zone(d.node)) {
                if (scope().refusal(d.node).empty()) refuse(field, d.value, "not beside the title");
                continue;
            }
            if (offer(field, d.value, d.node, "")) return true;
        }
        return false;
    }

    /// Ends the notes: the count of refusals not listed, and "no date of its own" when undated.
    void finish() {
        if (!chosen_ && ambiguous_) {
            page_.date_notes.push_back(
                fmt(ambiguous_->field, ambiguous_->value, "day or month first", ambiguous_->where));
            page_.date_text = std::move(ambiguous_->value);
            page_.date_field = std::move(ambiguous_->field);
            chosen_ = true;
        }
        if (refused_ > kMaxRefusalNotes)
            page_.date_notes.push_back(std::to_string(refused_ - kMaxRefusalNotes) +
                                       " more refused");
        if (!chosen_) page_.date_notes.insert(page_.date_notes.begin(), "no date of its own");
    }

  private:
    static std::string fmt(std::string_view field, std::string_view value, std::string_view verb,
                           std::string_view why) {
        return std::string(verb) + " " + std::string(field) + " \"" + std::string(value) + "\" (" +
               std::string(why) + ")";
    }
    void refuse(std::string_view field, std::string_view value, std::string_view why) {
        if (++refused_ <= kMaxRefusalNotes)
            page_.date_notes.push_back(fmt(field, value, "refused", why));
    }

    /// The article's place, found when a written date first needs judging.
    const DateScope& scope() {
        if (!scope_) scope_.emplace(doc_, page_.title);
        return *scope_;
    }

    xmlDoc* doc_;
    std::optional<DateScope> scope_;
    ExtractedPage& page_;
    struct Candidate {
        std::string field, value, where;
    };
    std::optional<Candidate> ambiguous_;  ///< the first own date that reads either way
    std::optional<Date> month_;           ///< the URL's month, when it gives no day
    bool chosen_ = false;
    std::size_t refused_ = 0;
};

/// Date: the first candidate, in precedence order, that parses and is the article's own: JSON-LD
/// and meta tags, microdata, a <time> and the page's own URL, then a dateline (an element classed
/// as a date, else a date line of any markup beside the headline), then a <time> of the last
/// update; dates written in the body count only in the article's place (DateScope).
void choose_date(const Collected& c, const JsonLdGraph& g, ExtractedPage& p, std::string_view url,
                 xmlDoc* doc) {
    DateChooser d(doc, p);
    const auto all = [&]() {
        if (d.offer("jsonld:datePublished", article_field(g, "datePublished"), nullptr,
                    "page metadata"))
            return;
        for (const char* key : kDateMetas)
            for (const Meta& m : c.metas)
                if (m.key == key &&
                    d.offer(std::string("meta:") + key, m.content, m.node, "page metadata"))
                    return;
        if (d.offer_all("itemprop:datePublished", c.itemprop_dates)) return;
        for (const json* page : g.pages)
            if (page->contains("datePublished") &&
                d.offer("jsonld:WebPage.datePublished", json_text((*page)["datePublished"]),
                        nullptr, "page metadata"))
                return;
        if (d.offer_all("html:time", c.times)) return;
        // A URL with a day in it (/2025/11/01/) before the page's datelines; one with only a
        // month (/2025/11/) after them, as they may name the day.
        const std::string own = url != p.url ? url_date(url) : std::string();
        const std::string canonical = url_date(p.url);
        const auto by_day = [](const std::string& v) {
            const auto date = parse_date(v);
            return date && date->precision == DatePrecision::day;
        };
        if (by_day(own) && d.offer("url", own, nullptr, "the page's URL")) return;
        if (by_day(canonical) && d.offer("url", canonical, nullptr, "the page's canonical URL"))
            return;
        d.within_month(own.empty() ? canonical : own);
        if (d.offer_all("html:dateline", c.class_dates)) return;
        if (d.offer_header_lines("html:dateline", c.date_lines)) return;
        if (!by_day(own) && d.offer("url", own, nullptr, "the page's URL")) return;
        if (!by_day(canonical) && d.offer("url", canonical, nullptr, "the page's canonical URL"))
            return;
        d.offer_all("html:time", c.update_times);
    };
    all();
    d.finish();
}

/// "By Jane Doe" -> "Jane Doe"; values that are URLs or page text are rejected ("").
std::string clean_author(std::string_view a) {
    std::string s = collapse_ws(a);
    std::string_view v = s;
    if (v.size() > 3 && iequals(v.substr(0, 3), "by ")) v.remove_prefix(3);
    v = trim(v);
    if (v.empty() || v.size() > kMaxShortField || v.find("://") != std::string_view::npos ||
        v.starts_with("www."))
        return {};
    return std::string(v);
}

/// Author: JSON-LD, then the author metas, microdata and rel=author (not the site).
void choose_author(const Collected& c, const JsonLdGraph& g, ExtractedPage& p) {
    const std::string candidates[] = {article_field(g, "author"),
                                      meta(c, "author"),
                                      meta(c, "article:author"),
                                      meta(c, "byl"),
                                      meta(c, "parsely-author"),
                                      meta(c, "sailthru.author"),
                                      meta(c, "dc.creator"),
                                      c.itemprop_author,
                                      c.author_link};
    for (const std::string& v : candidates) {
        std::string a = clean_author(v);
        if (a.empty() || names_site(a, p.site_name, url_host(p.url))) continue;
        p.author = std::move(a);
        return;
    }
}

/// Section: article:section, JSON-LD articleSection, then section metas.
void choose_section(const Collected& c, const JsonLdGraph& g, ExtractedPage& p) {
    const std::string candidates[] = {meta(c, "article:section"),
                                      article_field(g, "articleSection"), meta(c, "section"),
                                      meta(c, "parsely-section"), meta(c, "og:section")};
    for (const std::string& v : candidates) {
        std::string s = collapse_ws(v);
        // A keyword list in the section slot: its first entry names the section.
        if (s.size() > kMaxSectionChars && s.find(", ") != std::string::npos)
            s.resize(s.find(", "));
        if (!s.empty() && s.size() <= kMaxSectionChars) {
            p.section = std::move(s);
            return;
        }
    }
}

/// Stated language: <html lang>, Content-Language, language metas, og:locale.
void choose_lang(const Collected& c, ExtractedPage& p) {
    const std::string candidates[] = {c.html_lang, meta(c, "content-language"), meta(c, "language"),
                                      meta(c, "dc.language"), meta(c, "og:locale")};
    for (const std::string& v : candidates) {
        std::string l = collapse_ws(v);
        l = l.substr(0, l.find_first_of(", "));
        if (l.size() >= 2 && l.size() <= 20) {
            p.lang = std::move(l);
            return;
        }
    }
}

/// href resolved against base; only absolute http(s) URLs with a path beyond "/" are kept (a
/// canonical link to the home page is a template error, not the article's address).
std::string absolute_article_url(std::string_view href, std::string_view base) {
    std::string h(trim(href));
    if (h.empty()) return {};
    std::string out = h;
    if (!base.empty()) {
        xmlChar* built = xmlBuildURI(reinterpret_cast<const xmlChar*>(h.c_str()),
                                     reinterpret_cast<const xmlChar*>(std::string(base).c_str()));
        if (built) {
            out = reinterpret_cast<const char*>(built);
            xmlFree(built);
        }
    }
    const std::string lower = to_lower_ascii(out);
    if (!lower.starts_with("http://") && !lower.starts_with("https://")) return {};
    std::size_t path = out.find('/', lower.find("://") + 3);
    if (path == std::string::npos || out.size() - path <= 1) return {};
    // Scheme and host are case-insensitive; their lower-case form is the canonical one.
    return lower.substr(0, path) + out.substr(path);
}

/// "Autoracing | F1 | Indy" -> "Autoracing"; a URL -> its host; over-long values dropped.
std::string clean_site_name(std::string_view name) {
    std::string s = collapse_ws(name);
    if (s.find("://") != std::string::npos) return url_host(s);
    for (std::string_view sep : {" | ", " - ", " – ", " — "}) {
        std::size_t p = s.find(sep);
        if (p != std::string::npos && p > 0) s.resize(p);
    }
    return s.size() > kMaxShortField ? std::string() : s;
}

/// Canonical URL (link rel=canonical, og:url) and site name (og:site_name, publisher, host).
void choose_url_and_site(const Collected& c, const JsonLdGraph& g, ExtractedPage& p,
                         std::string_view url_hint) {
    p.url = absolute_article_url(c.canonical, url_hint);
    if (p.url.empty()) p.url = absolute_article_url(meta(c, "og:url"), url_hint);
    p.site_name = meta(c, "og:site_name");
    for (const json* a : g.articles) {
        if (!p.site_name.empty()) break;
        if (a->contains("publisher")) p.site_name = json_text(resolve((*a)["publisher"], g));
    }
    if (p.site_name.empty()) p.site_name = meta(c, "application-name");
    p.site_name = clean_site_name(p.site_name);
    if (p.site_name.empty()) p.site_name = url_host(p.url.empty() ? url_hint : p.url);
}

}  // namespace

std::string read_metadata(xmlDoc* doc, std::string_view url_hint, ExtractedPage& page) {
    const Collected c = collect(doc);
    JsonLdGraph g;
    for (const json& j : c.jsonld) index_json(j, g, 0);
    choose_url_and_site(c, g, page, url_hint);
    const std::string url = url_hint.empty() ? page.url : std::string(url_hint);
    choose_title(c, g, page, url_host(url));
    choose_date(c, g, page, url.empty() ? page.url : url, doc);
    choose_author(c, g, page);
    choose_section(c, g, page);
    choose_lang(c, page);
    page.description = meta(c, "og:description");
    if (page.description.empty()) page.description = meta(c, "description");
    return article_body(g);
}

std::string alnum_key(std::string_view s) {
    std::string out;
    for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace khabar::records::html
