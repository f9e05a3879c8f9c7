/** @file
 * @brief Chrome by the page's own shape, with no other page of its site (issue 13): labelled
 *        lists of other stories ("Read more", "Top stories", "تازہ ترین"), runs of headlines
 *        with dates after the story, navigation words above it, image captions and credits.
 *
 * A list after the story start is chrome when
 *  - it opens with a label of the one table in shape_rules.cc ("Related stories", "Opinion",
 *    "مزید پڑھیں", "Você pode gostar…") and holds a headline or a date line, or
 *  - it has no label but two headlines and two date lines or more, and no story paragraph
 *    follows it.
 * A list above the story (a "Trending" column printed before it) is chrome when it is a chain
 * of date lines written alike, each one or two headline-like lines or teasers from the next
 * (entries of a headline and a date, maybe a teaser), with two entries or more under a label or
 * three without. The story's header that may close it stays: its headline and own date line
 * right before the story's first paragraph. A paragraph between such entries is a teaser, not
 * the story's first paragraph.
 * Its items are headline-like lines (a few words, no final full stop), date lines, and teasers:
 * one paragraph of at most 60 words right after a headline or date and followed by another item
 * (or the page's end). The story's own paragraphs, its last short paragraph, a bulleted list of
 * sentences and Q&A lines are not items, so they end a list and are never removed by it.
 */
#pragma once

#include <string_view>

#include "cleaning/page_model.h"

namespace khabar::cleaning {

/// The label as the table spells it when `block` is a list label ("Read more:", "MUST WATCH",
/// "یہ بھی پڑھیے"), else "".
std::string_view list_label(std::string_view block);

/// The label as the table spells it when `block` is a label and a headline on one line ("Read
/// more: Facebook refuses Pakistan's request", "یہ بھی پڑھیں: …"), else "".
std::string_view inline_list_label(std::string_view block);

/// True for an image caption or credit line ("تصویر کے کاپی رائٹ Getty Images",
/// "Image copyright AFP", "Image caption ..."): never a title, and chrome.
bool is_caption_line(std::string_view block);

/// True for a line that is only a time relative to now, maybe after a short label: "2 hours ago",
/// "Updated: 1 hour ago", "اپ ڈیٹ: 1 گھنٹہ پہلے", "3 دن قبل" (a news ticker's stamp).
bool is_relative_time_line(std::string_view block);

namespace detail {

/// Mark, as chrome, the page's labelled lists, unlabelled headline-and-date lists after the
/// story, dated lists right above it, navigation runs above it and caption lines (reasons
/// list_label, shape_list, list_above, navigation, caption). Blocks kept as the title are left
/// alone, unless they are a caption.
void remove_by_shape(Page& page);

}  // namespace detail

}  // namespace khabar::cleaning
