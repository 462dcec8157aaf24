#include "support/smtp_sink.h"

#include <Poco/Net/NetException.h>
#include <Poco/String.h>

namespace cqpm::testing {

namespace {

// Reads one CRLF-terminated line; false when the peer closed or went silent.
bool readLine(Poco::Net::StreamSocket& connection, std::string& buffer, std::string& line) {
  for (;;) {
    const auto end = buffer.find("\r\n");
    if (end != std::string::npos) {
      line = buffer.substr(0, end);
      buffer.erase(0, end + 2);
      return true;
    }
    char chunk[4096];
    const int n = connection.receiveBytes(chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

void reply(Poco::Net::StreamSocket& connection, const std::string& text) {
  const std::string line = text + "\r\n";
  connection.sendBytes(line.data(), static_cast<int>(line.size()));
}

std::string address(const std::string& argument) {
  const auto open = argument.find('<');
  const auto close = argument.find('>');
  if (open == std::string::npos || close == std::string::npos || close < open) return Poco::trim(argument);
  return argument.substr(open + 1, close - open - 1);
}

}  // namespace

std::string ReceivedMail::header(const std::string& name) const {
  std::size_t start = 0;
  while (start < data.size()) {
    const auto end = data.find("\r\n", start);
    const std::string line = data.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (line.empty()) break;  // end of the headers
    const auto colon = line.find(':');
    if (colon != std::string::npos && Poco::icompare(line.substr(0, colon), name) == 0) {
      return Poco::trim(line.substr(colon + 1));
    }
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return {};
}

SmtpSink::SmtpSink() : socket_(Poco::Net::SocketAddress("127.0.0.1", 0)) {
  thread_ = std::thread([this] { serve(); });
}

SmtpSink::~SmtpSink() {
  stopping_ = true;
  thread_.join();
}

std::vector<ReceivedMail> SmtpSink::messages() const {
  std::lock_guard lock(mutex_);
  return messages_;
}

bool SmtpSink::waitFor(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return arrived_.wait_for(lock, timeout, [&] { return messages_.size() >= count; });
}

void SmtpSink::serve() {
  while (!stopping_) {
    if (!socket_.poll(Poco::Timespan(0, 100 * 1000), Poco::Net::Socket::SELECT_READ)) continue;
    try {
      Poco::Net::StreamSocket connection = socket_.acceptConnection();
      connection.setReceiveTimeout(Poco::Timespan(5, 0));
      converse(connection);
    } catch (const Poco::Exception&) {
      // A client that misbehaves ends its own conversation, not the sink.
    }
  }
}

void SmtpSink::converse(Poco::Net::StreamSocket& connection) {
  std::string buffer, line;
  ReceivedMail mail;
  reply(connection, "220 sink.test ESMTP ready");
  while (!stopping_ && readLine(connection, buffer, line)) {
    const std::string verb = Poco::toUpper(line.substr(0, 4));
    if (verb == "EHLO" || verb == "HELO") {
      reply(connection, "250 sink.test");
    } else if (verb == "MAIL") {
      mail = ReceivedMail{};
      mail.from = address(line.substr(line.find(':') + 1));
      reply(connection, "250 OK");
    } else if (verb == "RCPT") {
      mail.recipients.push_back(address(line.substr(line.find(':') + 1)));
      reply(connection, "250 OK");
    } else if (verb == "DATA") {
      reply(connection, "354 end with <CRLF>.<CRLF>");
      std::string data;
      while (readLine(connection, buffer, line) && line != ".") {
        data += (line.starts_with("..") ? line.substr(1) : line) + "\r\n";  // undo dot-stuffing
      }
      mail.data = data;
      if (fail_next_ > 0) {
        --fail_next_;
        reply(connection, "451 try again later");
        continue;
      }
      {
        std::lock_guard lock(mutex_);
        messages_.push_back(mail);
      }
      arrived_.notify_all();
      reply(connection, "250 queued");
    } else if (verb == "QUIT") {
      reply(connection, "221 bye");
      return;
    } else if (verb == "RSET" || verb == "NOOP") {
      reply(connection, "250 OK");
    } else {
      reply(connection, "502 not implemented");
    }
  }
}

}  // namespace cqpm::testing
