// Issue 16, point 7: every code example in docs/mallar.md is rendered by the suite, so the
// reference cannot drift from the program. The fenced blocks are read by their info string:
//
//   ```mall [data=<mapp>] [fil=<namn>.md]   a template (mall.md), rendered against
//                                            data/nationell-2019 unless data= names another;
//                                            with fil= it is a file for the next mall to include
//   ```utdata                                the plain text the mall before it gives
//                                            (compared with all whitespace collapsed; a
//                                            line in parentheses is a note to the reader)
//   ```fel                                   the error the mall before it gives (exit 2)
//   ```yaml                                  a mall.yaml (fragment), loaded with the next mall,
//                                            or with a mall.md that shows each table and chart
//   ```text                                  a terminal transcript: not run
//
// A fenced block with no info string or another one is itself a failure: an example that
// the suite cannot run must say so (text).
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {

struct Block {
  int line = 0;       // the opening fence's line in the doc
  std::string kind;   // mall, utdata, fel, yaml, text, …
  std::string attrs;  // the rest of the info string
  std::string body;
};

std::vector<Block> fenced_blocks(const std::string& doc) {
  std::vector<Block> out;
  std::istringstream in(doc);
  std::string line;
  int n = 0;
  Block* open = nullptr;
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("```", 0) == 0) {
      if (open) {
        open = nullptr;
        continue;
      }
      Block b;
      b.line = n;
      std::string info = line.substr(3);
      size_t sp = info.find(' ');
      b.kind = info.substr(0, sp);
      b.attrs = sp == std::string::npos ? "" : info.substr(sp + 1);
      out.push_back(b);
      open = &out.back();
    } else if (open) {
      open->body += line + "\n";
    }
  }
  return out;
}

std::string attr(const std::string& attrs, const std::string& key) {
  std::smatch m;
  if (std::regex_search(attrs, m, std::regex("(^| )" + key + "=([^ ]+)"))) return m[2];
  return "";
}

// Every kind of space one plain space, runs of them one, none at the ends.
std::string collapse(std::string s) {
  for (const char* sp : {"\u00A0", "\u202F", "\u2009"})
    for (size_t at; (at = s.find(sp)) != std::string::npos;) s.replace(at, std::strlen(sp), " ");
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// An utdata line in parentheses, "(sidan 2)", tells the reader where the text stands.
std::string without_notes(const std::string& expected) {
  std::istringstream in(expected);
  std::string line, out;
  while (std::getline(in, line))
    if (!(line.size() > 1 && line.front() == '(' && line.back() == ')')) out += line + "\n";
  return out;
}

bool has_key(const std::string& yaml, const std::string& key) {
  return std::regex_search(yaml, std::regex("(^|\n)" + key + ":"));
}

// The names declared under a top-level section (`tabeller:`, `diagram:`) of a mall.yaml.
std::vector<std::string> declared(const std::string& yaml, const std::string& section) {
  std::vector<std::string> names;
  std::istringstream in(yaml);
  std::string line;
  bool inside = false;
  std::regex entry("^  ([^ #:][^ :]*):");
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != ' ' && line[0] != '#') inside = line == section + ":";
    std::smatch m;
    if (inside && std::regex_search(line, m, entry)) names.push_back(m[1]);
  }
  return names;
}

// The document's text from a page trace: runs of one element on one line, or that touch on
// one line, are joined as they are (each carries its own spaces), everything else with a
// space; a soft hyphen at a line end (\\- in the trace) joins the word again.
std::string running_text(const std::string& trace) {
  std::istringstream in(trace);
  std::string line, out, last_element, last_y, skipped;
  const std::regex text_line(R"re(^text (\S+) .* x=(\S+) y=(\S+) w=(\S+) "(.*)"$)re");
  double last_end = -1;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, text_line)) {
      last_element.clear();
      last_end = -1;
      if (line.rfind("page ", 0) == 0) last_y.clear();
      continue;
    }
    if (m[1] == "Artifact") continue;  // layout decoration (contents' dot leaders), not text
    // Nor is the mark of a data set with invented data (dokument.fiktiva_uppgifter), in the
    // footer and as the document's opening notice: the tool writes it, not the template.
    if (m[5] == "Exempel \u2013 fiktiva uppgifter") continue;
    if (m[5] == "Exempel \u2013 fiktiva uppgifter. ") skipped = m[1];
    if (m[1] == skipped) continue;
    const std::string soft = "\\-";
    // One line: the same element, or a run that starts where the last one ended (a link
    // inside a sentence); table cells on one line stand apart.
    const double x = std::stod(m[2]);
    bool same_line =
        m[3] == last_y && (m[1] == last_element || (last_end >= 0 && std::abs(x - last_end) < 1));
    if (out.size() >= soft.size() && out.compare(out.size() - soft.size(), soft.size(), soft) == 0)
      out.resize(out.size() - soft.size());
    else if (!same_line && !out.empty() && out.back() != ' ')
      out += ' ';
    out += m[5];
    last_element = m[1];
    last_y = m[3];
    last_end = x + std::stod(m[4]);
  }
  return out;
}

struct Outcome {
  int code;
  std::string messages;  // stderr, the folder's path taken out
  std::string text;      // the document's running text
};

Outcome render(const fs::path& dir, const std::string& data) {
  const fs::path trace = dir / "spår.txt";
  fs::remove(trace);
  auto r = rvtest::sh(std::string("'") + RV_BINARY + "' skapa '" + dir.string() + "' data/" + data +
                      " --format spår -o '" + trace.string() + "'");
  std::string msg = r.out;
  const std::string prefix = dir.string() + "/";
  for (size_t at; (at = msg.find(prefix)) != std::string::npos;) msg.erase(at, prefix.size());
  std::string text = fs::exists(trace) ? running_text(rvtest::read(trace)) : "";
  return {r.code, msg, text};
}

// The error lines of a run, without the summary ("1 fel") and the data set's own warnings.
std::string errors(const std::string& messages) {
  std::istringstream in(messages);
  std::string line, out;
  while (std::getline(in, line))
    if (line.find(": fel:") != std::string::npos || line.rfind("fel:", 0) == 0) out += line + "\n";
  return out;
}

// Warnings about the template (the data set's own start with its path or are only counted).
std::string template_warnings(const std::string& messages) {
  std::istringstream in(messages);
  std::string line, out;
  while (std::getline(in, line))
    if (line.find("varning:") != std::string::npos && line.rfind("data/", 0) != 0 &&
        line.rfind("(", 0) != 0)
      out += line + "\n";
  return out;
}

const char* kMinimalSettings =
    "typ: rapport\nbrödtext: mall.md\n"
    "metadata: {titel: Exempel, författare: Exempel, ämne: Exempel}\n";

void check_doc(const std::string& doc_name) {
  const std::string doc = rvtest::read(fs::path(RV_SOURCE_DIR) / "docs" / doc_name);
  std::vector<Block> blocks = fenced_blocks(doc);
  REQUIRE(blocks.size() > 10);
  const fs::path dir = rvtest::temp_dir("docs_examples");
  int rendered = 0;
  std::string pending_yaml;
  int pending_yaml_line = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    INFO(doc_name << ":" << b.line << ": ```" << b.kind << " " << b.attrs);
    if (b.kind == "text" || b.kind == "utdata" || b.kind == "fel") continue;
    if (b.kind == "yaml") {
      pending_yaml = b.body;
      pending_yaml_line = b.line;
      bool next_is_mall = i + 1 < blocks.size() && blocks[i + 1].kind == "mall" &&
                          attr(blocks[i + 1].attrs, "fil").empty();
      if (next_is_mall) continue;
      // A mall.md that shows every table and chart the settings declare.
      std::string md = "# Exempel\n\n";
      for (const auto& t : declared(b.body, "tabeller")) md += "{% tabell " + t + " %}\n\n";
      for (const auto& t : declared(b.body, "diagram")) md += "{% diagram " + t + " %}\n\n";
      blocks.insert(blocks.begin() + static_cast<long>(i) + 1, Block{b.line, "mall", "", md});
      continue;
    }
    if (b.kind != "mall") {
      FAIL_CHECK("a code example the suite cannot run: label it mall, utdata, fel, yaml or text");
      continue;
    }
    if (std::string file = attr(b.attrs, "fil"); !file.empty()) {
      rvtest::write(dir / file, b.body);
      continue;
    }
    std::string settings = pending_yaml;
    if (!pending_yaml.empty()) INFO("med mall.yaml från rad " << pending_yaml_line);
    for (const char* key : {"typ", "brödtext", "metadata"})
      if (!has_key(settings, key)) {
        std::string line = std::string(kMinimalSettings);
        size_t at = line.find(std::string(key) + ":");
        settings = line.substr(at, line.find('\n', at) - at + 1) + settings;
      }
    pending_yaml.clear();
    rvtest::write(dir / "mall.yaml", settings);
    rvtest::write(dir / "mall.md", b.body);
    rvtest::write(dir / "avstavning.txt", "stads-dels-nämnd\n");
    std::string data = attr(b.attrs, "data");
    Outcome o = render(dir, data.empty() ? "nationell-2019" : data);
    ++rendered;
    if (const char* dump = std::getenv("RV_DOCS_DUMP"))  // for writing the doc's utdata
      std::ofstream(dump, std::ios::app)
          << doc_name << ":" << b.line << " [" << o.code << "] " << o.text << "\n"
          << o.messages << "\n";
    INFO("meddelanden:\n" << o.messages);
    INFO("text: " << o.text);
    const Block* expect = i + 1 < blocks.size() ? &blocks[i + 1] : nullptr;
    if (expect && expect->kind == "fel") {
      CHECK(o.code == 2);
      CHECK(collapse(errors(o.messages)) == collapse(expect->body));
      continue;
    }
    CHECK(o.code == 0);
    CHECK(errors(o.messages).empty());
    CHECK(template_warnings(o.messages).empty());
    if (expect && expect->kind == "utdata")
      CHECK(collapse(o.text) == collapse(without_notes(expect->body)));
  }
  CHECK(rendered > 0);
  fs::remove_all(dir);
}

}  // namespace

TEST_CASE("every code example in docs/mallar.md renders as the doc shows") {
  check_doc("mallar.md");
}
