/** @file
 * @brief show_json: article_json and the cleaning notes of the stored record.
 */
#include "render/show.h"

#include <string>

#include "render/render.h"
#include "schema.h"

namespace khabar {

nlohmann::json show_json(const nlohmann::json& stored) {
    nlohmann::json j = article_json(stored);
    j[std::string(schema::field_chrome_removed)] =
        stored.value(std::string(schema::field_chrome_removed), 0);
    const auto removed = stored.find(std::string(schema::field_removed));
    j[std::string(schema::field_removed)] =
        removed != stored.end() && removed->is_array() ? *removed : nlohmann::json::array();
    if (auto notes = stored.find(std::string(schema::field_date_notes));
        notes != stored.end() && notes->is_array())
        j[std::string(schema::field_date_notes)] = *notes;
    return j;
}

}  // namespace khabar
