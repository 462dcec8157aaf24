#include "referentials/referential_markdown.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "referential_test_support.h"
#include "referentials/markdown_escape.h"

namespace cqpm::referentials {
namespace {

using namespace test_support;

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

class MarkdownOfEachReferential : public ::testing::TestWithParam<std::string> {};

TEST_P(MarkdownOfEachReferential, ShowsEveryCompetencyTitleUnderItsNumber) {
  const auto referential = loadReferential(GetParam());
  const std::string markdown = renderReferentialMarkdown(referential, "v3 — 2025-01-15");
  for (unsigned b = 0; b < blocs(referential)->size(); ++b) {
    const auto competencies = bloc(referential, b)->getArray("competencies");
    for (unsigned c = 0; c < competencies->size(); ++c) {
      const auto competency = competencies->getObject(c);
      const std::string heading = "\n### Compétence " + std::to_string(competency->getValue<int>("number")) +
                                  " — " + escapeMarkdownHeading(competency->getValue<std::string>("title")) +
                                  "\n";
      EXPECT_TRUE(contains(markdown, heading)) << heading;
    }
  }
}

TEST_P(MarkdownOfEachReferential, ShowsTitleVersionSourceAndSections) {
  const auto referential = loadReferential(GetParam());
  const std::string markdown = renderReferentialMarkdown(referential, "v3 — 2025-01-15");
  EXPECT_EQ(markdown.rfind("# " + referential->getValue<std::string>("title") + "\n", 0), 0u);
  EXPECT_TRUE(contains(markdown, "- Version : v3 — 2025-01-15\n"));
  EXPECT_TRUE(contains(markdown, referential->getObject("source")->getValue<std::string>("document")));
  for (const std::string heading :
       {"\n## Activités\n", "\n**Connaissances associées**\n", "\n#### Conditions de réalisation\n",
        "\n**Méthodes utilisées**\n", "\n**Moyens utilisés**\n", "\n**Liens professionnels**\n",
        "\n**Contraintes liées au milieu et à l'environnement de travail**\n", "\n#### Résultats attendus\n",
        "\n## Modalités d'évaluation\n", "(hors VAE)\n", "\n## Conditions d'admissibilité\n"}) {
    EXPECT_TRUE(contains(markdown, heading)) << heading;
  }
  EXPECT_EQ(markdown.back(), '\n');
  EXPECT_NE(markdown[markdown.size() - 2], '\n');
}

TEST_P(MarkdownOfEachReferential, KeepsNumberedTextsFromBecomingLists) {
  // The referentials are rendered with bullet lists only: a line opening an ordered list
  // would be a text of the referential read as Markdown.
  const std::string markdown = renderReferentialMarkdown(loadReferential(GetParam()), "v1");
  static const std::regex kOrderedItem(R"(^(- )?[0-9]+[.)]( |$))");
  std::istringstream lines(markdown);
  std::string line;
  while (std::getline(lines, line)) EXPECT_FALSE(std::regex_search(line, kOrderedItem)) << line;
}

INSTANTIATE_TEST_SUITE_P(Plugins, MarkdownOfEachReferential, ::testing::ValuesIn(kReferentialIds),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(ReferentialMarkdownTest, ShowsCodeNonAttribueForANullCode) {
  const std::string markdown = renderReferentialMarkdown(loadReferential("fabrication-additive"), "v1");
  EXPECT_TRUE(contains(markdown, "\n## Bloc 1 — BDC0198 — La préparation de production\n"));
  EXPECT_TRUE(contains(markdown, "\n## Bloc 2 — « code non attribué » — La réalisation d"));
}

TEST(ReferentialMarkdownTest, ShowsEveryMissingCodeOfMaintenanceProductive) {
  const std::string markdown = renderReferentialMarkdown(loadReferential("maintenance-productive"), "v1");
  for (const std::string bloc :
       {"## Bloc 1 — « code non attribué » — ", "## Bloc 2 — « code non attribué » — ",
        "## Bloc 3 — « code non attribué » — "}) {
    EXPECT_TRUE(contains(markdown, bloc)) << bloc;
  }
}

TEST(ReferentialMarkdownTest, EscapesTheNumberOfANumberedParagraph) {
  const std::string markdown = renderReferentialMarkdown(loadReferential("qualite"), "v1");
  EXPECT_TRUE(contains(markdown, "\n1\\. une observation en situation de travail.\n"));
}

TEST(ReferentialMarkdownTest, MarksTheExceptionalModality) {
  const std::string markdown = renderReferentialMarkdown(loadReferential("maintenance-productive"), "v1");
  EXPECT_TRUE(contains(markdown, "(à titre exceptionnel)\n"));
}

TEST(MarkdownEscapeTest, EscapesOnlyWhatMarkdownWouldInterpret) {
  struct Case {
    std::string text;
    std::string block;
  };
  const std::vector<Case> cases{
      {"Plan d'action qualité (PDCA, 5 pourquoi)", "Plan d'action qualité (PDCA, 5 pourquoi)"},
      {"# titre", "\\# titre"},
      {"- tiret", "\\- tiret"},
      {"+ plus", "\\+ plus"},
      {"> citation", "\\> citation"},
      {"12. douze", "12\\. douze"},
      {"3) trois", "3\\) trois"},
      {"2024 est une année", "2024 est une année"},
      {"  indenté", "indenté"},
      {"*gras* et _souligné_", "\\*gras\\* et \\_souligné\\_"},
      {"[lien](x) <b> `code` ~~barré~~ a\\b", "\\[lien\\](x) \\<b> \\`code\\` \\~\\~barré\\~\\~ a\\\\b"},
      {"R&D et &amp; et &#233;", "R&D et \\&amp; et \\&#233;"},
      {"ligne 1\nligne 2", "ligne 1 ligne 2"},
  };
  for (const auto& c : cases) EXPECT_EQ(escapeMarkdownBlock(c.text), c.block) << c.text;
  EXPECT_EQ(escapeMarkdownInline("# pas en début"), "# pas en début");
  EXPECT_EQ(escapeMarkdownHeading("C# et F#"), "C\\# et F\\#");
}

}  // namespace
}  // namespace cqpm::referentials
