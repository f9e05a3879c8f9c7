/** @file
 * @brief `khabar index`: flags, then the indexing pipeline and its summary.
 */
#include <fmt/format.h>
#include <signal.h>

#include <filesystem>

#include "commands.h"
#include "database/reader.h"
#include "diagnostics.h"
#include "error.h"
#include "index_run.h"

namespace khabar::cli {

namespace {

struct IndexFlags {
    std::string db;
    bool overwrite = false;
    std::string format = "auto";
    std::string lang;
    unsigned threads = 0;
    unsigned shards = 0;
    std::uint32_t batch = 1000;  // per shard; bench/REPORT.md: less CPU and RSS than 5000
    bool verbose = false;
    bool quiet = false;
    bool no_resume = false;
    bool keep_chrome = false;
    bool reclean = false;
    bool no_compact = false;
    std::vector<std::string> fields;
    std::vector<std::string> paths;
};

const char* kIndexHelp = R"(
Formats are detected per entry (extension and content): JSON Lines, JSON arrays, CSV with a header,
Reuters-21578 SGML, HTML pages, WARC/ARC crawls, XML (Makhzan; any other with --field record=),
TREC SGML, SMART (CACM), e-mail (.eml, mbox, a message saved as text, MHTML pages), WhatsApp chat
exports (each story message an article; replies and short messages left out), plain-text
articles (first line = title; in an archive the folder is the section). --format forces one. Fields are found by their usual names (title/headline,
date/published/pubDate, ...); --field ARTICLE_FIELD=YOUR_FIELD names others, and for XML
--field record=ELEMENT names the element holding one article, whose fields are then element paths
inside it (title=meta/headline). PATH may be a file, a directory, an
archive or compressed file of any format libarchive reads (tar, zip, 7z, gz, bz2, xz, zst, nested),
or - for standard input. An article's id is its own id, else its URL, else its content: indexing
the same dump again changes nothing, a new dump under an old file name adds its articles, and the
summary counts articles added, unchanged and replaced (same id, other content).

Site chrome (navigation, "Top stories" sidebars with their dates, footers: blocks that recur on
many pages of one site) is removed before indexing: a first pass counts every page's blocks (files
and directories; stdin is cleaned with what the database learnt before), the statistics are kept
in the database for later dumps of the same sites, and `khabar show` says how many blocks an
article lost. Dates come from an article's own metadata or dateline, never from chrome.
--keep-chrome turns this off; --reclean re-reads earlier runs' files to clean them again.

Examples:
  khabar index --db news.db testdata/sample-news.tar.gz
  khabar index --db news.db --field title=headline --field date=pub_time export.jsonl
  khabar index --db news.db --field record=story --field title=meta/headline feed.xml
  khabar index --db news.db --format text --lang ur articles/
  zcat dump.jsonl.gz | khabar index --db news.db -

Exit status: 0 every record indexed, 1 finished but some records were skipped (each reported as
`khabar: FILE::ENTRY:RECORD: reason`; a resumed input counts those its first run skipped), 2 fatal
error (a PATH that does not exist: nothing is created; what was committed before stays usable),
130 interrupted by Ctrl-C (what was read is committed; run the same command again to resume).)";

/// Ctrl-C: the run stops at the next record, commits what it read and says so (exit 130); a
/// second Ctrl-C ends the program at once (SA_RESETHAND restores the default action).
extern "C" void on_interrupt(int) {
    request_stop();
}

void stop_on_interrupt() {
    struct sigaction sa {};
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &sa, nullptr);
}

/// A PATH that does not exist is an error before anything is created (exit 2).
void check_paths(const std::vector<std::string>& paths) {
    for (const auto& p : paths) {
        std::error_code ec;
        if (p != "-" && !std::filesystem::exists(p, ec))
            throw Error("no such file or directory: '" + p + "'",
                        "check the path; nothing was indexed and no database was created");
    }
}

}  // namespace

Runner add_index_command(CLI::App& app) {
    auto flags = std::make_shared<IndexFlags>();
    auto* cmd = add_command(app, "index");
    cmd->footer(kIndexHelp);
    cmd->add_option("--db", flags->db,
                    "database directory (default: $KHABAR_DB, else ./khabar.db)");
    cmd->add_flag("--overwrite", flags->overwrite, "start a new database, discarding the old one");
    std::string format_list;  // the type name lists the choices for the completions (cli/docs.h)
    for (const auto& f : format_names()) format_list += (format_list.empty() ? "" : ",") + f;
    cmd->add_option("--format", flags->format, "record format: " + format_choices())
        ->type_name("FMT:{" + format_list + "}")
        ->capture_default_str();
    cmd->add_option("--lang", flags->lang,
                    "language of every article (default: detected per article)");
    cmd->add_option(
           "--field", flags->fields,
           "map a field of your JSON/CSV/XML: ARTICLE_FIELD=YOUR_FIELD (title, body, summary, "
           "date, url, id, author, source, section, lang; XML: record=ELEMENT, then paths such "
           "as title=meta/headline)")
        ->allow_extra_args(false);
    cmd->add_option("--threads", flags->threads, "analysis threads (default: number of cores)");
    cmd->add_option("--shards", flags->shards,
                    "shards of a new database, one writer thread each (default: --threads); "
                    "an existing database keeps its shards")
        ->check(CLI::Range(1u, 256u));
    cmd->add_option("--batch", flags->batch, "commit after this many articles")
        ->capture_default_str();
    cmd->add_flag("-v,--verbose", flags->verbose, "list every skipped record and entry");
    cmd->add_flag("-q,--quiet", flags->quiet, "no summary, only errors");
    cmd->add_flag("--no-resume", flags->no_resume,
                  "read every input again, even those an earlier run indexed completely");
    cmd->add_flag("--keep-chrome", flags->keep_chrome,
                  "index pages as they are: no removal of site chrome (navigation, sidebars, "
                  "footers repeated across a site's pages), no first pass");
    cmd->add_flag("--reclean", flags->reclean,
                  "also read again the files of earlier runs (where they still are) and replace "
                  "their articles, cleaned of chrome with the statistics of every run so far; "
                  "PATH is then optional");
    cmd->add_flag("--no-compact", flags->no_compact,
                  "leave the database as written (by default a run that wrote at least a quarter "
                  "of its articles ends by compacting it: about half the size, faster searches)");
    cmd->add_option("PATH", flags->paths, "dump files, directories, archives, or - for stdin");
    return [flags]() -> int {
        if (flags->paths.empty() && !flags->reclean)
            throw Error("PATH is required", "give a dump to index, or --reclean");
        if (flags->reclean && flags->keep_chrome)
            throw Error("--reclean and --keep-chrome contradict each other");
        IndexOptions opts;
        opts.db = resolve_db_paths(flags->db.empty() ? std::vector<std::string>{}
                                                     : std::vector<std::string>{flags->db})
                      .front();
        opts.writer.overwrite = flags->overwrite;
        opts.writer.batch_docs = std::max<std::uint32_t>(1, flags->batch);
        opts.reader.format = parse_format(flags->format);
        if (opts.reader.format == Format::unknown)
            throw Error("unknown --format '" + flags->format + "'",
                        "use one of: " + format_choices());
        for (const auto& f : flags->fields) {
            auto eq = f.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == f.size())
                throw Error("bad --field '" + f + "'",
                            "write it as ARTICLE_FIELD=YOUR_FIELD, e.g. title=headline");
            if (!is_mappable_field(f.substr(0, eq)))
                throw Error("bad --field '" + f + "': no article field '" + f.substr(0, eq) + "'",
                            "use title, body, summary, date, url, id, author, source, section, "
                            "lang, or record (XML)");
            opts.reader.field_map[f.substr(0, eq)] = f.substr(eq + 1);
        }
        opts.finish.forced_lang = flags->lang;
        opts.threads = flags->threads;
        opts.writer.shards = flags->shards;
        opts.verbose = flags->verbose;
        opts.resume = !flags->no_resume;
        opts.keep_chrome = flags->keep_chrome;
        opts.reclean = flags->reclean;
        opts.compact = !flags->no_compact;
        Diagnostics diag(!flags->quiet && Diagnostics::stderr_is_interactive(), flags->quiet);
        check_paths(flags->paths);
        stop_on_interrupt();
        IndexSummary s = run_index(flags->paths, opts, diag);
        print_summary(s, opts.db, diag);
        return s.exit_code();
    };
}

}  // namespace khabar::cli
