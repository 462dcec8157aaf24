#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cqpm::live {

/// Bookkeeping of the open live streams (server-sent events): a global cap
/// and a cap per account, so that one user cannot take every place. Streams
/// hold no thread (the StreamPump serves them all); each asks isOpen() at
/// every turn, so shutdown(), closeUser(), closeOrganisation() and
/// closeSession() end them within one turn. Thread-safe.
class StreamHub {
 public:
  /// One open stream's place; released when destroyed.
  class Slot {
   public:
    Slot(StreamHub& hub, std::string user_id, std::string organisation_id, std::string session_token)
        : hub_(hub),
          user_id_(std::move(user_id)),
          organisation_id_(std::move(organisation_id)),
          session_token_(std::move(session_token)) {}
    ~Slot();
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    const std::string& sessionToken() const { return session_token_; }

   private:
    friend class StreamHub;
    StreamHub& hub_;
    const std::string user_id_;
    const std::string organisation_id_;
    const std::string session_token_;
    bool closed_ = false;  // guarded by hub_.mutex_
  };

  StreamHub(int max_streams, int max_streams_per_user)
      : max_streams_(max_streams), max_streams_per_user_(max_streams_per_user) {}

  /// A place for one more stream of `user_id` (a member of
  /// `organisation_id`, reading with `session_token`), or null when all are
  /// taken, the user holds max_streams_per_user already, or the server is stopping.
  std::unique_ptr<Slot> tryOpen(const std::string& user_id, const std::string& organisation_id,
                                const std::string& session_token);
  /// False once the server is stopping or `slot` was closed.
  bool isOpen(const Slot& slot) const;
  /// Ends every stream (now and from now on).
  void shutdown();
  /// Ends the open streams of one account / of every member of one
  /// organisation / read with one session (its logout).
  void closeUser(const std::string& user_id);
  void closeOrganisation(const std::string& organisation_id);
  void closeSession(const std::string& session_token);
  int openStreams() const;

 private:
  const int max_streams_;
  const int max_streams_per_user_;
  mutable std::mutex mutex_;
  std::vector<Slot*> open_;  // guarded by mutex_
  bool stopping_ = false;    // guarded by mutex_
};

}  // namespace cqpm::live
