/** @file
 * @brief extract_article: the metadata pass, the main-text pass, and the choice between the DOM
 *        text and the page's own JSON-LD articleBody.
 */
#include "records/html_extractor.h"

#include "records/html_parts.h"
#include "records/text_util.h"

namespace khabar::records {

namespace {

/// JSON-LD articleBody replaces the DOM text when it is this many times longer (the DOM text was
/// cut by a paywall, a "read more" loader, or picked the wrong block).
constexpr double kJsonBodyRatio = 1.3;
/// Shorter JSON-LD bodies are teasers, not the article.
constexpr std::size_t kMinJsonBodyChars = 200;

/// True when text holds markup (some sites put the article's HTML in articleBody).
bool looks_like_html(std::string_view s) {
    for (std::string_view t : {"<p>", "<p ", "<div", "<br", "</a>", "</p>", "<h2", "<span"})
        if (s.find(t) != std::string_view::npos) return true;
    return false;
}

/// Entities decoded once ("&lt;p&gt;" -> "<p>"), line breaks kept.
std::string decode_entities(std::string_view s) {
    html::DocPtr doc =
        html::parse_html("<html><body><pre>" + std::string(s) + "</pre></body></html>");
    xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root) return std::string(s);
    xmlChar* text = xmlNodeGetContent(root);
    std::string out = text ? reinterpret_cast<const char*>(text) : "";
    xmlFree(text);
    return out;
}

/// JSON-LD text with its paragraph breaks kept: line breaks become paragraph separators,
/// whitespace inside lines is collapsed; escaped or raw HTML is rendered as text.
std::string json_body_text(std::string_view raw) {
    std::string decoded;
    if (raw.find("&lt;") != std::string_view::npos) decoded = decode_entities(raw);
    std::string_view body = decoded.empty() ? raw : decoded;
    if (looks_like_html(body)) return html::render_fragment(body);
    std::string out;
    while (!body.empty()) {
        std::size_t nl = body.find('\n');
        std::string line = html::collapse_ws(body.substr(0, nl));
        body.remove_prefix(nl == std::string_view::npos ? body.size() : nl + 1);
        if (line.empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += line;
    }
    return out;
}

/// The better of the DOM text and the JSON-LD articleBody, with where it came from.
void choose_body(std::string dom, std::string_view jsonld, ExtractedPage& page) {
    std::string json = json_body_text(jsonld);
    const std::size_t dom_chars = count_code_points(dom);
    const std::size_t json_chars = count_code_points(json);
    if (json_chars >= kMinJsonBodyChars &&
        static_cast<double>(json_chars) > static_cast<double>(dom_chars) * kJsonBodyRatio) {
        page.body = std::move(json);
        page.body_field = "jsonld:articleBody";
    } else if (!dom.empty()) {
        page.body = std::move(dom);
        page.body_field = "html";
    } else if (!page.description.empty()) {
        page.body = page.description;
        page.body_field = "meta:description";
    }
}

}  // namespace

ExtractedPage extract_article(std::string_view html_utf8, std::string_view url_hint) {
    ExtractedPage page;
    html::DocPtr doc = html::parse_html(html_utf8);
    if (!doc) return page;
    const std::string jsonld_body = html::read_metadata(doc.get(), url_hint, page);
    choose_body(html::main_text(html_utf8, page.title, std::move(doc)), jsonld_body, page);
    return page;
}

}  // namespace khabar::records
