// skapa … --per-mottagare: one PDF per selected recipient, rendered on every core.
#include "cli/batch_run.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "batch/batch.hpp"
#include "batch/combine.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "outfile/outfile.hpp"
#include "pdf/pdf.hpp"
#include "swedish/swedish.hpp"

namespace fs = std::filesystem;

namespace rv::cli {

namespace {

using tmpl::Value;

struct Job {
  Value record;
  std::string name, file;
  Diagnostics diags;
  bool ok = false;
  int pages = 0;
  std::optional<layout::Pages> kept;  // for --samlad
  std::string sha256;
};

std::string text_field(const Value& record, const char* key) {
  const Value* v = record.get(key);
  return v && v->is_str() ? v->as_str() : std::string();
}

// "--urval:1:5: fel: …" followed by the condition and a caret under the column.
void print_condition_errors(const std::string& condition, const Diagnostics& diags) {
  for (const auto& d : diags.all()) {
    print_diagnostic(d);
    if (json_diagnostics() || d.span.file != "--urval" || d.span.col <= 0) continue;
    std::cerr << "  " << condition << "\n  "
              << std::string(static_cast<size_t>(d.span.col - 1), ' ') << "^\n";
  }
}

// At most 48 characters (a longer line would wrap, and \r then rewrites only its end).
std::string shortened(const std::string& name) {
  size_t chars = 0, at = 0;
  for (; at < name.size(); ++at)
    if ((static_cast<unsigned char>(name[at]) & 0xC0) != 0x80 && ++chars > 47) break;
  return at < name.size() ? name.substr(0, at) + "…" : name;
}

// One line on a terminal, rewritten in place: "12/76 Ale kommun (ca 3 s kvar)".
class Progress {
 public:
  Progress(size_t total) : on_(isatty(STDERR_FILENO) != 0), total_(total) {}
  void done(const std::string& name) {
    if (!on_) return;
    std::lock_guard lock(mutex_);
    ++done_;
    double elapsed = std::chrono::duration<double>(clock::now() - start_).count();
    double left =
        done_ ? elapsed / static_cast<double>(done_) * static_cast<double>(total_ - done_) : 0;
    std::cerr << "\r\033[K" << done_ << "/" << total_ << " " << shortened(name);
    if (done_ < total_ && left >= 1)
      std::cerr << " (ca " << static_cast<long>(left + 0.5) << " s kvar)";
    std::cerr << std::flush;
  }
  void clear() {
    if (on_ && done_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  using clock = std::chrono::steady_clock;
  bool on_;
  size_t total_, done_ = 0;
  std::mutex mutex_;
  clock::time_point start_ = clock::now();
};

// The letters' own title without the recipient's name
// ("Återbetalning av outnyttjade medel 2019: Ale kommun" → "… 2019").
std::string title_without_name(const Job& job) {
  std::string t = job.kept ? job.kept->meta.title : std::string();
  const std::string suffix = ": " + job.name;
  if (t.size() > suffix.size() && t.ends_with(suffix)) t.resize(t.size() - suffix.size());
  return t;
}

// --samlad: the written letters joined, one outline entry per recipient.
bool write_combined(std::vector<Job>& jobs, const outfile::Target& target, Diagnostics& diags) {
  std::vector<batch::Part> parts;
  std::string base;
  for (Job& j : jobs)
    if (j.ok && j.kept) {
      if (parts.empty()) base = title_without_name(j);
      parts.push_back({j.name, std::move(*j.kept)});
      j.kept.reset();
    }
  if (parts.empty()) return false;
  const std::string count = std::to_string(parts.size()) + " mottagare";
  layout::Pages all = batch::combine(parts, base.empty() ? count : base + " – " + count);
  return pdf::write_pdf(all, target, diags) == pdf::Written::Ok;
}

// `pdfa`: --pdfa, which overrides the template's choice.
// `format`: pdf, html (a web page) or docx (a Word file).
void render_one(const tmpl::TemplateBatch& templ, const fs::path& folder, bool keep,
                std::optional<doc::PdfA> pdfa, const std::string& format, Job& job) {
  Diagnostics& d = job.diags;
  auto rendered = templ.render("mottagare", job.record, d);
  if (!rendered || d.has_errors()) return;
  if (pdfa) rendered->document.meta.pdfa = *pdfa;
  layout::Context lc;
  auto pages = layout::layout(rendered->document, lc, d);
  if (!pages || d.has_errors()) return;
  auto target = outfile::check_target((folder / job.file).string(), d);
  if (!target) return;
  if (!write_document(format, rendered->document, *pages, *target, d)) return;
  // The manifest's checksum is of the file as it lies on disk.
  auto bytes = outfile::read_back(target->file, target->shown, d);
  if (!bytes) return;
  job.sha256 = batch::sha256_hex(*bytes);
  job.pages = static_cast<int>(pages->pages.size());
  if (keep) job.kept = std::move(*pages);
  job.ok = true;
}

// The recipients both the template's own selection (brev.urval: whom the letter is for)
// and --urval choose, with their file names; nullopt after printing a condition's error.
std::optional<std::vector<Job>> select_jobs(const tmpl::TemplateBatch& templ,
                                            const std::vector<Value>& records,
                                            const std::string& condition,
                                            const std::string& extension) {
  std::vector<batch::Selection> selections;
  const auto fields = batch::field_names(records);
  Diagnostics cd;
  if (std::string own = templ.letter_setting("urval"); !own.empty())
    if (auto s = batch::Selection::parse(own, fields, cd, templ.letter_setting_span("urval")))
      selections.push_back(std::move(*s));
  if (!condition.empty())
    if (auto s = batch::Selection::parse(condition, fields, cd))
      selections.push_back(std::move(*s));
  if (cd.has_errors()) {
    print_condition_errors(condition, cd);
    return std::nullopt;
  }
  std::vector<Job> jobs;
  std::vector<std::string> names;
  for (const Value& r : records) {
    bool chosen = true;
    for (const auto& sel : selections) chosen = chosen && sel.matches(r);
    if (!chosen) continue;
    Job j;
    j.record = r;
    j.name = text_field(r, "namn");
    names.push_back(j.name);
    jobs.push_back(std::move(j));
  }
  auto files = batch::unique_file_names(names, extension);
  for (size_t i = 0; i < jobs.size(); ++i) jobs[i].file = files[i];
  return jobs;
}

// Every job on every core: each thread takes the next recipient until none is left.
void render_all(const tmpl::TemplateBatch& templ, const fs::path& folder, bool keep,
                std::optional<doc::PdfA> pdfa, const std::string& format, std::vector<Job>& jobs) {
  Progress progress(jobs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      render_one(templ, folder, keep, pdfa, format, jobs[i]);
      progress.done(jobs[i].name);
    }
  };
  // The first document on this thread alone: libraries' lazily set-up state (cmark-gfm
  // registers its extensions on first use, without a lock) is then in place before the
  // helpers start.
  if (!jobs.empty()) {
    render_one(templ, folder, keep, pdfa, format, jobs[0]);
    progress.done(jobs[0].name);
    next = 1;
  }
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> helpers;
  for (unsigned k = 1; k < std::min<size_t>(cores, jobs.size()); ++k) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // fewer helpers: this thread does the rest
    }
  }
  work();
  for (std::thread& t : helpers) t.join();
  progress.clear();
}

// Each failure with the recipient's name first; warnings the recipients share once (in
// `warnings`). The manifest's rows: the documents written, in the recipients' order.
std::vector<batch::ManifestRow> collect(const std::vector<Job>& jobs, const std::string& amount,
                                        Diagnostics& warnings, size_t& failed, int64_t& sum) {
  std::vector<batch::ManifestRow> rows;
  std::vector<std::string> seen;
  for (const Job& j : jobs) {
    for (const auto& d : j.diags.all()) {
      std::string text = format_diagnostic(d);
      if (d.severity == Severity::Error) {
        print_diagnostic(d, j.name + ": ");
      } else if (std::find(seen.begin(), seen.end(), text) == seen.end()) {
        seen.push_back(text);
        warnings.add(d);
      }
    }
    if (!j.ok) {
      if (!j.diags.has_errors()) std::cerr << j.name << ": fel: dokumentet kunde inte skapas\n";
      ++failed;
      continue;
    }
    batch::ManifestRow row{j.name, j.file, std::nullopt, j.pages, j.sha256};
    if (const Value* v = j.record.get(amount); v && v->is_int()) {
      row.amount = v->as_int();
      sum += v->as_int();
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// The folder for the documents, made when missing; false after printing why not.
bool make_folder(const std::string& folder) {
  Diagnostics diags;
  std::error_code made, is_dir;
  if (folder.empty() || folder == "-") {
    diags.error(Span{}, "--per-mottagare skriver en fil per mottagare: ange en mapp med -o <mapp>");
  } else {
    fs::create_directories(folder, made);
    if (!fs::is_directory(folder, is_dir))
      diags.error(Span{folder, 0, 0},
                  made ? "kan inte skapa mappen för dokumenten: " + outfile::error_text(made)
                       : "finns redan men är ingen mapp");
  }
  if (!diags.has_errors()) return true;
  print_errors_and_warning_count(diags);
  return false;
}

}  // namespace

int run_batch(const BatchArgs& a) {
  if (!make_folder(a.folder)) return InvalidInput;
  Diagnostics diags;
  const bool web_or_word = a.format == "html" || a.format == "docx";
  if (a.format == "spår" || (web_or_word && !a.combined.empty())) {
    diags.error(Span{}, a.format == "spår"
                            ? "--per-mottagare skriver PDF, HTML eller DOCX, inte spår"
                            : "--samlad skriver en PDF och gäller inte med --format " + a.format);
    print_errors_and_warning_count(diags);
    return InvalidInput;
  }
  // --samlad is checked before any work, like -o of a single document.
  std::optional<outfile::Target> combined;
  if (!a.combined.empty()) {
    combined = outfile::check_target(a.combined, diags, /*create_folder=*/true);
    if (combined && combined->to_stdout) {
      diags.error(Span{}, "--samlad skriver en fil: ange en sökväg, inte -");
      combined.reset();
    }
    if (!combined) {
      print_errors_and_warning_count(diags);
      return InvalidInput;
    }
  }
  sv::preload_hyphenation(load::cache_dir().value_or(""));
  auto params = parse_parameters(a.parameters, diags);
  std::optional<GrantYear> year;
  if (params) year = load_year(a.data, diags);
  std::optional<tmpl::TemplateBatch> templ;
  if (year) templ = tmpl::TemplateBatch::open(resolve_template(a.templ), *year, diags, *params);
  if (!templ) {
    print_errors_and_warning_count(diags);
    return InvalidInput;
  }
  const std::vector<Value> records = batch::recipients(templ->context());
  const std::string format = web_or_word ? a.format : "pdf";
  auto jobs = select_jobs(*templ, records, a.condition, "." + format);
  if (!jobs) return InvalidInput;

  const fs::path folder(a.folder);
  render_all(*templ, folder, combined.has_value(), doc::parse_pdfa(a.pdfa), format, *jobs);
  sv::save_hyphenation_store();

  std::string amount = templ->letter_setting("belopp");
  size_t failed = 0;
  int64_t sum = 0;
  Diagnostics warnings = diags;
  auto rows = collect(*jobs, amount.empty() ? "belopp" : amount, warnings, failed, sum);
  const bool combined_ok = !combined || write_combined(*jobs, *combined, warnings);
  const std::string manifest = (folder / "förteckning.csv").string();
  const bool manifest_ok = outfile::write_file(manifest, batch::manifest_csv(rows), warnings);
  print_errors_and_warning_count(warnings);

  std::cout << "Skrev " << rows.size() << " dokument i " << a.folder << " (" << jobs->size()
            << " av " << records.size() << " mottagare valda";
  if (!rows.empty()) std::cout << ", summa " << sv::amount(sum, sv::AmountStyle::Kr);
  std::cout << ")";
  if (manifest_ok) std::cout << "; förteckning: " << manifest;
  if (combined && combined_ok) std::cout << "; samlade: " << combined->shown;
  std::cout << "\n";
  if (failed) std::cout << failed << " mottagare fick inget dokument; se felen ovan\n";
  std::cout.flush();
  return failed || !manifest_ok || !combined_ok ? InvalidInput : Ok;
}

}  // namespace rv::cli
