#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// One git object as the database keeps it: its id (40 hex digits), its type
/// ("commit", "tree", "blob", "tag") and its raw bytes (stored base64-encoded).
struct GitObjectRow {
  std::string id;
  std::string type;
  std::string content;
};

}  // namespace cqpm::store

/// The referential repository's objects and refs, the authority every
/// instance's bare repository is replicated from (see referentials/referential_replica.h).
namespace cqpm::store::referential_object_store {

/// Stores `objects` as the bundle `bundle`, in their order; an object already
/// in that bundle is kept as it is.
void insertBundle(SqlSession& sql, const std::string& bundle, const std::vector<GitObjectRow>& objects);
/// The objects of `bundle` in the order they were stored (its commit or tag last); empty if none.
std::vector<GitObjectRow> loadBundle(SqlSession& sql, const std::string& bundle);

/// Every ref and its target, by name.
std::map<std::string, std::string> listRefs(SqlSession& sql);
/// The target of the ref `name`, or nullopt when there is none.
std::optional<std::string> findRef(SqlSession& sql, const std::string& name);
/// Moves `name` to `target` if it points at `expected` (or, when `expected` is
/// nullopt, creates it if absent). False when it did not: another writer moved it first.
bool moveRef(SqlSession& sql, const std::string& name, const std::optional<std::string>& expected,
             const std::string& target, const std::string& at);

}  // namespace cqpm::store::referential_object_store
