// End-to-end test of `khabar serve`'s web UI in Debian's chromium, driven by playwright-core
// (issue 16). Indexes the sample dump plus hostile records, starts the real server on a free
// port, then acts as a user: types a query, reads hits, clicks a timeline bar, goes back, pages,
// filters and excludes with a facet, opens an article, reads an Urdu page right to left, and
// checks scraped markup is shown as text and never run. Screenshots go to $SHOTS.
// node e2e.mjs KHABAR_BIN SOURCE_DIR WORK_DIR   (run.sh checks chromium and node_modules first)
import { spawn, spawnSync } from "node:child_process";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const [khabar, sourceDir, work] = process.argv.slice(2);
const shots = process.env.SHOTS || path.join(work, "screenshots");
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
fs.mkdirSync(shots, { recursive: true });

const hostile = [
  { id: "hostile-1", title: "<script>alert('title')</script> Tanker <b>seized</b>",
    body: "The tanker <img src=x onerror=alert('body')> was seized near Hormuz on Monday.",
    url: "javascript:alert('url')", date: "1987-05-04", source: "<i>Wire</i>", lang: "en" },
  { id: "hostile-2", title: "Hormuz shipping resumes", body: "Shipping through Hormuz resumed.",
    url: "https://example.org/hormuz", date: "1987-05-05", source: "Wire", lang: "en" },
];
fs.writeFileSync(path.join(work, "hostile.jsonl"), hostile.map((r) => JSON.stringify(r)).join("\n") + "\n");
const db = path.join(work, "db");
const indexed = spawnSync(khabar, ["index", "--db", db, path.join(sourceDir, "testdata/sample-news.tar.gz"),
                                   path.join(work, "hostile.jsonl")], { encoding: "utf8" });
assert.equal(indexed.status, 0, indexed.stderr);

const server = spawn(khabar, ["serve", "--db", db, "--listen", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (d) => {
    out += d;
    if (out.includes("\n")) resolve(out.split("\n")[0].replace(/\/$/, ""));
  });
  server.on("exit", (code) => reject(new Error("khabar serve exited with " + code)));
});

// The server goes down with this script, however it ends.
process.on("exit", () => server.kill("SIGTERM"));
// A fresh profile each run; flags as /usr/bin/chromium needs them on a closed network.
const browser = await chromium.launchPersistentContext(path.join(work, "chromium-profile"), {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1200, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
const problems = [];
page.on("dialog", (d) => { problems.push("a dialog opened: " + d.message()); d.dismiss(); });
page.on("pageerror", (e) => problems.push("page error: " + e.message));
page.on("console", (m) => { if (m.type() === "error") problems.push("console error: " + m.text()); });
const params = () => new URL(page.url()).searchParams;
let step = "";
// The search page sets aria-busy on #results until the answers of its URL are drawn.
const settled = () => page.waitForSelector("#results:not([aria-busy])", { state: "attached" });
const check = async (name, fn) => { step = name; await fn(); console.log("ok -", name); };

try {
  await check("type a query, see hits, URL holds the query", async () => {
    await page.goto(base + "/");
    await page.fill("#q", "oil");
    await page.press("#q", "Enter");
    await page.waitForURL(/q=oil/);
    await settled();
    assert.equal(await page.locator(".hit").count(), 10);
    assert.equal(params().get("q"), "oil");
    assert.match(await page.textContent("#status"), /^1–10 of 39 articles · /);
    assert.ok(await page.locator(".hit .snippet mark").count() >= 10, "snippets have highlights");
    await page.screenshot({ path: path.join(shots, "results-en.png") });
  });

  await check("click a timeline bar: the range is that period; back returns", async () => {
    const bar = page.locator('.bar[data-period="1987-03"]');
    const count = Number((await bar.getAttribute("aria-label")).split(": ")[1]);
    await bar.click();
    await page.waitForURL(/since=1987-03/);
    assert.equal(params().get("until"), "1987-03");
    await settled();
    const dates = await page.locator(".hit .meta span:first-child").allTextContents();
    assert.ok(dates.every((d) => d.startsWith("1987-03")), dates.join(" "));
    assert.match(await page.textContent("#status"), new RegExp(`(of |\\()${count} articles?\\b`));
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes("since"));
    await settled();
    assert.equal(await page.inputValue("#since"), "");
    assert.equal(params().get("q"), "oil");
  });

  await check("paging: next page starts at 11, previous goes back", async () => {
    await page.click("#pager a[rel=next]");
    await page.waitForURL(/offset=10/);
    await page.waitForFunction(() => document.querySelector(".hit .rank")?.textContent === "11.");
    await page.click("#pager a[rel=prev]");
    await page.waitForFunction(() => document.querySelector(".hit .rank")?.textContent === "1.");
  });

  await check("facet: click to filter, again to exclude, chip to remove", async () => {
    const crude = page.locator('.facet[data-field=section][data-value=crude]');
    const count = Number(await crude.locator(".count").textContent());
    await crude.click();
    await page.waitForURL(/section%3Acrude/);
    await page.waitForFunction((n) => document.querySelector("#timeline-title").textContent.startsWith(`${n} matching articles`), count);
    assert.equal(await page.inputValue("#q"), "oil section:crude");
    await page.locator('.facet[data-field=section][data-value=crude]').click();
    await page.waitForURL(/-section%3Acrude/);
    await page.waitForFunction((n) => document.querySelector("#timeline-title").textContent.startsWith(`${39 - n} matching articles`), count);
    assert.equal(await page.locator(".chip.excluded").count(), 1);
    await page.click(".chip.excluded");
    await page.waitForFunction(() => document.querySelector("#q").value === "oil");
  });

  await check("timeline: share of all articles toggles the bars and the URL", async () => {
    const heights = () => page.$$eval(".bar", (bars) => bars.map((b) => b.style.height).join(" "));
    const before = await heights();
    await page.check("#normalize");
    await page.waitForURL(/normalize=1/);
    await page.waitForFunction((b) => [...document.querySelectorAll(".bar")].map((x) => x.style.height).join(" ") !== b, before);
    await page.uncheck("#normalize");
    await page.waitForFunction(() => !location.search.includes("normalize"));
  });

  await check("export: the CSV link downloads every match, as search --export csv", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
    const got = fs.readFileSync(await download.path(), "utf8");
    const cli = spawnSync(khabar, ["search", "--db", db, "--export", "csv", "oil"], { encoding: "utf8" });
    assert.equal(got, cli.stdout);
    assert.equal(got.trim().split("\r\n").filter((l) => /^reuters-/.test(l)).length > 30, true);
  });

  await check("open an article: title, highlights, date source, back to results", async () => {
    const first = page.locator(".hit .title").first();
    const title = await first.textContent();
    await first.click();
    await page.waitForURL(/\/article\//);
    await page.waitForSelector("#article-view h1");
    assert.equal(await page.textContent("#article-view h1"), title);
    assert.ok(await page.locator("#article-view .body mark").count() > 0);
    assert.match(await page.textContent("#article-view dl"), /date1987-\d\d-\d\d/);
    await page.screenshot({ path: path.join(shots, "article-en.png") });
    await page.click("#article-view .back");
    await page.waitForSelector(".hit");
    assert.equal(params().get("q"), "oil");
  });

  await check("did you mean: a link to the suggested query", async () => {
    await page.goto(base + "/?q=cocao");
    await settled();
    assert.equal(await page.locator(".hit").count(), 0);
    assert.equal(await page.textContent("#suggestion-link"), "cocoa");
    await page.click("#suggestion-link");
    await page.waitForURL(/q=cocoa/);
    await settled();
    assert.equal(await page.locator(".hit").count(), 2);
  });

  await check("copies: the line opens to the copies, each a link to its article", async () => {
    await page.goto(base + "/?q=bankamerica");
    await settled();
    const copies = page.locator(".hit details.copies");
    assert.equal(await copies.locator("summary").textContent(), "+1 copy in 1 source, first seen 1987-02-26");
    await copies.locator("summary").click();
    await copies.locator("a", { hasText: "reuters-4" }).click();
    await page.waitForURL(/\/article\/reuters-4\?q=bankamerica/);
    await page.waitForSelector("#article-view h1");
    assert.equal(await page.textContent("#article-view h1"), "TALKING POINT/BANKAMERICA <BAC> EQUITY OFFER");
  });

  await check("timeline: a drag across bars sets the range from the first to the last", async () => {
    await page.goto(base + "/?q=oil");
    await settled();
    const from = await page.locator('.bar[data-period="1987-02"]').boundingBox();
    const to = await page.locator('.bar[data-period="1987-04"]').boundingBox();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height - 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height - 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(/since=1987-02&until=1987-04/);
    await settled();
  });

  await check("Urdu: hits and article read right to left", async () => {
    await page.goto(base + "/?q=" + encodeURIComponent("وزیر اعظم"));
    await page.waitForSelector(".hit");
    const dirs = await page.$$eval(".hit", (hits) => hits.map((h) => getComputedStyle(h.querySelector(".snippet")).direction));
    assert.ok(dirs.length > 0 && dirs.every((d) => d === "rtl"), dirs.join(","));
    assert.equal(await page.getAttribute(".hit", "lang"), "ur");
    await page.screenshot({ path: path.join(shots, "results-ur.png") });
    await page.click(".hit .title");
    await page.waitForSelector("#article-view h1");
    assert.equal(await page.$eval("#article-view .body", (b) => getComputedStyle(b).direction), "rtl");
    await page.screenshot({ path: path.join(shots, "article-ur.png") });
  });

  await check("scraped markup is text: <script> title, onerror body, javascript: URL", async () => {
    await page.goto(base + "/?q=hormuz");
    await page.waitForSelector('.hit[data-id="hostile-1"]');
    const title = page.locator('.hit[data-id="hostile-1"] .title');
    assert.equal(await title.textContent(), hostile[0].title);
    assert.equal(await page.locator("#hits script, #hits b, #hits img, #hits i").count(), 0);
    await page.screenshot({ path: path.join(shots, "results-hostile.png") });
    await title.click();
    await page.waitForSelector("#article-view h1");
    assert.equal(await page.textContent("#article-view h1"), hostile[0].title);
    assert.match(await page.textContent("#article-view .body"), /<img src=x onerror=alert\('body'\)>/);
    assert.equal(await page.locator("#article-view a[href^='javascript']").count(), 0);
    assert.equal(await page.locator("#article-view img, #article-view script, #article-view i").count(), 0);
    assert.match(await page.textContent("#article-view dl"), /<i>Wire<\/i>/);
    await page.screenshot({ path: path.join(shots, "article-hostile.png") });
  });

  await check("batch: queries in, a count per query and per month, CSV out", async () => {
    await page.click("#batch-link");
    await page.waitForURL(/\/batch$/);
    await page.fill("#batch-queries", "oil\ncocoa\n# a comment\nوزیر اعظم\n");
    await page.selectOption("#batch-by", "month");
    await page.click("#batch-form button[type=submit]");
    await page.waitForSelector("#batch-table tbody tr");
    const rows = await page.$$eval("#batch-table tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.equal(rows.length, 3);
    for (const [q, n] of rows) {
      const cli = spawnSync(khabar, ["search", "--db", db, "--count", q], { encoding: "utf8" });
      assert.equal(n, cli.stdout.trim(), q);
    }
    assert.equal(rows[0][3], "16");  // oil in 1987-02, as search --histogram month says
    await page.waitForSelector("#batch-csv:not([hidden])");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#batch-csv")]);
    const csv = fs.readFileSync(await download.path(), "utf8");
    assert.match(csv, /^query,count,undated,1987-02,/);
    assert.match(csv, /\r\noil,39,0,16,/);
    await page.screenshot({ path: path.join(shots, "batch.png") });
  });

  await check("no dialog, page error or console error on the way", async () => {
    assert.deepEqual(problems, []);
  });
} catch (e) {
  console.error(`not ok - ${step}\n${e.stack || e}`);
  await page.screenshot({ path: path.join(shots, "failure.png") }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
  server.kill("SIGTERM");
  const code = await new Promise((r) => server.on("exit", (c) => r(c)));
  if (code !== 0) { console.error("not ok - khabar serve exited with", code, "on SIGTERM"); process.exitCode = 1; }
  console.log("screenshots:", shots);
}
