#include "keep_alive_connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <stdexcept>

namespace cqpm::bench {
namespace {

constexpr std::size_t kInitialBuffer = 16 * 1024;
constexpr std::string_view kHeadEnd = "\r\n\r\n";

bool sameName(std::string_view line, std::string_view lower_name) {
  if (line.size() <= lower_name.size() || line[lower_name.size()] != ':') return false;
  for (std::size_t i = 0; i < lower_name.size(); ++i) {
    const char c = line[i] >= 'A' && line[i] <= 'Z' ? static_cast<char>(line[i] - 'A' + 'a') : line[i];
    if (c != lower_name[i]) return false;
  }
  return true;
}

std::string_view valueOf(std::string_view line) {
  std::string_view value = line.substr(line.find(':') + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return value;
}

std::runtime_error systemError(const std::string& what) {
  return std::runtime_error(what + ": " + std::strerror(errno));
}

}  // namespace

KeepAliveConnection::KeepAliveConnection(int port, std::chrono::milliseconds timeout)
    : buffer_(kInitialBuffer, '\0') {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw systemError("socket");
  const timeval limit{.tv_sec = static_cast<time_t>(timeout.count() / 1000),
                      .tv_usec = static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
  const int on = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    const auto error = systemError("connect to 127.0.0.1:" + std::to_string(port));
    ::close(fd_);
    throw error;
  }
}

KeepAliveConnection::~KeepAliveConnection() {
  if (fd_ >= 0) ::close(fd_);
}

void KeepAliveConnection::receiveMore() {
  if (used_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  for (;;) {
    const ssize_t got = ::recv(fd_, buffer_.data() + used_, buffer_.size() - used_, 0);
    if (got > 0) {
      used_ += static_cast<std::size_t>(got);
      return;
    }
    if (got == 0) throw std::runtime_error("the server closed the connection");
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) throw std::runtime_error("no answer within the timeout");
    throw systemError("recv");
  }
}

RawAnswer KeepAliveConnection::exchange(std::string_view request) {
  // Bytes after the last answer (none without pipelining) move to the front.
  if (consumed_ < used_) std::memmove(buffer_.data(), buffer_.data() + consumed_, used_ - consumed_);
  used_ -= consumed_;
  consumed_ = 0;
  for (std::size_t sent = 0; sent < request.size();) {
    const ssize_t wrote = ::send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) throw systemError("send");
    sent += static_cast<std::size_t>(wrote);
  }

  std::size_t head_end = std::string_view::npos;
  for (std::size_t scanned = 0; head_end == std::string_view::npos;) {
    receiveMore();
    const std::string_view received(buffer_.data(), used_);
    const std::size_t at = received.find(kHeadEnd, scanned);
    if (at != std::string_view::npos) head_end = at + kHeadEnd.size();
    scanned = used_ >= kHeadEnd.size() ? used_ - kHeadEnd.size() + 1 : 0;
  }

  const std::string_view head(buffer_.data(), head_end);
  RawAnswer answer;
  if (head.size() < 12 || !head.starts_with("HTTP/1.") ||
      std::from_chars(head.data() + 9, head.data() + 12, answer.status).ec != std::errc())
    throw std::runtime_error("not an HTTP answer: " + std::string(head.substr(0, 80)));
  std::size_t length = 0;
  bool framed = answer.status == 204 || answer.status == 304;
  for (std::size_t start = head.find("\r\n") + 2; start + 2 < head.size();) {
    const std::size_t end = head.find("\r\n", start);
    const std::string_view line = head.substr(start, end - start);
    start = end + 2;
    if (sameName(line, "content-length")) {
      const std::string_view value = valueOf(line);
      if (std::from_chars(value.data(), value.data() + value.size(), length).ec != std::errc())
        throw std::runtime_error("bad Content-Length: " + std::string(line));
      framed = true;
    } else if (sameName(line, "transfer-encoding")) {
      throw std::runtime_error("a Transfer-Encoding answer (not supported here): " + std::string(line));
    } else if (sameName(line, "connection")) {
      answer.closes = valueOf(line).find("close") != std::string_view::npos;
    }
  }
  if (!framed)
    throw std::runtime_error("an answer without Content-Length: " + std::string(head.substr(0, 80)));
  while (used_ < head_end + length) receiveMore();
  answer.body = std::string_view(buffer_.data() + head_end, length);
  consumed_ = head_end + length;
  return answer;
}

}  // namespace cqpm::bench
