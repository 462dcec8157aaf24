#pragma once

#include <string>

namespace cqpm::app {

/// The new password for `cqpm admin create-admin`, from standard input, never
/// from the command line: on a terminal it is asked twice with echo off (on
/// stderr); from a pipe it is the first line. Throws Error{kInvalidField,
/// "password"} when the two entries differ or nothing was read.
std::string readPasswordFromStdin();

}  // namespace cqpm::app
