#pragma once

#include <Poco/JSON/Array.h>

#include <string>
#include <vector>

#include "archive/file_archive.h"

namespace cqpm::archive {

/// The file's registration answers (`registration_json`, an object keyed by field id) in the order
/// of the CQPM's registration `fields` ([{id, label, type, choices?}]), each as French text: a
/// choice by its label, yes/no as « Oui » / « Non », a credential list as « B1V, délivrée par X,
/// valable jusqu'au 30/06/2029 » per item. Fields left unanswered read « Non renseigné ». Answers
/// the fields no longer ask for are printed after them under their id, so nothing stored is hidden.
/// Pure; never throws on a malformed answer (it is printed as its JSON text).
std::vector<RegistrationAnswer> registrationAnswers(const Poco::JSON::Array::Ptr& fields,
                                                    const std::string& registration_json);

}  // namespace cqpm::archive
