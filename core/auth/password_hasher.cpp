#include "auth/password_hasher.h"

#include <argon2.h>

#include "auth/phc_string.h"
#include "common/error.h"
#include "common/random_bytes.h"

namespace cqpm::auth {
namespace {
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

// libargon2's allocation callbacks take no user data: the working memory of
// the slot the current thread holds is passed through this.
thread_local std::vector<std::uint8_t>* slot_memory = nullptr;

int allocateInSlot(std::uint8_t** memory, std::size_t bytes) {
  if (!slot_memory) return ARGON2_MEMORY_ALLOCATION_ERROR;
  try {
    if (slot_memory->size() < bytes) slot_memory->resize(bytes);
  } catch (const std::bad_alloc&) {
    return ARGON2_MEMORY_ALLOCATION_ERROR;
  }
  *memory = slot_memory->data();
  return ARGON2_OK;
}

// libargon2 has wiped the memory already; the slot keeps it for the next hash.
void keepInSlot(std::uint8_t*, std::size_t) {}

/// Lends `slot`'s memory to the Argon2 computations of this thread while alive.
class SlotMemoryLease {
 public:
  explicit SlotMemoryLease(HashingSlots::Slot& slot) { slot_memory = &slot.memory(); }
  ~SlotMemoryLease() { slot_memory = nullptr; }
  SlotMemoryLease(const SlotMemoryLease&) = delete;
  SlotMemoryLease& operator=(const SlotMemoryLease&) = delete;
};

/// An Argon2id context over `password`, `salt` and the costs of `params`, writing `out`.
argon2_context contextFor(const std::string& password, const std::string& salt, const Argon2idHash& params,
                          std::string& out) {
  argon2_context context{};
  context.out = reinterpret_cast<std::uint8_t*>(out.data());
  context.outlen = static_cast<std::uint32_t>(out.size());
  context.pwd = reinterpret_cast<std::uint8_t*>(const_cast<char*>(password.data()));
  context.pwdlen = static_cast<std::uint32_t>(password.size());
  context.salt = reinterpret_cast<std::uint8_t*>(const_cast<char*>(salt.data()));
  context.saltlen = static_cast<std::uint32_t>(salt.size());
  context.t_cost = params.iterations;
  context.m_cost = params.memory_kib;
  context.lanes = params.lanes;
  context.threads = params.lanes;
  context.version = params.version;
  context.allocate_cbk = allocateInSlot;
  context.free_cbk = keepInSlot;
  context.flags = ARGON2_DEFAULT_FLAGS;
  return context;
}

}  // namespace

PasswordHasher::PasswordHasher(PasswordHashCost cost, std::shared_ptr<HashingSlots> slots)
    : cost_(cost),
      slots_(slots ? std::move(slots) : std::make_shared<HashingSlots>(HashingSlots::defaultSlots())) {}

std::string PasswordHasher::hash(const std::string& password) const {
  Argon2idHash result{ARGON2_VERSION_13, cost_.memory_kib,        cost_.iterations,
                      cost_.lanes,       randomBytes(kSaltBytes), std::string(kHashBytes, '\0')};
  argon2_context context = contextFor(password, result.salt, result, result.hash);
  auto slot = slots_->acquire();
  const SlotMemoryLease lease(slot);
  const int rc = argon2_ctx(&context, Argon2_id);
  if (rc != ARGON2_OK)
    throw Error(ErrorCode::kInternal, std::string("password hashing failed: ") + argon2_error_message(rc));
  return encodePhc(result);
}

bool PasswordHasher::verify(const std::string& password, const std::string& encoded) const {
  const auto stored = decodePhc(encoded);
  if (!stored) return false;
  std::string computed(stored->hash.size(), '\0');
  argon2_context context = contextFor(password, stored->salt, *stored, computed);
  auto slot = slots_->acquire();
  const SlotMemoryLease lease(slot);
  return argon2_verify_ctx(&context, stored->hash.data(), Argon2_id) == ARGON2_OK;
}

}  // namespace cqpm::auth
