#include "http/audit_presenters.h"

#include <Poco/JSON/Array.h>

#include "common/json_text.h"

namespace cqpm::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr fileAuditJson(const audit::FileChainCheck& check) {
  Array::Ptr chain = arrayOf(check.chain, [](const audit::CheckedEvent& link) {
    Object::Ptr item = new Object;
    item->set("seq", link.event.seq);
    item->set("transition", link.event.transition);
    item->set("from", nullable(link.event.from_state));
    item->set("to", link.event.to_state);
    item->set("actor_id", link.event.actor_id);
    item->set("at", link.event.at);
    item->set("prev_hash", link.event.prev_hash);
    item->set("hash", link.event.hash);
    // What the link covers of the payload (empty: the payload itself, a chain broken before 0031).
    item->set("payload_sha256", link.event.payload_sha256.empty()
                                    ? Poco::Dynamic::Var()
                                    : Poco::Dynamic::Var(link.event.payload_sha256));
    item->set("payload_redacted_at", nullable(link.event.payload_redacted_at));
    item->set("intact", link.intact);
    item->set("problem", link.problem.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(link.problem));
    return item;
  });
  Object::Ptr json = new Object;
  json->set("file", check.file_id);
  json->set("intact", check.intact());
  json->set("events", check.events);
  json->set("broken_at", nullable(check.broken_at));
  json->set("problem", check.problem.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(check.problem));
  json->set("chain", chain);
  return json;
}

Poco::JSON::Object::Ptr platformKeySetJson(const audit::VerifyingKey& key) {
  Poco::JSON::Object::Ptr jwk = new Poco::JSON::Object;
  jwk->set("kty", "OKP");
  jwk->set("crv", "Ed25519");
  jwk->set("x", key.jwkX());
  jwk->set("kid", key.keyId());
  jwk->set("use", "sig");
  jwk->set("alg", "EdDSA");
  jwk->set("x-pem", key.pem());
  Poco::JSON::Array::Ptr keys = new Poco::JSON::Array;
  keys->add(jwk);
  Poco::JSON::Object::Ptr set = new Poco::JSON::Object;
  set->set("keys", keys);
  return set;
}

}  // namespace cqpm::http
