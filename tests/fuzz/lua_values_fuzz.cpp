// The Lua sandbox's value conversion: a JSON document (parsed as the host
// parses payloads and referentials) crosses into a sandbox as a hook argument
// (pushValue), comes back through an identity hook (toValue), and crosses once
// more, as a plugin's results do. Refusals (too deep, memory cap) are Errors.

#include "common/json_schema.h"
#include "fuzz_support.h"
#include "plugins/lua_sandbox.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static cqpm::plugins::LuaSandbox* sandbox = [] {
    // Small caps: a fuzzer runs many inputs a second.
    auto* made = new cqpm::plugins::LuaSandbox(
        cqpm::plugins::SandboxLimits{.memory_bytes = std::size_t{8} << 20,
                                     .instructions_per_call = 1'000'000,
                                     .deadline_per_call = std::chrono::milliseconds(1000)});
    made->loadModule("echo", "return { same = function(value) return value end }", "echo.lua");
    return made;
  }();
  const std::string text = cqpm::fuzz::asText(data, size);
  cqpm::fuzz::expectRefusals([&] {
    const Poco::Dynamic::Var value = cqpm::parseJson(text, "value.json", cqpm::ErrorCode::kInvalidField);
    const Poco::Dynamic::Var back = sandbox->call("echo", "", "same", value, "fuzz echo");
    sandbox->call("echo", "", "same", back, "fuzz echo again");
    sandbox->setGlobal("fuzz_value", value);
  });
  return 0;
}
