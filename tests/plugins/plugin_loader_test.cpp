#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "plugin_test_support.h"

namespace cqpm::plugins {
namespace {

using namespace test_support;
using Poco::JSON::Object;

PluginLoadFailure refusalOf(const std::string& directory) {
  auto loaded = realLoader().load(directory);
  if (!std::holds_alternative<PluginLoadFailure>(loaded)) {
    ADD_FAILURE() << "the plugin was accepted";
    return {};
  }
  return std::get<PluginLoadFailure>(loaded);
}

TEST(PluginLoaderTest, LoadsTheFivePlugins) {
  const auto result = realLoader().loadAll(kSourceRoot + "/plugins");
  EXPECT_TRUE(result.failures.empty()) << (result.failures.empty() ? "" : result.failures[0].describe());
  ASSERT_EQ(result.plugins.size(), 5u);
  EXPECT_EQ(result.plugins[0].id, "fabrication-additive");  // sorted by folder
  EXPECT_EQ(result.plugins[2].script_name, "plugins/maintenance-industrielle/plugin.lua");
}

TEST(PluginLoaderTest, ABadBlocCodeIsRefusedWithItsJsonPath) {
  PluginCopy copy("qualite");
  auto referential = copy.json("referential.json");
  referential->getArray("blocs")->getObject(1)->set("code", "B-230");
  copy.setJson("referential.json", referential);
  const auto failure = refusalOf(copy.dir());
  EXPECT_EQ(failure.plugin, "qualite");
  EXPECT_EQ(failure.file, "referential.json");
  EXPECT_EQ(failure.path, "blocs[1].code");
  EXPECT_NE(failure.describe().find("plugin qualite: referential.json: blocs[1].code"), std::string::npos)
      << failure.describe();
}

TEST(PluginLoaderTest, AMissingCriteriaGroupIsRefusedWithItsJsonPath) {
  PluginCopy copy("industrialisation");
  auto referential = copy.json("referential.json");
  referential->getArray("blocs")
      ->getObject(2)
      ->getArray("competencies")
      ->getObject(0)
      ->getObject("criteria")
      ->remove("means");
  copy.setJson("referential.json", referential);
  const auto failure = refusalOf(copy.dir());
  EXPECT_EQ(failure.path, "blocs[2].competencies[0].criteria.means") << failure.message;
}

TEST(PluginLoaderTest, CompetenciesMustBeNumberedOneToNAcrossTheCqpm) {
  PluginCopy copy("qualite");
  auto referential = copy.json("referential.json");
  referential->getArray("blocs")->getObject(1)->getArray("competencies")->getObject(0)->set("number", 1);
  copy.setJson("referential.json", referential);
  const auto failure = refusalOf(copy.dir());
  EXPECT_EQ(failure.path, "blocs[1].competencies[0].number");
  EXPECT_NE(failure.message.find("expected 3"), std::string::npos) << failure.message;
}

TEST(PluginLoaderTest, MalformedJsonIsRefusedNamingTheFile) {
  PluginCopy copy("qualite");
  writeFile(copy.file("referential.json"), "{\"id\": \"qualite\", ");
  const auto failure = refusalOf(copy.dir());
  EXPECT_EQ(failure.file, "referential.json");
  EXPECT_FALSE(failure.message.empty());
}

TEST(PluginLoaderTest, TheManifestIdMustBeTheFolderName) {
  PluginCopy copy("qualite", "qualite-bis");
  const auto failure = refusalOf(copy.dir());
  EXPECT_EQ(failure.file, "manifest.json");
  EXPECT_EQ(failure.path, "id");
}

TEST(PluginLoaderTest, ANewerHostApiIsRefused) {
  PluginCopy copy("qualite");
  auto manifest = copy.json("manifest.json");
  manifest->set("host_api", kHostApiVersion + 1);
  copy.setJson("manifest.json", manifest);
  EXPECT_EQ(refusalOf(copy.dir()).path, "host_api");
}

TEST(PluginLoaderTest, ALuaSyntaxErrorIsRefusedWithItsLine) {
  PluginCopy copy("maintenance-productive");
  writeFile(copy.file("plugin.lua"),
            "local M = {}\n\nfunction M.plan_fields(ctx\n  return {}\nend\nreturn M\n");
  const auto failure = refusalOf(copy.dir());
  EXPECT_EQ(failure.file, "plugin.lua");
  EXPECT_NE(failure.message.find("plugins/maintenance-productive/plugin.lua:4:"), std::string::npos)
      << failure.message;
}

TEST(PluginLoaderTest, ADeclaredHookMustExistAndAnExistingHookMustBeDeclared) {
  {
    PluginCopy copy("maintenance-productive");
    writeFile(copy.file("plugin.lua"), "return { plan_fields = function() return {} end }\n");
    const auto failure = refusalOf(copy.dir());
    EXPECT_EQ(failure.file, "plugin.lua");
    EXPECT_EQ(failure.path, "check_modality_plan");
  }
  {
    PluginCopy copy("qualite");
    writeFile(copy.file("plugin.lua"), "return { propose_outcome = function() return nil end }\n");
    const auto failure = refusalOf(copy.dir());
    EXPECT_EQ(failure.file, "manifest.json");
    EXPECT_NE(failure.message.find("propose_outcome"), std::string::npos);
  }
}

TEST(PluginLoaderTest, APluginThatLoopsWhileLoadingIsRefused) {
  PluginCopy copy("qualite");
  writeFile(copy.file("plugin.lua"), "while true do end\nreturn {}\n");
  const auto failure = refusalOf(copy.dir());
  EXPECT_EQ(failure.file, "plugin.lua");
  EXPECT_NE(failure.message.find("budget exceeded"), std::string::npos) << failure.message;
}

TEST(PluginLoaderTest, ABrokenPluginDoesNotStopTheOthers) {
  PluginCopy broken("qualite");
  Poco::File(kSourceRoot + "/plugins/industrialisation").copyTo(broken.root() + "/industrialisation");
  writeFile(broken.file("manifest.json"), "{}");
  const auto result = realLoader().loadAll(broken.root());
  ASSERT_EQ(result.plugins.size(), 1u);
  EXPECT_EQ(result.plugins[0].id, "industrialisation");
  ASSERT_EQ(result.failures.size(), 1u);
  EXPECT_EQ(result.failures[0].plugin, "qualite");
  EXPECT_EQ(result.failures[0].file, "manifest.json");
}

}  // namespace
}  // namespace cqpm::plugins
