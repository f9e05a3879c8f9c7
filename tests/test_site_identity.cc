// Site identity (issue 13): the source field, the URL / canonical / og:url host, og:site_name, else
// the folder that tells pages apart, skipping generic folder names and walking up.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cleaning/article_cleaning.h"
#include "records/readers.h"
#include "test_support.h"

using khabar::Article;
using khabar::cleaning::source_key;
using khabar::test::run_khabar;
namespace fs = std::filesystem;

namespace {

/// The key of a one-page file at `path` (a directory walk: the path is the origin's file).
std::string key_of_file(const std::string& path) {
    Article a;
    a.origin.file = path;
    return source_key(a);
}

/// The key of an HTML page read from a flat folder (no URL given by the dump).
std::string key_of_html(const std::string& head) {
    Article a =
        khabar::records::html_article("<html><head>" + head +
                                          "</head><body><h1>A headline of the page</h1><p>Text.</p>"
                                          "</body></html>",
                                      "", "");
    a.origin.file = "flat/page.html";
    return source_key(a);
}

}  // namespace

TEST_CASE("site identity: generic folders are skipped, walking up to the site's folder") {
    CHECK(key_of_file("dump/dawn/news/slug.txt") == "dir:dawn");
    CHECK(key_of_file("dump/dawn/latest/slug.txt") == "dir:dawn");
    CHECK(key_of_file("dump/geo/2017/05/13/slug.html") == "dir:geo");
    CHECK(key_of_file("dump/reuters/stories/2019/nov/18/slug.html") == "dir:reuters");
    CHECK(key_of_file("dump/dawn.com/news/1058210/slug.html") == "dir:dawn.com");
    CHECK(key_of_file("/data/scrapes/express.pk/article/page/archive/x.txt") == "dir:express.pk");
    // Only generic folders: the nearest one (the dump's own), or the archive.
    CHECK(key_of_file("news/slug.txt") == "dir:news");
    Article a;
    a.origin.file = "scrape.tar.gz";
    a.origin.entry = "news/2024/slug.txt";
    CHECK(source_key(a) == "dir:scrape.tar.gz");
    a.origin.entry = "bbc/news/2024/slug.txt";
    CHECK(source_key(a) == "dir:bbc");
}

TEST_CASE("site identity: one flat folder of several sites' HTML is told apart by the page") {
    // Canonical link and og:url give the host, ahead of the site name the page states.
    CHECK(key_of_html("<link rel=\"canonical\" href=\"https://www.dawn.com/news/1/x\">"
                      "<meta property=\"og:site_name\" content=\"DAWN.COM\">") == "site:dawn.com");
    CHECK(key_of_html("<meta property=\"og:url\" content=\"https://tribune.com.pk/story/2/y\">") ==
          "site:tribune.com.pk");
    // Pages of one site with and without og:site_name share the host's key.
    CHECK(key_of_html("<link rel=\"canonical\" href=\"https://www.dawn.com/news/2/z\">"
                      "<meta property=\"og:site_name\" content=\"Dawn\">") ==
          key_of_html("<link rel=\"canonical\" href=\"https://www.dawn.com/news/3/w\">"));
    // With only a site name, that names the site.
    CHECK(key_of_html("<meta property=\"og:site_name\" content=\"The News\">") ==
          "source:the news");
    // Nothing in the page: the folder.
    CHECK(key_of_html("<title>Untitled</title>") == "dir:flat");
    // A record's own source field still comes first.
    Article r;
    r.source = "Dawn";
    r.url = "https://www.dawn.com/news/1";
    CHECK(source_key(r) == "source:dawn");
}

TEST_CASE("end to end: three sites laid out as SITE/news/*.txt are three sites") {
    const fs::path dir = khabar::test::fresh_tmp_dir("site-identity");
    for (const char* site : {"dawn", "geo", "tribune"}) {
        fs::create_directories(dir / "dump" / site / "news");
        for (int i = 0; i < 3; ++i)
            std::ofstream(dir / "dump" / site / "news" / ("story-" + std::to_string(i) + ".txt"))
                << "Headline " << i << " of " << site << "\n\nThe story number " << i
                << " of the site " << site << " tells what happened in the city today.\n";
    }
    const auto r = run_khabar({"index", "--db", (dir / "db").string(), (dir / "dump").string()});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("9 pages counted, 3 sites known") != std::string::npos);
}
