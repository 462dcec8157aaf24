#include "common/unicode_text.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "common/error.h"
#include "common/input_rules.h"
#include "support/names_across_scripts.h"

namespace cqpm {
namespace {

TEST(UnicodeTextTest, NormalisesToTheComposedForm) {
  EXPECT_EQ(toNfc("He\xCC\x81le\xCC\x80ne"), "Hélène");  // e + combining acute, e + grave
  EXPECT_EQ(toNfc("Nguye\xCC\x82\xCC\x83n"), "Nguyễn");  // e + circumflex + tilde
  EXPECT_EQ(toNfc("Nguyễn"), "Nguyễn");                  // already composed: unchanged
  EXPECT_EQ(toNfc("\xE2\x84\xAB"), "\xC3\x85");          // the ångström sign is the letter Å
  EXPECT_EQ(toNfc(""), "");
}

TEST(UnicodeTextTest, AFieldIsStoredComposedAndItsLimitCountsTheComposedText) {
  EXPECT_EQ(checkedText(Poco::Dynamic::Var(std::string("He\xCC\x81le\xCC\x80ne")), "candidate.given_name",
                        TextLimit{6}),
            "Hélène");
  try {
    checkedText(Poco::Dynamic::Var(std::string("Ana\x07")), "candidate.given_name", TextLimit{100});
    FAIL() << "a control character was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "candidate.given_name");
  }
}

TEST(UnicodeTextTest, FoldsEveryNameAsItIsTypedWithoutDiacritics) {
  for (const auto& name : testing::namesAcrossScripts()) {
    EXPECT_EQ(foldedForSearch(name.family_name), foldedForSearch(name.typed_plainly)) << name.script;
    EXPECT_EQ(foldedForSearch(name.family_name), foldedForSearch(toNfc(name.family_name))) << name.script;
  }
  EXPECT_EQ(foldedForSearch("Nguyễn"), "nguyen");
  EXPECT_EQ(foldedForSearch("NGUYEN"), "nguyen");
  EXPECT_EQ(foldedForSearch("Łukasiewicz"), "lukasiewicz");
  EXPECT_EQ(foldedForSearch("Größmann"), "grossmann");
  EXPECT_EQ(foldedForSearch("Dupré-Lœuvre"), "dupre-loeuvre");
  EXPECT_EQ(foldedForSearch("İsmail Işık"), "ismail isik");
  EXPECT_EQ(foldedForSearch("Ştefan Ștefan"), "stefan stefan");  // cedilla and comma below alike
  EXPECT_EQ(foldedForSearch("Đức"), "duc");
  // Decomposed input folds as its composed form.
  EXPECT_EQ(foldedForSearch("Nguye\xCC\x82\xCC\x83n"), "nguyen");
}

TEST(UnicodeTextTest, FoldingIsTheSameOnEveryThread) {
  // Each thread has its own transliterator (ICU's are not to be shared): same answers everywhere.
  std::vector<std::string> answers(4);
  std::vector<std::thread> threads;
  for (std::string& answer : answers) {
    threads.emplace_back([&answer] {
      for (int round = 0; round < 50; ++round) answer = foldedForSearch("Văn Đức Nguyễn-Łukasiewicz Ţurcanu");
    });
  }
  for (auto& thread : threads) thread.join();
  for (const std::string& answer : answers) EXPECT_EQ(answer, "van duc nguyen-lukasiewicz turcanu");
}

}  // namespace
}  // namespace cqpm
