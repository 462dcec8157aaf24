#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// What the platform holds about one person (RGPD right of access, issue 16, item 5).
namespace personal_data_store {

/// The files of `centre_id` that are the same person's as `file_id` (that file first if it is the
/// centre's, then by creation): the same candidate account, or the same folded name and birth date.
/// An anonymised file matches nothing but itself.
std::vector<std::string> filesOfSamePerson(SqlSession& sql, const std::string& file_id,
                                           const std::string& centre_id);

}  // namespace personal_data_store
}  // namespace cqpm::store
