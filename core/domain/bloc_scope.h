#pragma once

#include <Poco/JSON/Object.h>

#include <set>
#include <string>
#include <vector>

#include "referential_model/referential.h"

namespace cqpm::domain {

/// A bloc held from an earlier jury decision, whose carry-over the centre confirmed on this file.
struct CarriedOverBloc {
  int bloc = 0;             ///< 1-based index of the bloc in the file's referential
  std::string decision_id;  ///< the earlier decision that awarded it
  std::string confirmed_by;
  std::string confirmed_at;
};

/// What a file covers of its CQPM (the seeds open access to « CQPM ou blocs de
/// compétences »): the blocs targeted at registration, none meaning the whole
/// CQPM, and the blocs carried over from earlier decisions. Only the remaining
/// competencies are planned, evaluated and validated by the jury.
struct BlocScope {
  std::vector<int> targeted;  ///< 1-based bloc indexes, ascending; empty: the whole CQPM
  std::vector<CarriedOverBloc> carried_over;

  bool wholeCqpm() const { return targeted.empty(); }
  bool targets(int bloc) const;
  bool carries(int bloc) const;
};

/// The file's stored scope ("{}" for the whole CQPM, nothing carried over).
/// Throws Error{kStorage} if the stored text is not a scope.
BlocScope parseBlocScope(const std::string& json);
std::string blocScopeJson(const BlocScope& scope);
/// One carried-over bloc as stored in the scope column and shown by the API:
/// {bloc, decision_id, confirmed_by, confirmed_at}.
Poco::JSON::Object::Ptr carriedOverJson(const CarriedOverBloc& bloc);

/// The competency numbers of `referential` ("3") the file still has to plan,
/// evaluate and have validated: those of its targeted blocs, without those of
/// carried-over blocs, in the referential's order.
std::vector<std::string> competenciesInScope(const BlocScope& scope,
                                             const referential_model::Referential& referential);

}  // namespace cqpm::domain
