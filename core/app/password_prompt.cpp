#include "app/password_prompt.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "common/error.h"

namespace cqpm::app {

namespace {

// Turns the terminal's echo off for as long as it lives.
class EchoOff {
 public:
  EchoOff() {
    if (tcgetattr(STDIN_FILENO, &saved_) == 0) {
      termios quiet = saved_;
      quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      active_ = tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
    }
  }
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

std::string readLine() {
  std::string line;
  if (!std::getline(std::cin, line))
    throw Error(ErrorCode::kInvalidField, "no password on standard input", "password");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

std::string readPasswordFromStdin() {
  if (!isatty(STDIN_FILENO)) return readLine();
  std::string first, second;
  {
    EchoOff quiet;
    std::cerr << "Mot de passe (12 caractères au moins) : " << std::flush;
    first = readLine();
    std::cerr << "\nConfirmez le mot de passe : " << std::flush;
    second = readLine();
    std::cerr << "\n";
  }
  if (first != second) throw Error(ErrorCode::kInvalidField, "the two passwords differ", "password");
  return first;
}

}  // namespace cqpm::app
