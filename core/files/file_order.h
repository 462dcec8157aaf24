#pragma once

#include <string>

#include "store/candidate_file_store.h"

namespace cqpm::files {

/// The sort of the file list from the query's `sort` (created_at, updated_at,
/// name, cqpm, state, report_due_at; empty: created_at) and `order` (asc,
/// desc; empty: desc for the dates, asc for the others). Throws
/// Error{kInvalidField} naming "sort" or "order" for any other value. Pure.
store::FileOrder parseFileOrder(const std::string& sort, const std::string& order);

/// The `sort` value that names `key` in the API. Pure.
std::string sortName(store::FileSortKey key);

}  // namespace cqpm::files
