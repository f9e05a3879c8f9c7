/** @file
 * @brief Tests for the chat reader (records/chat_reader.cc): WhatsApp "Export chat → Without
 *        media" text files. Detection by content (Android 24 h and 12 h stamps, a narrow no-break
 *        space before am/pm, iOS brackets; not a news text that opens with a date and a dash,
 *        not a log), each story message one article (title, URL, body, origin), the rest of the
 *        chat (system lines, replies, teasers, media placeholders) never indexed, the stamp never
 *        a date, and one end-to-end run of the khabar binary.
 *
 * The chats are shaped as bench/chrome/gen.py's whatsapp-exports pages (set fresh22); the stories
 * are written for these tests.
 */
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reader_doubles.h"
#include "records/record_reader.h"
#include "test_support.h"

using namespace khabar;
namespace fs = std::filesystem;
using khabar::test::CollectSink;
using khabar::test::run_khabar;
using khabar::test::RunResult;
using khabar::test::StringStream;

namespace {

/// Reads `data` as the entry `path` of dump.tar, by detection (small chunks cross buffers).
CollectSink read_string(const std::string& path, const std::string& data) {
    EntryInfo info{"dump.tar", path, static_cast<std::int64_t>(data.size())};
    StringStream stream(data, 7);
    CollectSink sink;
    read_entry(info, stream, ReaderOptions{}, sink);
    return sink;
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

/// Whether any article's title or body holds `part`.
bool in_any(const std::vector<Article>& articles, const std::string& part) {
    return std::any_of(articles.begin(), articles.end(), [&](const Article& a) {
        return contains(a.title, part) || contains(a.body, part);
    });
}

const std::string kLead =
    "Dockworkers at the southern harbour walked off the job on Monday, halting the loading of "
    "grain ships for the third time this year.";
const std::string kSecond =
    "The union said the strike would go on until the port authority restored the overtime "
    "allowance it cut in March, and that talks had broken down twice. Shipping agents estimated "
    "that forty vessels were waiting at anchorage.";

/// An Android export (24 h clock): system lines, teasers, one story with a headline, its lead,
/// a second paragraph and a link, then replies.
std::string android_chat() {
    return "05/03/2027, 09:02 - Messages and calls are end-to-end encrypted. No one outside of "
           "this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n"
           "05/03/2027, 09:02 - Imran Qureshi created group \"Metro Desk Forwards\"\n"
           "05/03/2027, 09:03 - Imran Qureshi added Sana Mirza\n"
           "05/03/2027, 13:06 - Sana Mirza: *Hoffman hits out over modern film*\n"
           "08/03/2027, 18:43 - Imran Qureshi: *Dockworkers strike halts grain loading*\n\n" +
           kLead + "\n\n" + kSecond +
           "\n\nhttps://www.portnews.example/news/dockworkers-strike-3158783\n"
           "08/03/2027, 19:43 - Sana Mirza: Thanks, filing this for the evening bulletin\n"
           "08/03/2027, 19:50 - Tom Reilly: <Media omitted>\n"
           "08/03/2027, 19:52 - Tom Reilly: This message was deleted\n";
}

}  // namespace

TEST_SUITE("chat") {
    TEST_CASE("detection: Android, 12 h with a narrow no-break space, iOS brackets") {
        CHECK(detect_format("WhatsApp Chat with Metro Desk.txt", android_chat()) == Format::chat);
        CHECK(detect_format("chat-export", android_chat()) == Format::chat);  // by content alone
        const std::string nnbsp = "\xE2\x80\xAF";
        const std::string us12 = "3/5/27, 9:02" + nnbsp + "AM - Imran added Sana\n" +
                                 "3/5/27, 9:05" + nnbsp + "AM - Sana: hello\n" + "3/8/27, 6:43" +
                                 nnbsp + "PM - Imran: " + kLead + "\n";
        CHECK(detect_format("WhatsApp Chat with Desk.txt", us12) == Format::chat);
        const std::string lower12 =
            "06/03/2027, 9:02 am - Imran created group \"Awami\"\n"
            "06/03/2027, 9:03 am - Imran added Sana\n"
            "07/03/2027, 11:44 am - Sana: *headline*\n";
        CHECK(detect_format("chat.txt", lower12) == Format::chat);
        const std::string year_first =
            "2027-03-06 09:02 - Imran created group \"Desk\"\n"
            "2027-03-06 09:03 - Imran added Sana\n"
            "2027-03-07 11:44 - Sana: hej\n";
        CHECK(detect_format("chat.txt", year_first) == Format::chat);
        // iOS: brackets, seconds, U+200E before system lines; '[' must not be taken for JSON.
        const std::string ios =
            "\xE2\x80\x8E[06/03/2027, 09:02:11] Awami Khabar: \xE2\x80\x8EMessages and calls are "
            "end-to-end encrypted.\n"
            "[09/03/2027, 18:13:40] Imran Qureshi: *Headline*\n"
            "[09/03/2027, 19:13:02] Sana Mirza: Thanks\n";
        CHECK(detect_format("_chat.txt", ios) == Format::chat);
        CHECK(detect_format("_chat", ios) == Format::chat);
        CHECK(detect_format("_chat.txt", "\xEF\xBB\xBF" + ios) == Format::chat);  // a BOM
        CHECK(parse_format("chat") == Format::chat);
        CHECK(parse_format("whatsapp") == Format::chat);
        CHECK(format_name(Format::chat) == "chat");
        CHECK(contains(format_choices(), "chat (whatsapp)"));
    }

    TEST_CASE("detection: a news text that opens with a date and a dash, a log file") {
        const std::string news =
            "12/03/2027, 10:00 - Karachi: Rain lashed the city on Tuesday.\n"
            "The Met Office said more was expected.\n\n" +
            kLead + "\n\n" + kSecond + "\n";
        CHECK(detect_format("story.txt", news) == Format::text);
        const std::string log =
            "2026-11-09 12:00:01 INFO server: started\n"
            "2026-11-09 12:00:02 INFO server: listening on 8080\n"
            "2026-11-09 12:00:05 WARN cache: cold\n"
            "2026-11-09 12:00:09 INFO worker: ready\n";
        CHECK(detect_format("server.log", log) != Format::chat);
        CHECK(detect_format("server.txt", log) != Format::chat);
        // The same lines stamped as a chat's are one.
        CHECK(detect_format("story.txt",
                            "12/03/2027, 10:00 - Karachi: Rain lashed the city.\n"
                            "12/03/2027, 10:01 - Karachi: More expected.\n"
                            "12/03/2027, 10:02 - Lahore: Dry.\n") == Format::chat);
        // Stamped lines, but not at the start: a story quoting a chat is text.
        CHECK(detect_format("story.txt", kLead + "\n05/03/2027, 09:02 - A: b\n05/03/2027, 09:03 - "
                                                 "A: c\n05/03/2027, 09:04 - A: d\n") ==
              Format::text);
    }

    TEST_CASE("a story message is one article: headline title, link URL, body, origin") {
        CollectSink s = read_string("exports/WhatsApp Chat with Metro Desk.txt", android_chat());
        CHECK(s.format == Format::chat);
        REQUIRE(s.articles.size() == 1);
        const Article& a = s.articles[0];
        CHECK(a.title == "Dockworkers strike halts grain loading");  // bold markers stripped
        CHECK_FALSE(a.title_from_first_line);
        CHECK(a.url == "https://www.portnews.example/news/dockworkers-strike-3158783");
        CHECK(a.body.starts_with(kLead));
        CHECK(contains(a.body, "forty vessels were waiting"));
        CHECK_FALSE(contains(a.body, "https://"));  // the link left the body
        CHECK_FALSE(contains(a.body, "Dockworkers strike halts"));
        CHECK(a.origin.file == "dump.tar");
        CHECK(a.origin.entry == "exports/WhatsApp Chat with Metro Desk.txt");
        CHECK(a.origin.record == 5);  // the fifth message of the chat
    }

    TEST_CASE("the stamp never dates the story; show is told why") {
        CollectSink s = read_string("WhatsApp Chat with Metro Desk.txt", android_chat());
        REQUIRE(s.articles.size() == 1);
        const Article& a = s.articles[0];
        CHECK(a.date_text.empty());
        CHECK(a.date_field.empty());
        REQUIRE(a.date_notes.size() == 1);
        CHECK(a.date_notes[0] ==
              "refused chat:stamp \"08/03/2027, 18:43\" (when the message was posted in the chat, "
              "not the story's date)");
    }

    TEST_CASE("system lines, replies, teasers and placeholders are not indexed") {
        CollectSink s = read_string("WhatsApp Chat with Metro Desk.txt", android_chat());
        REQUIRE(s.articles.size() == 1);
        for (const char* chrome :
             {"Thanks, filing this", "evening bulletin", "Media omitted", "message was deleted",
              "end-to-end encrypted", "created group", "added Sana", "Hoffman hits out",
              "Sana Mirza", "Imran Qureshi", "18:43"})
            CHECK_MESSAGE(!in_any(s.articles, chrome), chrome);
    }

    TEST_CASE("a chat with no story, or stamped lines that are no chat, is read as a text page") {
        // Nothing is lost: a chat of short messages, or a timeline of stamped entries (found in
        // review: it was read as a chat and gave no article), is one text page.
        const std::string chat = android_chat().substr(0, android_chat().find("08/03/2027, 18:43"));
        CollectSink s = read_string("WhatsApp Chat with Metro Desk.txt", chat);
        CHECK(s.format == Format::chat);
        REQUIRE(s.articles.size() == 1);
        CHECK(contains(s.articles[0].body, "Hoffman hits out"));
        CHECK(s.bad.empty());
        const std::string timeline =
            "2027-03-05 09:02 - Flood warning issued for Sukkur and Larkana districts\n"
            "2027-03-05 11:40 - Army called in as the river rises near the barrage\n"
            "2027-03-05 15:15 - Evacuation of low-lying villages begins\n"
            "2027-03-06 08:30 - Water level falls after the night\n";
        CollectSink t = read_string("timeline.txt", timeline);
        REQUIRE(t.articles.size() == 1);
        CHECK(contains(t.articles[0].body, "Army called in"));
    }

    TEST_CASE("continuation lines are joined; a message that opens with its lead has no title") {
        // 12 h stamps; the story's lines after the first carry no stamp; its first line is the
        // lead (a sentence), so no title is given and the pipeline derives one.
        const std::string chat =
            "06/03/2027, 9:02 pm - Imran created group \"Desk\"\n"
            "06/03/2027, 9:03 pm - Imran added Sana\n"
            "07/03/2027, 10:15 pm - Sana: " +
            kLead + "\n" + kSecond +
            "\nThe port authority did not answer calls on Monday evening.\n"
            "07/03/2027, 10:20 pm - Imran: ok\n";
        CollectSink s = read_string("WhatsApp Chat with Desk.txt", chat);
        REQUIRE(s.articles.size() == 1);
        const Article& a = s.articles[0];
        CHECK(a.title.empty());
        CHECK(a.url.empty());
        CHECK(a.body.starts_with(kLead + "\n" + kSecond));
        CHECK(contains(a.body, "did not answer calls on Monday evening."));
        CHECK(a.body.ends_with("did not answer calls on Monday evening."));  // not the reply
        CHECK(a.origin.record == 3);
    }

    TEST_CASE("iOS export: brackets, U+200E notices, two stories, a broken line") {
        const std::string ios =
            "\xE2\x80\x8E[06/03/2027, 09:02:11] Desk: \xE2\x80\x8EMessages and calls are "
            "end-to-end encrypted.\n"
            "[06/03/2027, 10:00:00] Imran: _Dockworkers strike halts grain loading_\n" +
            kLead + "\n" + kSecond + "\n" +
            "\xFF\xFE broken bytes line\n"  // invalid UTF-8 inside a message: repaired, kept
            "[06/03/2027, 11:00:00] Sana: Good one\n"
            "\xE2\x80\x8E[06/03/2027, 11:05:00] Sana: \xE2\x80\x8Eimage omitted\n"
            "[07/03/2027, 08:00:00] Tom: Ferry fares rise\n" +
            kSecond + " " + kLead + "\n";
        CollectSink s = read_string("_chat.txt", ios);
        REQUIRE(s.articles.size() == 2);
        CHECK(s.articles[0].title == "Dockworkers strike halts grain loading");  // _italic_
        CHECK(s.articles[0].origin.record == 2);
        CHECK(s.articles[1].title == "Ferry fares rise");  // a plain headline line
        CHECK(s.articles[1].origin.record == 5);
        CHECK(s.articles[1].date_notes.at(0).find("07/03/2027, 08:00:00") != std::string::npos);
        CHECK_FALSE(in_any(s.articles, "Good one"));
        CHECK_FALSE(in_any(s.articles, "image omitted"));
        for (const Article& a : s.articles) CHECK(a.body.find('\xFF') == std::string::npos);
    }

    TEST_CASE("an Urdu chat: the date line under the headline stays for the story's dating") {
        const std::string story =
            "کراچی ٹور مکمل کرنے کے بعد آئی سی سی چیمپئینز ٹرافی لاہور پہنچ گئی۔ ایکسپریس نیوز کے "
            "مطابق "
            "باغوں کے شہر اور پاکستان کرکٹ بورڈ کے ہیڈکواٹر لاہور میں ٹرافی کی رونمائی کا کوئی "
            "پروگرام "
            "نہیں رکھا گیا۔ پی سی بی حکام کا کہنا ہے کہ لاہور میں پہلے سے طے شدہ پروگرام کے مطابق "
            "ٹرافی کو مختلف مقامات پر لے جایا جائے گا۔";
        const std::string chat =
            "06/03/2027, 9:02 am - Messages and calls are end-to-end encrypted. No one outside of "
            "this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n"
            "06/03/2027, 9:02 am - عمران قریشی created group \"Awami Khabar Group\"\n"
            "08/03/2027, 10:33 am - عائشہ خان: *وینس فلم فیسٹیول آج سے شروع ہوگا*\n"
            "09/03/2027, 6:13 pm - عمران قریشی: *کراچی ٹور مکمل؛ ٹرافی لاہور پہنچ گئی*\n"
            "بتاریخ 9 مارچ 2027\n\n" +
            story +
            "\n\nhttps://www.newsline-ur.example/story/52149\n"
            "09/03/2027, 7:13 pm - ثنا مرزا: جزاک اللہ، شام کے بلیٹن میں شامل کر لیں\n"
            "09/03/2027, 7:20 pm - بلال احمد: <Media omitted>\n";
        CollectSink s = read_string("WhatsApp Chat with Awami Khabar Group (1).txt", chat);
        CHECK(s.format == Format::chat);
        REQUIRE(s.articles.size() == 1);
        const Article& a = s.articles[0];
        CHECK(a.title == "کراچی ٹور مکمل؛ ٹرافی لاہور پہنچ گئی");
        CHECK(a.url == "https://www.newsline-ur.example/story/52149");
        CHECK(a.body.starts_with("بتاریخ 9 مارچ 2027\n"));
        CHECK(contains(a.body, "ٹرافی کو مختلف مقامات"));
        CHECK(a.date_text.empty());
        CHECK_FALSE(in_any(s.articles, "جزاک اللہ"));
        CHECK_FALSE(in_any(s.articles, "وینس فلم"));
    }

    TEST_CASE("end to end: khabar index finds the story by its lead, never the replies") {
        const fs::path dir = khabar::test::fresh_tmp_dir("chat-e2e");
        khabar::test::write_file(dir / "pages" / "WhatsApp Chat with Metro Desk.txt",
                                 android_chat());
        const std::string db = (dir / "db").string();
        RunResult r = run_khabar({"index", "--db", db, (dir / "pages").string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        auto count = [&](const std::string& q) {
            const RunResult c = run_khabar({"search", "--db", db, "--count", q});
            INFO(q << ": " << c.err);
            REQUIRE((c.exit_code == 0 || c.exit_code == 1));
            return std::stoul(c.out);
        };
        CHECK(count("\"filing this for the evening bulletin\"") == 0);
        CHECK(count("\"hoffman hits out\"") == 0);
        CHECK(count("\"media omitted\"") == 0);
        CHECK(count("\"halting the loading of grain ships\"") == 1);
        const RunResult ex = run_khabar({"export", "--db", db});
        REQUIRE(ex.exit_code == 0);
        const nlohmann::json a = nlohmann::json::parse(ex.out.substr(0, ex.out.find('\n')));
        CHECK(a["title"] == "Dockworkers strike halts grain loading");
        CHECK(a["url"] == "https://www.portnews.example/news/dockworkers-strike-3158783");
        CHECK(a["origin"]["record"] == 5);
        const RunResult show = run_khabar({"show", "--db", db, "--json", a["id"]});
        REQUIRE(show.exit_code == 0);
        const nlohmann::json shown = nlohmann::json::parse(show.out);
        CHECK((!shown.contains("date") || shown.at("date").is_null() || shown.at("date") == ""));
        CHECK(shown["date_notes"][0].get<std::string>().starts_with("refused chat:stamp"));
    }
}
