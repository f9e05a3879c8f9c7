/** @file
 * @brief CSV and JSON Lines writers of stored articles.
 */
#include "render/export.h"

#include <fmt/format.h>

#include "database/schema.h"
#include "render/render.h"

namespace khabar {

namespace {

/// The fields of --export, in CSV column order; each JSON Lines object has these keys, and only
/// these.
constexpr std::string_view kExportFields[] = {
    schema::field_id,      schema::field_date,          schema::field_date_source,
    schema::field_title,   schema::field_title_derived, schema::field_url,
    schema::field_source,  schema::field_lang,          schema::field_author,
    schema::field_section, schema::field_origin,        "score",
    schema::field_body};

/// RFC 4180 field quoting.
std::string csv_field(const std::string& v) {
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

/// A CSV cell of an export field: origin as FILE::ENTRY:RECORD, a number to 4 decimals,
/// true/false, null as empty.
std::string csv_cell(std::string_view field, const nlohmann::json& v, const StoredArticle& a) {
    if (field == schema::field_origin) return a.origin.display();
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number()) return fmt::format("{:.4f}", v.get<double>());
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    return {};
}

/// One matching article as exported: the export fields, null when the article has none.
nlohmann::json export_record(const StoredArticle& a, double score) {
    nlohmann::json j = article_json(a);
    j[std::string(schema::field_title_derived)] = a.title_derived;
    j["score"] = score;
    nlohmann::json out = nlohmann::json::object();
    for (auto f : kExportFields) {
        auto it = j.find(std::string(f));
        out[std::string(f)] = it == j.end() ? nlohmann::json() : *it;
    }
    return out;
}

}  // namespace

std::optional<ExportFormat> export_format(std::string_view name) {
    if (name == "csv") return ExportFormat::csv;
    if (name == "csv-excel") return ExportFormat::csv_excel;
    if (name == "jsonl") return ExportFormat::jsonl;
    return std::nullopt;
}

std::string export_header(ExportFormat format) {
    if (format == ExportFormat::jsonl) return {};
    std::string h = format == ExportFormat::csv_excel ? "\xEF\xBB\xBF" : "";
    for (auto f : kExportFields) {
        if (f != kExportFields[0]) h += ',';
        h += f;
    }
    return h + "\r\n";
}

std::string export_article(ExportFormat format, const StoredArticle& article, double score) {
    const nlohmann::json record = export_record(article, score);
    if (format == ExportFormat::jsonl) return json_line(record);
    std::string row;
    for (auto f : kExportFields) {
        if (f != kExportFields[0]) row += ',';
        row += csv_field(csv_cell(f, record.at(std::string(f)), article));
    }
    return row + "\r\n";
}

nlohmann::json show_json(const StoredArticle& article) {
    nlohmann::json j = article_json(article);
    j[std::string(schema::field_chrome_removed)] = article.chrome_removed;
    nlohmann::json removed = nlohmann::json::array();
    for (const RemovedBlock& r : article.removed)
        removed.push_back({{"text", r.text}, {"reason", r.reason}});
    j[std::string(schema::field_removed)] = std::move(removed);
    if (!article.date_notes.empty()) j[std::string(schema::field_date_notes)] = article.date_notes;
    return j;
}

std::string json_line(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace khabar
