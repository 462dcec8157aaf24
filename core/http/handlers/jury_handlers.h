#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// POST /api/v1/jury-sessions {date, place} -> 201 the session.
Response createJurySession(ApiContext& context, Request& request);
/// GET /api/v1/jury-sessions -> {items: [...]}
Response listJurySessions(ApiContext& context, Request& request);
/// GET /api/v1/jury-sessions/{id} -> the session with members and files.
Response getJurySession(ApiContext& context, Request& request);
/// POST /api/v1/jury-sessions/{id}/members {user_id, company_id} -> 201 the session.
Response addJuryMember(ApiContext& context, Request& request);
/// POST /api/v1/jury-sessions/{id}/members/{user}/attendance {present} -> the session.
Response setJuryAttendance(ApiContext& context, Request& request);
/// POST /api/v1/jury-sessions/{id}/files {file_id} -> 201 the session.
Response addJuryFile(ApiContext& context, Request& request);
/// POST /api/v1/jury-sessions/{id}/open -> the session, its files in deliberation.
Response openJurySession(ApiContext& context, Request& request);
/// GET /api/v1/jury-sessions/{id}/files/{file}/proposal
Response juryProposal(ApiContext& context, Request& request);
/// POST /api/v1/jury-sessions/{id}/files/{file}/decision {outcome, blocs, reason} -> 201 the decision.
Response recordJuryDecision(ApiContext& context, Request& request);
/// POST /api/v1/decisions/{id}/revocation {reason} -> the revoked decision.
Response revokeJuryDecision(ApiContext& context, Request& request);
/// GET /api/v1/files/{id}/decisions -> {items: [...]}
Response fileDecisions(ApiContext& context, Request& request);
/// GET /api/v1/jury-sessions/{id}/minutes.pdf
Response juryMinutesPdf(ApiContext& context, Request& request);
/// GET /api/v1/jury-sessions/{id}/results.csv
Response juryResultsCsv(ApiContext& context, Request& request);

/// POST /api/v1/jury-sessions/{id}/president {user_id}
Response designateJuryPresident(ApiContext& context, Request& request);
/// POST /api/v1/jury-sessions/{id}/close (the president)
Response closeJurySession(ApiContext& context, Request& request);
/// POST /api/v1/jury-sessions/{id}/signatures (a member present)
Response signJuryMinutes(ApiContext& context, Request& request);
/// POST /api/v1/jury-sessions/{id}/publication (the coordinator)
Response publishJuryResults(ApiContext& context, Request& request);
/// POST /api/v1/jury-sessions/{id}/errata {text}
Response addJuryErratum(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
