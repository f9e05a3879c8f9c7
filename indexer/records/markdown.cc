/** @file
 * @brief Markdown as plain text (markdown.h).
 */
#include "records/markdown.h"

#include <algorithm>
#include <cctype>

#include "records/text_util.h"

namespace khabar::records {

namespace {

/// "[text](address)" or "![alt](address)" starting at `i` (at '[' or '!'): the end of it and its
/// text; npos when the bracket opens no inline link.
std::size_t link_end(std::string_view line, std::size_t i, std::string_view& text) {
    const std::size_t open = line[i] == '!' ? i + 1 : i;
    if (open >= line.size() || line[open] != '[') return std::string_view::npos;
    int depth = 0;
    std::size_t close = std::string_view::npos;
    for (std::size_t k = open; k < line.size(); ++k) {
        if (line[k] == '[') ++depth;
        if (line[k] == ']' && --depth == 0) {
            close = k;
            break;
        }
    }
    if (close == std::string_view::npos || close + 1 >= line.size() || line[close + 1] != '(')
        return std::string_view::npos;
    const std::size_t end = line.find(')', close + 2);
    if (end == std::string_view::npos) return std::string_view::npos;
    // An address, maybe with a title ("url \"title\""); "(see page 2)" after brackets is none.
    const std::string_view address = line.substr(close + 2, end - close - 2);
    const std::size_t space = address.find(' ');
    if (address.empty() || (space != std::string_view::npos && space + 1 < address.size() &&
                            address[space + 1] != '"' && address[space + 1] != '\''))
        return std::string_view::npos;
    text = line.substr(open + 1, close - open - 1);
    return end + 1;
}

/// True when the '*' or '_' at `i` of `line` opens or closes emphasis ("_3 July 2027_",
/// "*Updated*"): a space, a punctuation mark or the line's edge on one side, a letter or digit on
/// the other. Not a bullet ("* item"), not inside a word ("snake_case"), not "2 * 3".
bool emphasis_mark(std::string_view line, std::size_t i) {
    auto edge = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x80 && (std::isspace(u) || std::ispunct(u));
    };
    const char left = i == 0 ? ' ' : line[i - 1];
    const char right = i + 1 < line.size() ? line[i + 1] : ' ';
    if (line[i] == '*' && right == ' ' && trim(line.substr(0, i)).empty()) return false;
    return (edge(left) && !edge(right)) || (!edge(left) && edge(right));
}

/// One line's inline markup removed: links to their text, images dropped, emphasis marks ("**",
/// "__", "*", "_") gone.
std::string inline_text(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    for (std::size_t i = 0; i < line.size();) {
        const char c = line[i];
        if (c == '[' || (c == '!' && i + 1 < line.size() && line[i + 1] == '[')) {
            std::string_view text;
            if (const std::size_t end = link_end(line, i, text); end != std::string_view::npos) {
                if (c != '!') out += inline_text(text);  // an image says nothing of the story
                i = end;
                continue;
            }
        }
        if ((c == '*' || c == '_') && i + 1 < line.size() && line[i + 1] == c) {
            i += 2;
            continue;
        }
        if ((c == '*' || c == '_') && emphasis_mark(line, i)) {
            ++i;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

/// "---", "***", "___" (three or more, spaces allowed): a thematic break.
bool rule_line(std::string_view line) {
    line = trim(line);
    if (line.size() < 3) return false;
    const char c = line[0];
    if (c != '-' && c != '*' && c != '_') return false;
    return std::all_of(line.begin(), line.end(), [c](char x) { return x == c || x == ' '; });
}

}  // namespace

std::string markdown_as_text(std::string_view markdown) {
    std::string out;
    out.reserve(markdown.size());
    bool fenced = false;
    while (!markdown.empty()) {
        const std::size_t nl = std::min(markdown.find('\n'), markdown.size());
        std::string_view line = markdown.substr(0, nl);
        markdown.remove_prefix(std::min(nl + 1, markdown.size()));
        if (trim(line).starts_with("```")) {  // a code fence: its lines as written
            fenced = !fenced;
            continue;
        }
        if (fenced) {
            out.append(line);
            out += '\n';
            continue;
        }
        if (rule_line(line)) {
            out += '\n';
            continue;
        }
        std::string_view body = line;
        std::size_t lead = 0;
        while (lead < body.size() && lead < 3 && body[lead] == ' ') ++lead;
        body.remove_prefix(lead);
        while (body.starts_with('>')) body = trim(body.substr(1));  // a quotation
        std::size_t hashes = 0;
        while (hashes < body.size() && hashes < 7 && body[hashes] == '#') ++hashes;
        if (hashes >= 1 && hashes <= 6 && (hashes == body.size() || body[hashes] == ' ')) {
            body.remove_prefix(hashes);
            body = trim(body);
            while (body.ends_with('#')) body.remove_suffix(1);  // "## Title ##"
            body = trim(body);
        }
        const std::string text = inline_text(body);
        if (trim(text).empty() && !trim(line).empty()) {  // an image alone: no line at all
            continue;
        }
        out += text;
        out += '\n';
    }
    return out;
}

bool looks_like_markdown(std::string_view text) {
    constexpr std::size_t kLinks = 3;
    if (text.find("](") == std::string_view::npos) return false;  // most text pages: no link
    std::size_t links = 0, headings = 0;
    for (std::string_view line : split_lines(text)) {
        const std::string_view t = trim(line);
        std::size_t hashes = 0;
        while (hashes < t.size() && t[hashes] == '#') ++hashes;
        if (hashes >= 1 && hashes <= 6 && hashes < t.size() && t[hashes] == ' ') ++headings;
        for (std::size_t i = line.find('['); i != std::string_view::npos;
             i = line.find('[', i + 1)) {
            std::string_view link_text;
            if (link_end(line, i, link_text) != std::string_view::npos) ++links;
        }
        if (links >= kLinks && headings > 0) return true;
    }
    return false;
}

bool markdown_name(std::string_view name) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) return false;
    std::string ext(name.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == "md" || ext == "markdown";
}

}  // namespace khabar::records
