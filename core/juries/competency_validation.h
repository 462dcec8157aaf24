#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "juries/outcome_proposal.h"

namespace cqpm::juries {

/// What the jury says of one competency: validated or not, and why when it
/// departs from the commission's signed result.
struct CompetencyVerdict {
  std::string number;  ///< as the referential numbers it ("5")
  bool validated = false;
  std::string reason;
};

/// One competency as the jury's decision records it.
struct ValidatedCompetency {
  std::string number;
  int bloc_index = 0;             ///< 1-based
  std::string commission_result;  ///< acquired | not_acquired | ... | "" when never graded
  bool carried_over = false;      ///< its bloc is held from an earlier decision in force
  bool targeted = true;           ///< its bloc is one the file registered for
  bool validated = false;
  std::string reason;  ///< required when `validated` departs from the commission's result
};

/// The outcome the validated competencies support.
struct DerivedOutcome {
  std::string outcome;            ///< certified | blocs_awarded | not_certified
  std::vector<int> bloc_indexes;  ///< blocs_awarded: the blocs newly awarded (carried ones are not)
  bool blocs_awardable = true;    ///< false: complete blocs were not awarded (the CQPM is not at the RNCP)
};

/// The jury's validation of every competency of the referential, in order:
/// each starts from the commission's result (acquired -> validated) and takes
/// the jury's verdict where one is given; a carried-over bloc's competencies are
/// validated and take no verdict; the competencies of a bloc the file did not
/// register for (`targeted_blocs`, empty: all) are not validated and take no
/// verdict. Errors name the verdict at fault: kInvalidField
/// "competencies[i].number" (unknown, listed twice, of a carried-over or of a
/// non-targeted bloc); kUnprocessable "competencies[i].reason" when a verdict
/// departs from the commission's result without a written reason.
std::vector<ValidatedCompetency> validateCompetencies(const std::vector<BlocRef>& blocs,
                                                      const std::map<std::string, std::string>& commission,
                                                      const std::set<int>& carried_blocs,
                                                      const std::vector<CompetencyVerdict>& verdicts,
                                                      const std::set<int>& targeted_blocs = {});

/// All validated -> certified; else the blocs (not carried over) all of whose
/// competencies are validated -> blocs_awarded, when `blocs_awardable`; else
/// not_certified. Pure.
DerivedOutcome deriveOutcome(const std::vector<BlocRef>& blocs,
                             const std::vector<ValidatedCompetency>& validated, bool blocs_awardable);

/// Throws kUnprocessable when an outcome (and blocs) the jury asked for is not
/// what the validated competencies support, naming the competency that
/// contradicts it ("outcome" or "blocs", details.competency). Pure.
void requireSupportedOutcome(const std::optional<std::string>& outcome,
                             const std::optional<std::vector<int>>& blocs, const DerivedOutcome& derived,
                             const std::vector<BlocRef>& all_blocs,
                             const std::vector<ValidatedCompetency>& validated);

}  // namespace cqpm::juries
