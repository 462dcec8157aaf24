// ReferentialRepository::repack: loose objects and older packs into one pack.

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "git/referential_repository.h"

namespace cqpm::git {
namespace {

namespace fs = std::filesystem;

using PackBuilderPtr = std::unique_ptr<git_packbuilder, FreeWith<&git_packbuilder_free>>;

bool isHex(const std::string& text) {
  return text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

/// The loose object files under objects/ ("ab/cdef…", 2 + 38 hex digits).
std::vector<fs::path> looseObjectFiles(const fs::path& objects) {
  std::vector<fs::path> files;
  std::error_code error;
  for (fs::directory_iterator dir(objects, error), end; !error && dir != end; dir.increment(error)) {
    const std::string name = dir->path().filename().string();
    if (name.size() != 2 || !isHex(name) || !dir->is_directory(error)) continue;
    for (fs::directory_iterator file(dir->path(), error); !error && file != end; file.increment(error)) {
      const std::string rest = file->path().filename().string();
      if (rest.size() == 38 && isHex(rest)) files.push_back(file->path());
    }
  }
  if (error)
    throw Error(ErrorCode::kStorage,
                "list the loose objects of " + objects.string() + ": " + error.message());
  return files;
}

/// The packs in objects/pack, by file name without extension ("pack-<id>").
std::vector<std::string> packNames(const fs::path& pack_dir) {
  std::vector<std::string> names;
  std::error_code error;
  for (fs::directory_iterator it(pack_dir, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".pack") names.push_back(it->path().stem().string());
  }
  if (error && error != std::errc::no_such_file_or_directory) {
    throw Error(ErrorCode::kStorage, "list packs in " + pack_dir.string() + ": " + error.message());
  }
  return names;
}

int collectObject(const git_oid* id, void* payload) {
  static_cast<std::vector<git_oid>*>(payload)->push_back(*id);
  return 0;
}

}  // namespace

ReferentialRepository::RepackResult ReferentialRepository::repack(std::size_t max_packs) {
  const fs::path objects = fs::path(git_repository_path(repository_.get())) / "objects";
  const fs::path pack_dir = objects / "pack";
  // Listed before the objects are enumerated: whatever is removed at the end
  // was there before, so it is in the new pack.
  const std::vector<fs::path> loose = looseObjectFiles(objects);
  const std::vector<std::string> older_packs = packNames(pack_dir);
  RepackResult result;
  const bool consolidate = older_packs.size() + (loose.empty() ? 0 : 1) > std::max<std::size_t>(max_packs, 1);
  if (loose.empty() && !consolidate) return result;

  std::vector<git_oid> ids;
  if (consolidate) {
    git_odb* raw_odb = nullptr;
    check(git_repository_odb(&raw_odb, repository_.get()), "open the object database");
    const OdbPtr odb(raw_odb);
    check(git_odb_refresh(odb.get()), "refresh the object database");
    check(git_odb_foreach(odb.get(), &collectObject, &ids), "list the objects");
  } else {
    for (const fs::path& file : loose) {
      git_oid id;
      const std::string hex = file.parent_path().filename().string() + file.filename().string();
      check(git_oid_fromstr(&id, hex.c_str()), "read a loose object's name");
      ids.push_back(id);
    }
  }

  git_packbuilder* raw_builder = nullptr;
  check(git_packbuilder_new(&raw_builder, repository_.get()), "start a pack");
  const PackBuilderPtr builder(raw_builder);
  for (const git_oid& id : ids) check(git_packbuilder_insert(builder.get(), &id, nullptr), "add to the pack");
  std::error_code error;
  fs::create_directories(pack_dir, error);
  check(git_packbuilder_write(builder.get(), pack_dir.c_str(), 0, nullptr, nullptr), "write the pack");
  const std::string written = std::string("pack-") + git_packbuilder_name(builder.get());
  result.pack = written + ".pack";
  result.objects = git_packbuilder_object_count(builder.get());

  for (const fs::path& file : loose) {
    if (fs::remove(file, error)) ++result.loose_removed;
  }
  if (!consolidate) return result;
  for (const std::string& name : older_packs) {
    if (name == written) continue;  // nothing new: the same content, the same name
    // The index first: a pack without one is ignored, an index without its pack is an error.
    fs::remove(pack_dir / (name + ".idx"), error);
    fs::remove(pack_dir / (name + ".rev"), error);
    if (fs::remove(pack_dir / (name + ".pack"), error)) ++result.packs_removed;
  }
  return result;
}

}  // namespace cqpm::git
