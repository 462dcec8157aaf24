#pragma once

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <cstdlib>
#include <string>
#include <vector>

// The `cqpm` command as an operator runs it: the real binary in a child process.

namespace cqpm::testing {

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// The binary under test: CQPM_BIN, else the build tree's.
inline std::string cqpmBinary() {
  const char* path = std::getenv("CQPM_BIN");
  return path ? path : std::string(CQPM_SOURCE_ROOT) + "/build/bin/cqpm";
}

/// Runs `cqpm args...` with `input` on its standard input; waits for it and returns what it printed.
inline CommandRun runCqpm(const std::vector<std::string>& args, const std::string& input = "") {
  Poco::Pipe in_pipe, out_pipe, err_pipe;
  Poco::ProcessHandle handle = Poco::Process::launch(cqpmBinary(), args, &in_pipe, &out_pipe, &err_pipe);
  {
    Poco::PipeOutputStream in(in_pipe);
    in << input;
  }
  in_pipe.close(Poco::Pipe::CLOSE_WRITE);
  Poco::PipeInputStream out(out_pipe), err(err_pipe);
  CommandRun result;
  Poco::StreamCopier::copyToString(out, result.out);
  Poco::StreamCopier::copyToString(err, result.err);
  result.exit_code = handle.wait();
  return result;
}

}  // namespace cqpm::testing
