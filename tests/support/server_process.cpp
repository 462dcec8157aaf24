#include "support/server_process.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/NullStream.h>
#include <Poco/StreamCopier.h>
#include <signal.h>

#include <deque>
#include <fstream>
#include <thread>

namespace cqpm::testing {

using SteadyClock = std::chrono::steady_clock;

std::string tailOf(const std::string& path, std::size_t max_lines) {
  std::ifstream in(path);
  std::deque<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
    if (lines.size() > max_lines) lines.pop_front();
  }
  std::string text;
  for (const auto& line : lines) text += "  | " + line + "\n";
  return text.empty() ? "  | (empty)\n" : text;
}

int freePort() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  const int port = socket.address().port();
  socket.close();
  return port;
}

std::string describeExit(int status) {
  if (status >= 256) return "was killed by signal " + std::to_string(status - 256);
  return "exited with status " + std::to_string(status);
}

ServerProcess::~ServerProcess() {
  if (running()) kill9();
}

void ServerProcess::start() {
  // `sh -c 'exec ...'` redirects the output to the log and then becomes the
  // server: the pid we hold is the server's own.
  Poco::Process::Args args{"-c", "log=$1; shift; exec \"$@\" >>\"$log\" 2>&1", "cqpm-server", log_path_,
                           binary_};
  args.insert(args.end(), args_.begin(), args_.end());
  handle_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch("/bin/sh", args));
  exit_status_ = -1;
}

bool ServerProcess::running() {
  if (!handle_ || exit_status_ >= 0) return false;
  const int status = handle_->tryWait();
  if (status < 0) return true;
  exit_status_ = status;
  return false;
}

void ServerProcess::kill9() {
  if (!running()) return;
  ::kill(handle_->id(), SIGKILL);
  exit_status_ = handle_->wait();
}

int ServerProcess::terminate(std::chrono::seconds patience) {
  if (!running()) return exit_status_;
  ::kill(handle_->id(), SIGTERM);
  const auto deadline = SteadyClock::now() + patience;
  while (running() && SteadyClock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  if (running()) kill9();
  return exit_status_;
}

std::string ServerProcess::waitUntilReady(int port, std::chrono::seconds patience) {
  const auto deadline = SteadyClock::now() + patience;
  while (SteadyClock::now() < deadline) {
    if (!running()) return "the server " + describeExit(exitStatus()) + " before /readyz answered 200";
    try {
      Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
      session.setTimeout(Poco::Timespan(5, 0));
      Poco::Net::HTTPRequest request("GET", "/readyz", Poco::Net::HTTPMessage::HTTP_1_1);
      session.sendRequest(request);
      Poco::Net::HTTPResponse response;
      Poco::NullOutputStream sink;
      Poco::StreamCopier::copyStream(session.receiveResponse(response), sink);
      if (response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK) return {};
    } catch (const Poco::Exception&) {
      // not listening yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return "the server was not ready within " + std::to_string(patience.count()) + " s";
}

int ServerProcess::pid() const { return handle_ ? handle_->id() : 0; }

}  // namespace cqpm::testing
