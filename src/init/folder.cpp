// The new folder, all or nothing: written beside its place under a temporary name,
// checked, and renamed into place in one step.
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "init/init.hpp"
#include "outfile/outfile.hpp"

namespace fs = std::filesystem;

namespace rv::init {

namespace {

// "data/2020/" → "data/2020": the folder's own name is what the temporary one is named after.
std::string without_trailing_slash(std::string p) {
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p;
}

// Both canonical; "a/b/" and "a/b" are the same folder.
bool inside(fs::path inner, fs::path outer) {
  if (inner.filename().empty()) inner = inner.parent_path();
  if (outer.filename().empty()) outer = outer.parent_path();
  auto i = inner.begin(), o = outer.begin();
  for (; o != outer.end(); ++i, ++o)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

mode_t folder_mode() {
  const mode_t mask = umask(0);
  umask(mask);
  return 0777 & ~mask;
}

}  // namespace

std::string unusable_target(const std::string& folder_arg, const std::string& source_root) {
  if (folder_arg.empty()) return "den nya mappens namn är tomt";
  const std::string folder = without_trailing_slash(folder_arg);
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(folder, ec);
  if (!ec && fs::exists(st)) {
    if (!fs::is_directory(st))
      return "finns redan och är ingen mapp; ange en ny mapp (inget skrivs över)";
    if (!fs::is_empty(folder, ec) || ec)
      return "mappen finns redan och är inte tom; ange en ny mapp (inget skrivs över)";
  } else if (ec && ec != std::errc::no_such_file_or_directory) {
    return "kan inte undersöka mappen: " + outfile::error_text(ec);
  }
  // A new year inside last year's folder would be read as part of last year.
  if (fs::is_directory(source_root, ec) &&
      inside(fs::weakly_canonical(folder, ec), fs::weakly_canonical(source_root, ec)))
    return "ligger i förra årets mapp " + source_root + "; välj en mapp utanför den";
  return "";
}

bool write_new_folder(const std::string& folder_arg, const std::vector<NewFile>& files,
                      const std::function<bool(const std::string&)>& check, Diagnostics& diags) {
  const std::string folder = without_trailing_slash(folder_arg);
  fs::path parent = fs::path(folder).parent_path();
  if (parent.empty()) parent = ".";
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) {
    diags.error(Span{folder, 0, 0},
                "kan inte skapa mappen " + parent.string() + ": " + outfile::error_text(ec));
    return false;
  }
  // Named `.<mapp>.<pid>.<slump>.tmp` beside the new folder: removed when this returns
  // without the rename, and by a later run's sweep after a crash.
  auto scratch = outfile::ScratchFolder::create(outfile::Target{folder, folder, false}, "-", diags);
  if (!scratch) return false;
  const fs::path staging = fs::path(scratch->file()).parent_path();
  for (const NewFile& f : files) {
    const fs::path path = staging / f.name;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      diags.error(Span{(fs::path(folder) / f.name).string(), 0, 0},
                  "kan inte skapa mappen: " + outfile::error_text(ec));
      return false;
    }
    if (!outfile::write_file(path.string(), f.text, diags)) return false;
  }
  if (!check(staging.string())) return false;
  fs::permissions(staging, static_cast<fs::perms>(folder_mode()), ec);
  // rename(2) puts the folder in place in one step, and replaces only an empty folder.
  if (std::rename(staging.c_str(), folder.c_str()) != 0) {
    const int err = errno;
    diags.error(Span{folder, 0, 0},
                err == ENOTEMPTY || err == EEXIST
                    ? std::string("mappen har fått innehåll under tiden; inget skrevs över")
                    : "kan inte skapa mappen: " + outfile::errno_text(err));
    return false;
  }
  return true;
}

}  // namespace rv::init
