#pragma once

#include <string_view>

namespace cqpm::store {

/// What a write names through SqlSession::markChanged besides candidate files
/// (whose ids are the other keys): a change to an account, an organisation or
/// a session, i.e. to who may do what (auth::SessionCache forgets its entries).
inline constexpr std::string_view kAccountsChanged = "accounts";

}  // namespace cqpm::store
