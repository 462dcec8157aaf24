#include "documents/clamd_scanner.h"

#include <Poco/Logger.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <sys/socket.h>

#include <array>
#include <fstream>

#include "common/error.h"

namespace cqpm::documents {

namespace {

// Small enough to keep memory flat, large enough that the 4-byte prefix costs nothing.
constexpr std::size_t kClamdChunkBytes = 64 * 1024;
// clamd's answers are one short line; anything longer is not clamd.
constexpr std::size_t kClamdMaxReplyBytes = 4096;
// What a client is told to wait before retrying when clamd is down.
constexpr const char* kClamdRetryAfterSeconds = "30";

/// One connection to clamd, closed when destroyed (the StreamSocket's own RAII).
/// Every operation is bounded by the timeout; failures are Poco exceptions.
class ClamdConnection {
 public:
  explicit ClamdConnection(const ClamdSettings& settings) : socket_(Poco::Net::SocketAddress::UNIX_LOCAL) {
    const Poco::Timespan timeout(settings.timeout_seconds, 0);
    socket_.connect(Poco::Net::SocketAddress(Poco::Net::SocketAddress::UNIX_LOCAL, settings.socket_path),
                    timeout);
    socket_.setSendTimeout(timeout);
    socket_.setReceiveTimeout(timeout);
  }

  void send(const char* bytes, std::size_t size) {
    while (size > 0) {
      // MSG_NOSIGNAL: clamd closing early (its size limit) must be an error, not a SIGPIPE.
      const int sent = socket_.sendBytes(bytes, static_cast<int>(size), MSG_NOSIGNAL);
      if (sent <= 0) throw Poco::Net::NetException("clamd closed the connection");
      bytes += sent;
      size -= static_cast<std::size_t>(sent);
    }
  }

  /// The answer up to its terminating NUL (or the end of the connection), without it.
  std::string reply() {
    std::string answer;
    std::array<char, 512> buffer{};
    while (answer.size() < kClamdMaxReplyBytes) {
      const int received = socket_.receiveBytes(buffer.data(), static_cast<int>(buffer.size()));
      if (received <= 0) break;
      answer.append(buffer.data(), static_cast<std::size_t>(received));
      const auto end = answer.find('\0');
      if (end != std::string::npos) return answer.substr(0, end);
    }
    while (!answer.empty() && (answer.back() == '\n' || answer.back() == '\r')) answer.pop_back();
    return answer;
  }

 private:
  Poco::Net::StreamSocket socket_;
};

void putBigEndian32(char* out, std::uint32_t value) {
  out[0] = static_cast<char>((value >> 24) & 0xff);
  out[1] = static_cast<char>((value >> 16) & 0xff);
  out[2] = static_cast<char>((value >> 8) & 0xff);
  out[3] = static_cast<char>(value & 0xff);
}

[[noreturn]] void clamdUnavailable(const std::string& message) {
  Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
  details->set("retry_after", kClamdRetryAfterSeconds);
  throw Error(ErrorCode::kUnavailable, message, "file", details);
}

}  // namespace

ClamdScanner::ClamdScanner(ClamdSettings settings) : settings_(std::move(settings)) {}

std::optional<std::string> ClamdScanner::scan(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kInternal, "the received document cannot be read back for scanning");
  std::string answer, failure;
  try {
    ClamdConnection clamd(settings_);
    clamd.send("zINSTREAM", sizeof "zINSTREAM");  // with its NUL: the z-form of commands
    std::vector<char> chunk(4 + kClamdChunkBytes);
    try {
      while (in) {
        in.read(chunk.data() + 4, static_cast<std::streamsize>(kClamdChunkBytes));
        const auto size = static_cast<std::size_t>(in.gcount());
        if (size == 0) break;
        putBigEndian32(chunk.data(), static_cast<std::uint32_t>(size));
        clamd.send(chunk.data(), 4 + size);
      }
      putBigEndian32(chunk.data(), 0);
      clamd.send(chunk.data(), 4);
    } catch (const Poco::Exception& e) {
      // clamd stops reading when a limit is reached and says why before closing.
      failure = e.displayText();
    }
    answer = clamd.reply();
  } catch (const Poco::Exception& e) {
    failure += (failure.empty() ? "" : "; ") + e.displayText();
  }
  if (in.bad()) throw Error(ErrorCode::kInternal, "the received document could not be read for scanning");

  static const std::string kPrefix = "stream: ", kFound = " FOUND";
  if (failure.empty() && answer == kPrefix + "OK") return std::nullopt;
  if (failure.empty() && answer.starts_with(kPrefix) && answer.ends_with(kFound) &&
      answer.size() > kPrefix.size() + kFound.size()) {
    return answer.substr(kPrefix.size(), answer.size() - kPrefix.size() - kFound.size());
  }
  Poco::Logger::get("documents")
      .error("antivirus: clamd at %s gave no verdict (answer '%s'%s)", settings_.socket_path,
             answer.substr(0, 200), failure.empty() ? std::string() : ", " + failure);
  clamdUnavailable("the antivirus could not check the document: try again in a minute");
}

void ClamdScanner::ping() {
  std::string answer;
  try {
    ClamdConnection clamd(settings_);
    clamd.send("zPING", sizeof "zPING");
    answer = clamd.reply();
  } catch (const Poco::Exception& e) {
    clamdUnavailable("clamd at " + settings_.socket_path + ": " + e.displayText());
  }
  if (answer != "PONG") clamdUnavailable("clamd at " + settings_.socket_path + " answered '" + answer + "'");
}

}  // namespace cqpm::documents
